/**
 * `util.autoId` (UUID v4), `util.autoUlid` (26 characters, Crockford base 32) and `util.autoKsuid`
 * (27 characters, base 62). Randomness comes from Math.random, the only source the sandbox has;
 * these ids are unique, not secret, as in AppSync's own description of `util.math.randomDouble`.
 */

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
/** KSUID timestamps count seconds from 2014-05-13T16:53:20Z. */
const KSUID_EPOCH_SECONDS = 1_400_000_000;
const KSUID_LENGTH = 27;

const randomByte = (): number => Math.floor(Math.random() * 256);
const hex2 = (byte: number): string => byte.toString(16).padStart(2, '0');

/** A random (version 4, variant 1) UUID in lower case. */
export function autoId(): string {
  const bytes = Array.from({ length: 16 }, randomByte);
  bytes[6] = ((bytes[6] as number) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] as number) & 0x3f) | 0x80;
  const hex = bytes.map(hex2).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A ULID: 48-bit millisecond time then 80 random bits, 26 Crockford base-32 characters. */
export function autoUlid(now: number = Date.now()): string {
  let time = '';
  let remaining = Math.floor(now);
  for (let index = 0; index < 10; index += 1) {
    time = CROCKFORD[remaining % 32]! + time;
    remaining = Math.floor(remaining / 32);
  }
  let random = '';
  for (let index = 0; index < 16; index += 1) random += CROCKFORD[Math.floor(Math.random() * 32)];
  return time + random;
}

/** A KSUID: 32-bit seconds since the KSUID epoch then 128 random bits, 27 base-62 characters. */
export function autoKsuid(now: number = Date.now()): string {
  let value = BigInt(Math.floor(now / 1000) - KSUID_EPOCH_SECONDS);
  for (let index = 0; index < 16; index += 1) value = (value << 8n) | BigInt(randomByte());
  let out = '';
  while (value > 0n) {
    out = BASE62[Number(value % 62n)]! + out;
    value /= 62n;
  }
  return out.padStart(KSUID_LENGTH, '0');
}
