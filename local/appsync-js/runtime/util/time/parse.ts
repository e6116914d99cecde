/**
 * Parse text with a Java `DateTimeFormatter` pattern to epoch milliseconds. Strict like Java's
 * default: fixed-width fields need their exact digits, text must match, the whole input must be
 * used. An offset or zone id in the text wins over the `zone` argument. Missing time fields are
 * midnight and a missing month or day is 1 (our choice; Java would refuse to build an instant).
 * Not readable: quarters (Q, q), week fields (w, W, F; Y is read as the year) and zone names
 * (z, v); such patterns throw a clear error when parsing, and still format.
 */
import { compilePattern, DAYS, MONTHS, type Token } from './pattern.js';
import { utcDate } from './fields.js';
import { localToInstant, resolveZone, type Zone } from './zone.js';

interface Parsed {
  year?: number;
  yearOfEra?: number;
  bc?: boolean;
  month?: number;
  day?: number;
  dayOfYear?: number;
  hour?: number;
  hour12?: number;
  pm?: boolean;
  minute?: number;
  second?: number;
  nanos?: number;
  milliOfDay?: number;
  offset?: number;
  zone?: Zone;
}

class ParseFailure {
  constructor(readonly index: number) {}
}

const NUMERIC = new Set(['u', 'y', 'Y', 'D', 'M', 'L', 'd', 'h', 'K', 'k', 'H', 'm', 's', 'S', 'A', 'n', 'N']);

function fixedWidth(token: Token | undefined): number {
  if (!token || token.type !== 'field' || !NUMERIC.has(token.letter)) return 0;
  const { letter, count } = token;
  if ((letter === 'M' || letter === 'L') && count > 2) return 0; // month as text
  if (letter === 'S' || count === 2) return count;
  return count > 2 && 'DdhKkHms'.includes(letter) ? count : 0;
}

class Parser {
  index = 0;
  readonly out: Parsed = {};
  constructor(readonly input: string) {}

  fail(): never {
    throw new ParseFailure(this.index);
  }

  digits(min: number, max: number): number {
    const match = /^\d+/.exec(this.input.slice(this.index));
    const run = match ? match[0].length : 0;
    const take = Math.min(run, max);
    if (take < min) this.fail();
    const value = Number(this.input.slice(this.index, this.index + take));
    this.index += take;
    return value;
  }

  oneOf(names: readonly string[]): number {
    // Longest first, so that "May" does not stop a longer name and full names beat short ones.
    const candidates = names.map((name, position) => ({ name, position })).sort((a, b) => b.name.length - a.name.length);
    for (const { name, position } of candidates) {
      if (this.input.startsWith(name, this.index)) {
        this.index += name.length;
        return position;
      }
    }
    return this.fail();
  }

  offset(colon: boolean | 'either', zulu: boolean, seconds: boolean): number {
    if (zulu && this.input[this.index] === 'Z') {
      this.index += 1;
      return 0;
    }
    const sign = this.input[this.index];
    if (sign !== '+' && sign !== '-') this.fail();
    this.index += 1;
    const hours = this.digits(2, 2);
    let minutes = 0;
    let secs = 0;
    const separator = () => {
      if (this.input[this.index] === ':' && colon !== false) this.index += 1;
      else if (colon === true) this.fail();
    };
    if (/^:?\d\d/.test(this.input.slice(this.index))) {
      separator();
      minutes = this.digits(2, 2);
      if (seconds && /^:?\d\d/.test(this.input.slice(this.index))) {
        separator();
        secs = this.digits(2, 2);
      }
    }
    const total = (hours * 3600 + minutes * 60 + secs) * 1000;
    return sign === '-' ? -total : total;
  }
}

