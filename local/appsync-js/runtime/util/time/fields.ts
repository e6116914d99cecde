/** Calendar fields of an instant seen in a zone, as java.time's ZonedDateTime exposes them. */
import type { Zone } from './zone.js';

const DAY = 86_400_000;

/** The date-time fields the formatter prints. */
export interface DateTimeFields {
  epochMillis: number;
  offset: number;
  year: number;
  month: number;
  day: number;
  dayOfYear: number;
  /** ISO day of week: Monday 1 … Sunday 7. */
  dayOfWeek: number;
  hour: number;
  minute: number;
  second: number;
  millis: number;
  milliOfDay: number;
}

/** The fields of `epochMillis` in `zone`. */
export function fieldsOf(epochMillis: number, zone: Zone): DateTimeFields {
  const offset = zone.offsetAt(epochMillis);
  const local = new Date(epochMillis + offset);
  const year = local.getUTCFullYear();
  const dayStart = utcDate(year, local.getUTCMonth(), local.getUTCDate());
  return {
    epochMillis,
    offset,
    year,
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    dayOfYear: Math.round((dayStart - utcDate(year, 0, 1)) / DAY) + 1,
    dayOfWeek: ((local.getUTCDay() + 6) % 7) + 1,
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    second: local.getUTCSeconds(),
    millis: local.getUTCMilliseconds(),
    milliOfDay: epochMillis + offset - Math.floor((epochMillis + offset) / DAY) * DAY,
  };
}

/**
 * Week fields of Java's default US locale: weeks start on Sunday and week 1 is the week that holds
 * 1 January (minimal days 1).
 */
export function usWeekFields(fields: DateTimeFields): { weekBasedYear: number; weekOfYear: number; weekOfMonth: number } {
  const sundayBased = fields.dayOfWeek % 7; // Sunday 0 … Saturday 6
  const jan1 = (sundayBased - ((fields.dayOfYear - 1) % 7) + 7) % 7;
  const daysInYear = isLeap(fields.year) ? 366 : 365;
  const daysLeftInWeek = 6 - sundayBased;
  if (fields.dayOfYear + daysLeftInWeek > daysInYear) {
    return { weekBasedYear: fields.year + 1, weekOfYear: 1, weekOfMonth: weekOfMonth(fields, sundayBased) };
  }
  return {
    weekBasedYear: fields.year,
    weekOfYear: Math.floor((fields.dayOfYear - 1 + jan1) / 7) + 1,
    weekOfMonth: weekOfMonth(fields, sundayBased),
  };
}

function weekOfMonth(fields: DateTimeFields, sundayBased: number): number {
  const firstOfMonth = (sundayBased - ((fields.day - 1) % 7) + 7) % 7;
  return Math.floor((fields.day - 1 + firstOfMonth) / 7) + 1;
}

/** Epoch milliseconds of a UTC calendar date (years 0-99 included, unlike Date.UTC). */
export function utcDate(year: number, monthIndex: number, day: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, monthIndex, day);
  return date.getTime();
}

/** Gregorian leap year. */
export function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}
