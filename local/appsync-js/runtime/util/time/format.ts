/** Format an instant with a Java `DateTimeFormatter` pattern in a zone (English, US locale). */
import { fieldsOf, usWeekFields, type DateTimeFields } from './fields.js';
import { compilePattern, DAYS, MONTHS, type Token } from './pattern.js';
import { zoneName, type Zone } from './zone.js';

const pad = (value: number, width: number): string => {
  const digits = String(Math.abs(value)).padStart(width, '0');
  return value < 0 ? `-${digits}` : digits;
};

/** Numbers: count 1 is unpadded, larger counts pad to the count. */
const number = (value: number, count: number): string => pad(value, count);

/** Years: `yy` is the two last digits; otherwise padded to the count. */
function year(value: number, count: number): string {
  if (count === 2) return pad(((value % 100) + 100) % 100, 2);
  return pad(value, count);
}

function text(names: readonly string[], index: number, count: number): string {
  const name = names[index] as string;
  if (count === 4) return name;
  if (count === 5) return name.slice(0, 1);
  return name.slice(0, 3);
}

/** `+HH`, `+HHMM`, `+HH:MM`, … with or without seconds, per Java's offset styles. */
function offsetText(offsetMillis: number, withColon: boolean, minutes: 'always' | 'ifNonZero', seconds: boolean): string {
  const total = Math.round(Math.abs(offsetMillis) / 1000);
  const sign = offsetMillis < 0 ? '-' : '+';
  const hh = pad(Math.floor(total / 3600), 2);
  const mm = pad(Math.floor((total % 3600) / 60), 2);
  const ss = pad(total % 60, 2);
  const separator = withColon ? ':' : '';
  let out = sign + hh;
  if (minutes === 'always' || mm !== '00' || (seconds && ss !== '00')) out += separator + mm;
  if (seconds && ss !== '00') out += separator + ss;
  return out;
}

function isoOffset(letter: 'X' | 'x', count: number, offset: number): string {
  if (letter === 'X' && offset === 0) return 'Z';
  if (count === 1) return offsetText(offset, false, 'ifNonZero', false);
  if (count === 2) return offsetText(offset, false, 'always', false);
  if (count === 3) return offsetText(offset, true, 'always', false);
  return offsetText(offset, count === 5, 'always', true);
}

function localizedOffset(offset: number, full: boolean): string {
  if (offset === 0) return 'GMT';
  if (full) return `GMT${offsetText(offset, true, 'always', true)}`;
  const total = Math.round(Math.abs(offset) / 1000);
  const minutes = Math.floor((total % 3600) / 60);
  return `GMT${offset < 0 ? '-' : '+'}${Math.floor(total / 3600)}${minutes ? `:${pad(minutes, 2)}` : ''}`;
}

function field(letter: string, count: number, f: DateTimeFields, zone: Zone): string {
  switch (letter) {
    case 'G':
      return count === 4
        ? f.year > 0
          ? 'Anno Domini'
          : 'Before Christ'
        : count === 5
          ? f.year > 0
            ? 'A'
            : 'B'
          : f.year > 0
            ? 'AD'
            : 'BC';
    case 'u':
      return year(f.year, count);
    case 'y':
      return year(f.year > 0 ? f.year : 1 - f.year, count);
    case 'Y':
      return year(usWeekFields(f).weekBasedYear, count);
    case 'D':
      return number(f.dayOfYear, count);
    case 'M':
    case 'L':
      return count <= 2 ? number(f.month, count) : text(MONTHS, f.month - 1, count);
    case 'd':
      return number(f.day, count);
    case 'Q':
    case 'q': {
      const quarter = Math.floor((f.month - 1) / 3) + 1;
      if (count === 3) return `Q${quarter}`;
      if (count === 4) return `${['1st', '2nd', '3rd', '4th'][quarter - 1]} quarter`;
      return count === 2 ? pad(quarter, 2) : String(quarter);
    }
    case 'w':
      return number(usWeekFields(f).weekOfYear, count);
    case 'W':
      return String(usWeekFields(f).weekOfMonth);
    case 'F':
      return String(Math.floor((f.day - 1) / 7) + 1);
    case 'E':
      return text(DAYS, f.dayOfWeek - 1, count);
    case 'e':
    case 'c':
      return count <= 2 ? number((f.dayOfWeek % 7) + 1, count) : text(DAYS, f.dayOfWeek - 1, count);
    case 'a':
      return f.hour < 12 ? 'AM' : 'PM';
    case 'h':
      return number(f.hour % 12 === 0 ? 12 : f.hour % 12, count);
    case 'K':
      return number(f.hour % 12, count);
    case 'k':
      return number(f.hour === 0 ? 24 : f.hour, count);
    case 'H':
      return number(f.hour, count);
    case 'm':
      return number(f.minute, count);
    case 's':
      return number(f.second, count);
    case 'S':
      return (pad(f.millis, 3) + '000000').slice(0, count);
    case 'A':
      return number(f.milliOfDay, count);
    case 'n':
      return number(f.millis * 1_000_000, count);
    case 'N':
      return number(f.milliOfDay * 1_000_000, count);
    case 'V':
      return zone.id;
    case 'v':
      return zoneName(zone, f.epochMillis, count === 4 ? 'longGeneric' : 'shortGeneric');
    case 'z':
      return zoneName(zone, f.epochMillis, count === 4 ? 'long' : 'short');
    case 'O':
      return localizedOffset(f.offset, count === 4);
    case 'X':
    case 'x':
      return isoOffset(letter, count, f.offset);
    case 'Z':
      if (count <= 3) return offsetText(f.offset, false, 'always', false);
      if (count === 4) return localizedOffset(f.offset, true);
      return f.offset === 0 ? 'Z' : offsetText(f.offset, true, 'always', true);
  }
  throw new Error(`Unknown pattern letter: ${letter}`);
}

function render(tokens: readonly Token[], f: DateTimeFields, zone: Zone): string {
  let out = '';
  for (const token of tokens) {
    if (token.type === 'literal') out += token.text;
    else if (token.type === 'optional') out += render(token.tokens, f, zone);
    else out += field(token.letter, token.count, f, zone);
  }
  return out;
}

/** `epochMillis` formatted with the Java pattern in `zone`. */
export function formatInstant(epochMillis: number, pattern: string, zone: Zone): string {
  if (typeof epochMillis !== 'number' || !Number.isFinite(epochMillis)) throw new Error('Expected epoch milliseconds as a number');
  return render(compilePattern(String(pattern)), fieldsOf(Math.floor(epochMillis), zone), zone);
}
