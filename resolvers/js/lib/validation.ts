/**
 * Input checks shared by the read resolvers. Each failure is a `ValidationError` (or `NotFound`)
 * raised with util.error, so the client gets the errorType the schema names, never a crash.
 */
import { util } from '@aws-appsync/utils';
import { DAY_MS, ErrorTypes, ReadLimits } from './constants.js';

/** Raises a ValidationError with the given message. */
export function invalid(message: string): never {
  return util.error(message, ErrorTypes.VALIDATION);
}

/** Raises a NotFound error with the given message. */
export function notFound(message: string): never {
  return util.error(message, ErrorTypes.NOT_FOUND);
}

/** True for a UUID in its text form; ids that are not are unknown ids, never a SQL error. */
export function isUuid(value: unknown): boolean {
  return typeof value === 'string' && util.matches('^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$', value);
}

/** `limit` argument: the default when omitted, else a whole number from 1 to `max`. */
export function pageLimit(limit: number | null | undefined, fallback: number, max: number): number {
  if (limit === null || limit === undefined) {
    return fallback;
  }
  if (limit < 1 || limit > max) {
    invalid(`limit must be from 1 to ${max} (got ${limit})`);
  }
  return limit;
}

/**
 * Days since the epoch of a calendar date. AWSDate also admits an offset (`2027-01-02Z`,
 * `2027-01-02+01:00`), which means nothing for a night's stay: that is a ValidationError.
 */
function dayNumber(date: string, name: string): number {
  if (!util.matches('^[0-9]{4}-[0-9]{2}-[0-9]{2}$', date)) {
    invalid(`${name} must be a calendar date without a time zone, YYYY-MM-DD (got ${date})`);
  }
  return util.time.parseFormattedToEpochMilliSeconds(date, 'yyyy-MM-dd', 'UTC') / DAY_MS;
}

/**
 * The nights of a stay [checkIn, checkOut): checkOut after checkIn and at most 30 nights, else a
 * ValidationError. Whether checkIn is in the past depends on the hotel's zone: see {@link assertNotPast}.
 */
export function stayNights(checkIn: string, checkOut: string): number {
  const nights = dayNumber(checkOut, 'checkOut') - dayNumber(checkIn, 'checkIn');
  if (nights < 1) {
    invalid(`checkOut (${checkOut}) must be after checkIn (${checkIn})`);
  }
  if (nights > ReadLimits.MAX_NIGHTS) {
    invalid(`A stay is at most ${ReadLimits.MAX_NIGHTS} nights (got ${nights})`);
  }
  return nights;
}

/** ValidationError when checkIn is before `today` (both YYYY-MM-DD on the same calendar). */
export function assertNotPast(checkIn: string, today: string, timeZone: string): void {
  if (checkIn < today) {
    invalid(`checkIn (${checkIn}) is in the past: it is already ${today} in ${timeZone}`);
  }
}

/** ValidationError when guests is below 1 (more guests than any room sleeps simply finds nothing). */
export function assertGuests(guests: number): void {
  if (guests < 1) {
    invalid(`guests must be at least 1 (got ${guests})`);
  }
}
