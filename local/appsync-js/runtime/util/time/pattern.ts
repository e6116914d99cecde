/**
 * Java `DateTimeFormatter.ofPattern` syntax: letters are fields (repeated for width or style),
 * `'…'` is quoted text (`''` is one quote), `[…]` an optional section, any other character a
 * literal. Letter counts beyond what Java allows are refused with Java's message.
 */
import { RuntimeLimits } from '../../constants.js';

/** A piece of a compiled pattern. */
export type Token =
  { type: 'literal'; text: string } | { type: 'field'; letter: string; count: number } | { type: 'optional'; tokens: Token[] };

/** Largest count Java accepts for each supported letter. */
const MAX_COUNT: Record<string, number> = {
  G: 5,
  u: 19,
  y: 19,
  Y: 19,
  D: 3,
  M: 5,
  L: 5,
  d: 2,
  Q: 5,
  q: 5,
  w: 2,
  W: 1,
  E: 5,
  e: 5,
  c: 5,
  F: 1,
  a: 1,
  h: 2,
  K: 2,
  k: 2,
  H: 2,
  m: 2,
  s: 2,
  S: 9,
  A: 19,
  n: 19,
  N: 19,
  V: 2,
  v: 4,
  z: 4,
  O: 4,
  X: 5,
  x: 5,
  Z: 5,
};

const cache = new Map<string, Token[]>();

function checkCount(letter: string, count: number): void {
  const max = MAX_COUNT[letter];
  if (max === undefined) throw new Error(`Unknown pattern letter: ${letter}`);
  if (count > max) throw new Error(`Too many pattern letters: ${letter}`);
  if (letter === 'V' && count !== 2) throw new Error('Pattern letter count must be 2: V');
  if (letter === 'O' && count !== 1 && count !== 4) throw new Error('Pattern letter count must be 1 or 4: O');
  if (letter === 'v' && count !== 1 && count !== 4) throw new Error('Wrong number of pattern letters: v');
}

/** Compile `pattern` into tokens (cached). */
export function compilePattern(pattern: string): Token[] {
  const cached = cache.get(pattern);
  if (cached) return cached;
  const stack: Token[][] = [[]];
  let index = 0;
  const current = () => stack[stack.length - 1] as Token[];
  while (index < pattern.length) {
    const character = pattern[index] as string;
    if (/[A-Za-z]/.test(character)) {
      let count = 1;
      while (pattern[index + count] === character) count += 1;
      checkCount(character, count);
      current().push({ type: 'field', letter: character, count });
      index += count;
    } else if (character === "'") {
      const end = pattern.indexOf("'", index + 1);
      if (end === index + 1) {
        current().push({ type: 'literal', text: "'" });
        index += 2;
        continue;
      }
      let text = '';
      let cursor = index + 1;
      for (;;) {
        const close = pattern.indexOf("'", cursor);
        if (close < 0) throw new Error(`Pattern ends with an incomplete string literal: ${pattern}`);
        text += pattern.slice(cursor, close);
        if (pattern[close + 1] === "'") {
          text += "'";
          cursor = close + 2;
        } else {
          index = close + 1;
          break;
        }
      }
      current().push({ type: 'literal', text });
    } else if (character === '[') {
      const section: Token[] = [];
      current().push({ type: 'optional', tokens: section });
      stack.push(section);
      index += 1;
    } else if (character === ']') {
      if (stack.length === 1) throw new Error(`Pattern invalid as it contains ] without previous [: ${pattern}`);
      stack.pop();
      index += 1;
    } else if (character === '{' || character === '}' || character === '#') {
      throw new Error(`Pattern includes reserved character: '${character}'`);
    } else {
      current().push({ type: 'literal', text: character });
      index += 1;
    }
  }
  const tokens = stack[0] as Token[];
  if (cache.size >= RuntimeLimits.PATTERN_CACHE_SIZE) cache.clear(); // patterns built from input must not grow memory without bound
  cache.set(pattern, tokens);
  return tokens;
}

/** English names Java's default (US) locale prints. */
export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
export const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
