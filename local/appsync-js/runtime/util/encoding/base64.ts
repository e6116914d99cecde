/** Base64 (RFC 4648, with padding) over UTF-8 text: `util.base64Encode` / `util.base64Decode`. */
import { utf8Decode, utf8Encode } from './utf8.js';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Base64 of bytes. */
export function bytesToBase64(bytes: readonly number[]): string {
  let out = '';
  for (let index = 0; index < bytes.length; index += 3) {
    const [a, b, c] = [bytes[index] as number, bytes[index + 1], bytes[index + 2]];
    const triple = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out += ALPHABET[(triple >> 18) & 63]! + ALPHABET[(triple >> 12) & 63]!;
    out += b === undefined ? '=' : ALPHABET[(triple >> 6) & 63]!;
    out += c === undefined ? '=' : ALPHABET[triple & 63]!;
  }
  return out;
}

/** Bytes of base64 text; throws on characters outside the alphabet or a bad length. */
export function base64ToBytes(encoded: string): number[] {
  const clean = encoded.replace(/[\r\n]/g, '');
  const unpadded = clean.replace(/={1,2}$/, '');
  if (clean.length % 4 === 1 || (clean.includes('=') && clean.length % 4 !== 0) || /[^A-Za-z0-9+/]/.test(unpadded)) {
    throw new Error('Input is not valid base64');
  }
  const bytes: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const character of unpadded) {
    buffer = (buffer << 6) | ALPHABET.indexOf(character);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((buffer >> bits) & 0xff);
    }
  }
  return bytes;
}

/** `util.base64Encode`: base64 of the UTF-8 bytes of `text`. */
export function base64Encode(text: string): string {
  return bytesToBase64(utf8Encode(String(text)));
}

/** `util.base64Decode`: the UTF-8 text the base64 `encoded` holds. */
export function base64Decode(encoded: string): string {
  return utf8Decode(base64ToBytes(String(encoded)));
}
