/**
 * `util.urlEncode` / `util.urlDecode`: `application/x-www-form-urlencoded` over UTF-8, as Java's
 * URLEncoder/URLDecoder do it (space ↔ `+`; letters, digits and `.-*_` unchanged; the rest `%XX`).
 */
import { utf8Decode, utf8Encode } from './utf8.js';

const UNRESERVED = /[A-Za-z0-9.\-*_]/;

/** Form-encode `text`. */
export function urlEncode(text: string): string {
  let out = '';
  for (const character of String(text)) {
    if (character === ' ') out += '+';
    else if (UNRESERVED.test(character)) out += character;
    else for (const byte of utf8Encode(character)) out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** Decode form-encoded `text`; a malformed `%` escape throws, as Java's decoder does. */
export function urlDecode(text: string): string {
  const source = String(text);
  let out = '';
  let index = 0;
  while (index < source.length) {
    const character = source[index] as string;
    if (character === '+') {
      out += ' ';
      index += 1;
    } else if (character === '%') {
      const bytes: number[] = [];
      while (source[index] === '%') {
        const hex = source.slice(index + 1, index + 3);
        if (!/^[0-9A-Fa-f]{2}$/.test(hex)) throw new Error(`urlDecode: illegal hex characters in escape (%) pattern at index ${index}`);
        bytes.push(parseInt(hex, 16));
        index += 3;
      }
      out += utf8Decode(bytes);
    } else {
      out += character;
      index += 1;
    }
  }
  return out;
}