function parseField(parser: Parser, token: Extract<Token, { type: 'field' }>, next: readonly Token[]): void {
  const { letter, count } = token;
  const out = parser.out;
  const width = fixedWidth(token);
  const numeric = (min: number, max: number) => parser.digits(min, max);
  let reserved = 0;
  for (const following of next) {
    const size = fixedWidth(following);
    if (!size) break;
    reserved += size;
  }
  const variable = (min: number) => {
    const run = (/^\d+/.exec(parser.input.slice(parser.index))?.[0].length ?? 0) - reserved;
    return numeric(min, Math.max(min, Math.min(run, 19)));
  };
  switch (letter) {
    case 'u':
    case 'y':
    case 'Y': {
      const value = count === 2 ? 2000 + numeric(2, 2) : variable(Math.max(count, 1));
      if (letter === 'y') out.yearOfEra = value;
      else out.year = value;
      return;
    }
    case 'G':
      out.bc = parser.oneOf(count === 4 ? ['Anno Domini', 'Before Christ'] : count === 5 ? ['A', 'B'] : ['AD', 'BC']) === 1;
      return;
    case 'M':
    case 'L':
      out.month =
        count <= 2
          ? width
            ? numeric(width, width)
            : variable(1)
          : parser.oneOf(MONTHS.map((name) => (count === 4 ? name : count === 5 ? name[0]! : name.slice(0, 3)))) + 1;
      return;
    case 'E':
    case 'e':
    case 'c':
      if (count <= 2 && letter !== 'E') numeric(count, count === 1 ? 1 : 2);
      else parser.oneOf(DAYS.map((name) => (count === 4 ? name : count === 5 ? name[0]! : name.slice(0, 3))));
      return; // The day of week is checked against the date by java.time; we only consume it.
    case 'a':
      out.pm = parser.oneOf(['AM', 'PM']) === 1;
      return;
    case 'S': {
      const fraction = parser.input.slice(parser.index, parser.index + count);
      if (!/^\d+$/.test(fraction) || fraction.length !== count) parser.fail();
      parser.index += count;
      out.nanos = Number(fraction.padEnd(9, '0'));
      return;
    }
    case 'V': {
      const match = /^[A-Za-z0-9_+\-/:]+/.exec(parser.input.slice(parser.index));
      if (!match) parser.fail();
      out.zone = resolveZone(match[0]);
      parser.index += match[0].length;
      return;
    }
    case 'X':
      out.offset = parser.offset(count === 3 || count === 5, true, count >= 4);
      return;
    case 'x':
      out.offset = parser.offset(count === 3 || count === 5, false, count >= 4);
      return;
    case 'Z':
      if (count === 5) out.offset = parser.offset(true, true, true);
      else if (count === 4) out.offset = gmtOffset(parser);
      else out.offset = parser.offset(false, false, false);
      return;
    case 'O':
      out.offset = gmtOffset(parser);
      return;
  }
  if (!NUMERIC.has(letter)) throw new Error(`Parsing with pattern letter ${letter} is not supported`);
  const value = width ? numeric(width, width) : variable(1);
  const target: Record<string, keyof Parsed> = {
    D: 'dayOfYear',
    d: 'day',
    h: 'hour12',
    K: 'hour12',
    k: 'hour',
    H: 'hour',
    m: 'minute',
    s: 'second',
    A: 'milliOfDay',
    n: 'nanos',
  };
  const key = target[letter];
  if (!key) throw new Error(`Parsing with pattern letter ${letter} is not supported`);
  (out as Record<string, unknown>)[key] = letter === 'k' && value === 24 ? 0 : letter === 'K' && value === 0 ? 12 : value;
}

function gmtOffset(parser: Parser): number {
  if (!parser.input.startsWith('GMT', parser.index)) parser.fail();
  parser.index += 3;
  const sign = parser.input[parser.index];
  if (sign !== '+' && sign !== '-') return 0;
  parser.index += 1;
  const hours = parser.digits(1, 2);
  let minutes = 0;
  if (parser.input[parser.index] === ':') {
    parser.index += 1;
    minutes = parser.digits(2, 2);
  }
  const total = (hours * 60 + minutes) * 60_000;
  return sign === '-' ? -total : total;
}

function parseTokens(parser: Parser, tokens: readonly Token[]): void {
  tokens.forEach((token, position) => {
    if (token.type === 'literal') {
      if (!parser.input.startsWith(token.text, parser.index)) parser.fail();
      parser.index += token.text.length;
    } else if (token.type === 'optional') {
      const savedIndex = parser.index;
      const saved = { ...parser.out };
      try {
        parseTokens(parser, token.tokens);
      } catch (failure) {
        if (!(failure instanceof ParseFailure)) throw failure;
        parser.index = savedIndex;
        Object.assign(parser.out, saved);
      }
    } else {
      parseField(parser, token, tokens.slice(position + 1));
    }
  });
}

function toEpochMillis(p: Parsed, zone: Zone, input: string): number {
  const year = p.year ?? (p.yearOfEra === undefined ? undefined : p.bc ? 1 - p.yearOfEra : p.yearOfEra);
  if (year === undefined) throw new Error(`Text '${input}' could not be parsed: no year`);
  let date = utcDate(year, (p.month ?? 1) - 1, p.day ?? 1);
  if (p.dayOfYear !== undefined && p.month === undefined) date = utcDate(year, 0, p.dayOfYear);
  const hour = p.hour ?? (p.hour12 === undefined ? 0 : (p.hour12 % 12) + (p.pm ? 12 : 0));
  let timeOfDay = ((hour * 60 + (p.minute ?? 0)) * 60 + (p.second ?? 0)) * 1000 + Math.floor((p.nanos ?? 0) / 1_000_000);
  if (p.milliOfDay !== undefined) timeOfDay = p.milliOfDay;
  const local = date + timeOfDay;
  if (p.offset !== undefined) return local - p.offset;
  return localToInstant(local, p.zone ?? zone);
}

/** Epoch milliseconds of `input` read with the Java `pattern`, in `zone` unless the text has one. */
export function parseToEpochMillis(input: string, pattern: string, zone: Zone): number {
  const text = String(input);
  const parser = new Parser(text);
  try {
    parseTokens(parser, compilePattern(String(pattern)));
  } catch (failure) {
    if (failure instanceof ParseFailure) throw new Error(`Text '${text}' could not be parsed at index ${failure.index}`);
    throw failure;
  }
  if (parser.index !== text.length) throw new Error(`Text '${text}' could not be parsed, unparsed text found at index ${parser.index}`);
  return toEpochMillis(parser.out, zone, text);
}
