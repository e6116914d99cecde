// base64 over UTF-8, form URL encoding as Java's URLEncoder, and escapeJavaScript.
import { describe, expect, it } from 'vitest';
import { freshRuntime } from '../modules.js';

const { util } = freshRuntime();

describe('base64', () => {
  it.each([
    ['', ''],
    ['f', 'Zg=='],
    ['fo', 'Zm8='],
    ['foo', 'Zm9v'],
    ['foobar', 'Zm9vYmFy'],
    ['héllo wörld', 'aMOpbGxvIHfDtnJsZA=='],
    ['日本語', '5pel5pys6Kqe'],
    ['😀', '8J+YgA=='],
  ])('%j ↔ %s', (text, encoded) => {
    expect(util.base64Encode(text)).toBe(encoded);
    expect(util.base64Decode(encoded)).toBe(text);
  });

  it('matches Node for random non-ASCII text', () => {
    const sample = Array.from({ length: 200 }, (_, index) => String.fromCodePoint(32 + ((index * 7919) % 0x2fff))).join('') + '𝄞€';
    expect(util.base64Encode(sample)).toBe(Buffer.from(sample, 'utf8').toString('base64'));
    expect(util.base64Decode(Buffer.from(sample, 'utf8').toString('base64'))).toBe(sample);
  });

  it('refuses text that is not base64', () => {
    expect(() => util.base64Decode('ab$c')).toThrow('Input is not valid base64');
    expect(() => util.base64Decode('abcde')).toThrow('Input is not valid base64');
  });

  it('decodes bytes that are not UTF-8 to the replacement character', () => {
    expect(util.base64Decode('/w==')).toBe('\uFFFD');
  });
});

describe('urlEncode / urlDecode', () => {
  it('encodes like Java URLEncoder with UTF-8', () => {
    expect(util.urlEncode('a b&c=d/e?f*g~h.i-j_k')).toBe('a+b%26c%3Dd%2Fe%3Ff*g%7Eh.i-j_k');
    expect(util.urlEncode('café ☕')).toBe('caf%C3%A9+%E2%98%95');
  });

  it('decodes back, with + as space', () => {
    expect(util.urlDecode('caf%C3%A9+%E2%98%95%21')).toBe('café ☕!');
    expect(util.urlDecode(util.urlEncode('x=1&y=ü 2'))).toBe('x=1&y=ü 2');
  });

  it('refuses a broken escape', () => {
    expect(() => util.urlDecode('100%')).toThrow('urlDecode: illegal hex characters in escape (%) pattern at index 3');
  });
});

describe('escapeJavaScript', () => {
  it('escapes quotes, slashes, control and non-ASCII characters', () => {
    expect(util.escapeJavaScript(`He said "it's </script>"\n\tC:\\x é😀\u0001\u007f`)).toBe(
      `He said \\"it\\'s <\\/script>\\"\\n\\tC:\\\\x \\u00E9\\uD83D\\uDE00\\u0001\u007f`,
    );
  });
});
