/**
 * `util.time`: the nine functions, with Java `DateTimeFormatter` patterns and time zones.
 * ISO 8601 output is `toISOString`'s form (`2018-02-06T19:01:35.749Z`, milliseconds always shown),
 * as in AWS's own examples.
 */
import { formatInstant } from './format.js';
import { parseToEpochMillis } from './parse.js';
import { resolveZone } from './zone.js';

const ISO_8601 = /^([+-]?\d{4,6})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/** Epoch milliseconds of an ISO 8601 date-time; no offset means UTC. */
export function parseIso8601(text: string): number {
  const match = ISO_8601.exec(String(text).trim());
  if (!match) throw new Error(`Text '${String(text)}' could not be parsed as ISO 8601`);
  const [, year, month, day, hour, minute, second, fraction, offset] = match;
  const date = new Date(0);
  date.setUTCFullYear(Number(year), Number(month) - 1, Number(day));
  date.setUTCHours(Number(hour ?? 0), Number(minute ?? 0), Number(second ?? 0), Number((fraction ?? '0').padEnd(3, '0').slice(0, 3)));
  if (date.getUTCMonth() !== Number(month) - 1 || date.getUTCDate() !== Number(day)) {
    throw new Error(`Text '${String(text)}' could not be parsed: invalid date`);
  }
  let offsetMillis = 0;
  if (offset && offset.toUpperCase() !== 'Z') {
    const digits = offset.replace(':', '');
    offsetMillis = (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5) || 0)) * 60_000 * (offset[0] === '-' ? -1 : 1);
  }
  return date.getTime() - offsetMillis;
}

function epochMillis(value: unknown): number {
  const millis = Number(value);
  if (!Number.isFinite(millis)) throw new Error('Expected epoch milliseconds as a number');
  return millis;
}

/** The members of `util.time`. */
export const time = {
  nowISO8601: (): string => new Date().toISOString(),
  nowEpochSeconds: (): number => Math.floor(Date.now() / 1000),
  nowEpochMilliSeconds: (): number => Date.now(),
  nowFormatted: (pattern: string, zone?: string): string => formatInstant(Date.now(), pattern, resolveZone(zone)),
  parseFormattedToEpochMilliSeconds: (text: string, pattern: string, zone?: string): number =>
    parseToEpochMillis(text, pattern, resolveZone(zone)),
  parseISO8601ToEpochMilliSeconds: (text: string): number => parseIso8601(text),
  epochMilliSecondsToSeconds: (millis: number): number => Math.floor(epochMillis(millis) / 1000),
  epochMilliSecondsToISO8601: (millis: number): string => new Date(epochMillis(millis)).toISOString(),
  epochMilliSecondsToFormatted: (millis: number, pattern: string, zone?: string): string =>
    formatInstant(epochMillis(millis), pattern, resolveZone(zone)),
};
