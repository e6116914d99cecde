import { MAX_OFFSET_HOURS } from './constants.js';
import { defineScalar, stringFormat } from './define-scalar.js';

// Formats from https://docs.aws.amazon.com/appsync/latest/devguide/scalars.html. Offsets: `Z`, `±hh:mm` or `±hh:mm:ss` (AppSync accepts
// offset seconds, which ISO 8601 does not). Years: four digits, optionally negative.
const DATE = '(-?\\d{4})-(\\d{2})-(\\d{2})';
const TIME = '(\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.\\d{1,9})?)?';
const OFFSET = '(Z|[+-](\\d{2}):(\\d{2})(?::(\\d{2}))?)';

const DATE_ONLY = new RegExp(`^${DATE}${OFFSET}?$`);
const TIME_ONLY = new RegExp(`^${TIME}${OFFSET}?$`);
const DATE_TIME = new RegExp(`^${DATE}T${TIME}${OFFSET}$`);

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isValidDate(year: string | undefined, month: string | undefined, day: string | undefined): boolean {
  const y = Number(year);
  const m = Number(month);
  const d = Number(day);
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

function isValidTime(hours: string | undefined, minutes: string | undefined, seconds: string | undefined): boolean {
  return Number(hours) <= 23 && Number(minutes) <= 59 && Number(seconds ?? 0) <= 59;
}

function isValidOffset(
  zone: string | undefined,
  hours: string | undefined,
  minutes: string | undefined,
  seconds: string | undefined,
): boolean {
  if (zone === undefined || zone === 'Z') return true;
  const h = Number(hours);
  const m = Number(minutes);
  const s = Number(seconds ?? 0);
  if (m > 59 || s > 59 || h > MAX_OFFSET_HOURS) return false;
  return h < MAX_OFFSET_HOURS || (m === 0 && s === 0);
}

/** `YYYY-MM-DD` with an optional offset, a real calendar day. */
export function isAwsDate(text: string): boolean {
  const match = DATE_ONLY.exec(text);
  return match !== null && isValidDate(match[1], match[2], match[3]) && isValidOffset(match[4], match[5], match[6], match[7]);
}

/** `hh:mm[:ss[.f{1,9}]]` with an optional offset. */
export function isAwsTime(text: string): boolean {
  const match = TIME_ONLY.exec(text);
  return match !== null && isValidTime(match[1], match[2], match[3]) && isValidOffset(match[4], match[5], match[6], match[7]);
}

/** `YYYY-MM-DDThh:mm[:ss[.f{1,9}]]` with a required offset. */
export function isAwsDateTime(text: string): boolean {
  const match = DATE_TIME.exec(text);
  return (
    match !== null &&
    isValidDate(match[1], match[2], match[3]) &&
    isValidTime(match[4], match[5], match[6]) &&
    isValidOffset(match[7], match[8], match[9], match[10])
  );
}

/** AppSync's `AWSDate`. */
export const AWSDate = defineScalar(
  stringFormat('AWSDate', 'An extended ISO 8601 date string: YYYY-MM-DD, optionally with an offset.', isAwsDate),
);

/** AppSync's `AWSTime`. */
export const AWSTime = defineScalar(
  stringFormat('AWSTime', 'An extended ISO 8601 time string: hh:mm[:ss[.sss]], optionally with an offset.', isAwsTime),
);

/** AppSync's `AWSDateTime`. */
export const AWSDateTime = defineScalar(
  stringFormat(
    'AWSDateTime',
    'An extended ISO 8601 date and time string: YYYY-MM-DDThh:mm[:ss[.sss]] with a required offset.',
    isAwsDateTime,
  ),
);
