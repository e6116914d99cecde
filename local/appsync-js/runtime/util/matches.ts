/**
 * `util.matches(pattern, value)`: Java `String.matches`, i.e. the whole value must match. Java
 * syntax that ECMAScript spells differently is translated: leading inline flags `(?i)`, `(?s)`,
 * `(?m)`, the anchors `\A`, `\z`, `\Z`, and the POSIX classes `\p{Alpha}` and friends.
 */

const POSIX_CLASSES: Record<string, string> = {
  Lower: 'a-z', Upper: 'A-Z', ASCII: '\\x00-\\x7F', Alpha: 'a-zA-Z', Digit: '0-9', Alnum: 'a-zA-Z0-9',
  Punct: '!-\\/:-@\\[-`{-~', Graph: '!-~', Print: ' -~', Blank: ' \\t', Cntrl: '\\x00-\\x1F\\x7F', XDigit: '0-9a-fA-F',
  Space: ' \\t\\n\\x0B\\f\\r',
};

const cache = new Map<string, RegExp>();

function translate(pattern: string): RegExp {
  let source = pattern;
  let flags = '';
  const inline = /^\(\?([imsx]+)\)/.exec(source);
  if (inline) {
    for (const flag of inline[1] as string) if (flag !== 'x' && !flags.includes(flag)) flags += flag;
    source = source.slice(inline[0].length);
  }
  source = source
    .replace(/\\A/g, '^')
    .replace(/\\[zZ]/g, '$')
    .replace(/\\([pP])\{(?:Is)?(\w+)\}/g, (whole, kind: string, name: string) => {
      const range = POSIX_CLASSES[name];
      if (range === undefined) {
        flags += flags.includes('u') ? '' : 'u';
        return whole;
      }
      return kind === 'p' ? `[${range}]` : `[^${range}]`;
    });
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
    cache.set(key, expression);
  }
  return expression.test(String(value));
}
