import { TokenOptionsError } from './errors.js';

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400 };

/**
 * Reads a lifetime such as `90`, `90s`, `15m`, `1h` or `7d` as seconds. Negative values are
 * allowed (`-1h`), so tests and developers can mint tokens that have already expired.
 */
export function parseDuration(text: string): number {
  const match = /^(-?\d+)([smhd]?)$/.exec(text.trim());
  if (!match) throw new TokenOptionsError(`"${text}" is not a duration: use seconds or a number with s, m, h or d (e.g. 1h)`);
  return Number(match[1]) * (UNIT_SECONDS[match[2] || 's'] ?? 1);
}
