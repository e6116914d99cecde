// autoId (UUID v4), autoUlid (26 Crockford base 32) and autoKsuid (27 base 62).
import { describe, expect, it } from 'vitest';
import { freshRuntime } from '../modules.js';

const { util } = freshRuntime();
const many = (make: () => string) => Array.from({ length: 500 }, make);

describe('ids', () => {
  it('autoId is a lower-case UUID v4, unique', () => {
    const ids = many(util.autoId);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('autoUlid is 26 Crockford characters whose prefix is the current time', () => {
    const before = Date.now();
    const ids = many(util.autoUlid);
    const decode = (text: string) =>
      [...text].reduce((total, character) => total * 32 + '0123456789ABCDEFGHJKMNPQRSTVWXYZ'.indexOf(character), 0);
    for (const id of ids) {
      expect(id).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
      expect(decode(id.slice(0, 10))).toBeGreaterThanOrEqual(before);
      expect(decode(id.slice(0, 10))).toBeLessThanOrEqual(Date.now());
    }
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('autoKsuid is 27 base-62 characters whose first 4 bytes are seconds since the KSUID epoch', () => {
    const before = Math.floor(Date.now() / 1000);
    const ids = many(util.autoKsuid);
    for (const id of ids) {
      expect(id).toMatch(/^[0-9A-Za-z]{27}$/);
      const value = [...id].reduce(
        (total, character) => total * 62n + BigInt('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'.indexOf(character)),
        0n,
      );
      const seconds = Number(value >> 128n) + 1_400_000_000;
      expect(seconds).toBeGreaterThanOrEqual(before);
      expect(seconds).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000));
    }
    expect(new Set(ids).size).toBe(ids.length);
  });
});
