/**
 * `util.matches(pattern, value)`: Java `String.matches`, i.e. the whole value must match. Java
 * syntax that ECMAScript spells differently is translated: leading inline flags `(?i)`, `(?s)`,
 * `(?m)`, the anchors `\A`, `\z`, `\Z`, the POSIX classes `\p{Alpha}` and friends, `\Q…\E`
 * quoting, and possessive quantifiers (`a*+`), which become greedy ones (same matches except in
 * rare backtracking cases).
 */
import { RuntimeLimits } from '../constants.js';

const POSIX_CLASSES: Record<string, string> = {
  Lower: 'a-z',
  Upper: 'A-Z',
  ASCII: '\\x00-\\x7F',
  Alpha: 'a-zA-Z',
  Digit: '0-9',
  Alnum: 'a-zA-Z0-9',
  Punct: '!-\\/:-@\\[-`{-~',
  Graph: '!-~',
  Print: ' -~',
  Blank: ' \\t',
  Cntrl: '\\x00-\\x1F\\x7F',
  XDigit: '0-9a-fA-F',
  Space: ' \\t\\n\\x0B\\f\\r',
};

const cache = new Map<string, RegExp>();

function translate(pattern: string): RegExp {
  let flags = '';
  let index = 0;
  const inline = /^\(\?([imsx]+)\)/.exec(pattern);
  if (inline) {
    for (const flag of inline[1] as string) if (flag !== 'x' && !flags.includes(flag)) flags += flag;
    index = inline[0].length;
  }
  let source = '';
  let inClass = false;
  let afterQuantifier = false;
  while (index < pattern.length) {
    const character = pattern[index] as string;
    if (pattern.startsWith('\\Q', index)) {
      const end = pattern.indexOf('\\E', index + 2);
      const quoted = pattern.slice(index + 2, end < 0 ? pattern.length : end);
      source += quoted.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
      index = end < 0 ? pattern.length : end + 2;
      afterQuantifier = false;
      continue;
    }
    if (character === '+' && afterQuantifier) {
      afterQuantifier = false;
      index += 1; // possessive quantifier: JavaScript only has the greedy one
      continue;
    }
    const counted = inClass ? null : /^\{\d+(?:,\d*)?\}/.exec(pattern.slice(index));
    if (counted) {
      source += counted[0];
      index += counted[0].length;
      afterQuantifier = true;
      continue;
    }
    afterQuantifier = !inClass && '*+?'.includes(character) && !afterQuantifier && !source.endsWith('(');
    if (character === '\\') {
      const escaped = pattern[index + 1] ?? '';
      const property = /^\\([pP])\{(?:Is)?(\w+)\}/.exec(pattern.slice(index));
      const range = property ? POSIX_CLASSES[property[2] as string] : undefined;
      if (property && range !== undefined) {
        const negated = property[1] === 'P';
        // Inside a class only a positive range can be spliced in; outside, it becomes its own class.
        source += inClass && !negated ? range : `[${negated ? '^' : ''}${range}]`;
        index += property[0].length;
        continue;
      }
      if (property && !flags.includes('u')) flags += 'u'; // Unicode categories such as \p{L}
      if (!inClass && escaped === 'A') source += '^';
      else if (!inClass && (escaped === 'z' || escaped === 'Z')) source += '$';
      else source += character + escaped;
      index += 2;
      continue;
    }
    if (character === '[' && !inClass) inClass = true;
    else if (character === ']' && inClass) inClass = false;
    source += character;
    index += 1;
  }
  return new RegExp(`^(?:${source})$`, flags);
}

/** True when the whole of `value` matches the Java regular expression `pattern`. */
export function matches(pattern: string, value: string): boolean {
  const key = String(pattern);
  let expression = cache.get(key);
  if (!expression) {
    try {
      expression = translate(key);
    } catch {
      throw new Error(`util.matches: invalid regular expression ${JSON.stringify(key)}`);
    }
    if (cache.size >= RuntimeLimits.PATTERN_CACHE_SIZE) cache.clear(); // patterns built from input must not grow memory without bound
    cache.set(key, expression);
  }
  return expression.test(String(value));
}
