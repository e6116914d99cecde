/**
 * `util.escapeJavaScript`: the ECMAScript string escaping of Apache Commons Lang
 * (`StringEscapeUtils.escapeEcmaScript`; our choice, AWS does not spell its rules out): `'`, `"`,
 * `\` and `/` get a backslash, control characters their short escapes, and anything below space or above DEL
 * ASCII becomes `\uXXXX` (UTF-16 units, upper-case hex).
 */

const SHORT_ESCAPES: Record<string, string> = {
  "'": "\\'",
  '"': '\\"',
  '\\': '\\\\',
  '/': '\\/',
  '\b': '\\b',
  '\n': '\\n',
  '\t': '\\t',
  '\f': '\\f',
  '\r': '\\r',
};

/** Escape `text` for use inside a JavaScript string literal. */
export function escapeJavaScript(text: string): string {
  let out = '';
  const source = String(text);
  for (let index = 0; index < source.length; index += 1) {
    const unit = source.charCodeAt(index);
    const character = source[index] as string;
    const short = SHORT_ESCAPES[character];
    if (short !== undefined) out += short;
    else if (unit < 0x20 || unit > 0x7f) out += `\\u${unit.toString(16).toUpperCase().padStart(4, '0')}`;
    else out += character;
  }
  return out;
}
