/** Calendar arithmetic on `YYYY-MM-DD` strings, in UTC, so results never depend on the machine's zone. */

const DAY_MS = 86_400_000;

/** The date `days` after (or before, if negative) `date`. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to`. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/**
 * A UTC timestamp `YYYY-MM-DD HH:MM:SSZ` for `date` plus `seconds` into the day. The zone
 * suffix matters: PostgreSQL reads a bare timestamp in the session's time zone.
 */
export function timestamp(date: string, seconds = 0): string {
  return `${new Date(Date.parse(`${date}T00:00:00Z`) + seconds * 1000).toISOString().replace('T', ' ').slice(0, 19)}Z`;
}

/** Today's date in UTC. */
export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

/** True when `text` is a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const time = Date.parse(`${text}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().startsWith(text);
}
