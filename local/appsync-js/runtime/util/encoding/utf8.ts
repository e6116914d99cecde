/**
 * UTF-8 encoding and decoding in plain ECMAScript (the sandbox has no TextEncoder/TextDecoder).
 * Lone surrogates encode as U+FFFD; invalid byte sequences decode as U+FFFD, as Java's decoder does.
 */

const REPLACEMENT = 0xfffd;

/** The UTF-8 bytes of `text`. */
export function utf8Encode(text: string): number[] {
  const bytes: number[] = [];
  for (const character of text) {
    let code = character.codePointAt(0) as number;
    if (code >= 0xd800 && code <= 0xdfff) code = REPLACEMENT;
    if (code < 0x80) bytes.push(code);
    else if (code < 0x800) bytes.push(0xc0 | (code >> 6), 0x80 | (code & 0x3f));
    else if (code < 0x10000) bytes.push(0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f));
    else bytes.push(0xf0 | (code >> 18), 0x80 | ((code >> 12) & 0x3f), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f));
  }
  return bytes;
}

/** Length and lowest allowed code point of a sequence by its lead byte, or undefined when invalid. */
function sequenceOf(lead: number): { length: number; min: number; bits: number } | undefined {
  if (lead < 0x80) return { length: 1, min: 0, bits: lead };
  if (lead >= 0xc2 && lead <= 0xdf) return { length: 2, min: 0x80, bits: lead & 0x1f };
  if (lead >= 0xe0 && lead <= 0xef) return { length: 3, min: 0x800, bits: lead & 0x0f };
  if (lead >= 0xf0 && lead <= 0xf4) return { length: 4, min: 0x10000, bits: lead & 0x07 };
  return undefined;
}

/** The text whose UTF-8 bytes are `bytes`. */
export function utf8Decode(bytes: readonly number[]): string {
  const codes: number[] = [];
  let index = 0;
  while (index < bytes.length) {
    const sequence = sequenceOf(bytes[index] as number);
    if (!sequence) {
      codes.push(REPLACEMENT);
      index += 1;
      continue;
    }
    let code = sequence.bits;
    let taken = 1;
    while (taken < sequence.length) {
      const next = bytes[index + taken];
      if (next === undefined || (next & 0xc0) !== 0x80) break;
      code = (code << 6) | (next & 0x3f);
      taken += 1;
    }
    const valid = taken === sequence.length && code >= sequence.min && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff);
    codes.push(valid ? code : REPLACEMENT);
    index += taken;
  }
  let text = '';
  // Chunked so that very long strings do not exceed the argument limit of fromCodePoint.
  for (let start = 0; start < codes.length; start += 4096) text += String.fromCodePoint(...codes.slice(start, start + 4096));
  return text;
}
