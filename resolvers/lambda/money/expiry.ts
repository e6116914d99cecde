/**
 * When credits expire. Instants are `Date`s in UTC; year arithmetic keeps
 * the calendar date (29 February moves to 1 March, as JavaScript's Date does).
 */
import { CreditRules } from '../shared/constants.js';

const DAY_MS = 86_400_000;

/** `instant` plus whole days. */
export function addDays(instant: Date, days: number): Date {
  return new Date(instant.getTime() + days * DAY_MS);
}

/** `instant` plus whole calendar years (UTC). */
export function addYears(instant: Date, years: number): Date {
  const next = new Date(instant.getTime());
  next.setUTCFullYear(next.getUTCFullYear() + years);
  return next;
}

/** Earned credits: two years after the later of the user's last booking and the earning date. */
export function earnedCreditExpiry(earnedAt: Date, lastBookingAt: Date | null): Date {
  const later = lastBookingAt && lastBookingAt > earnedAt ? lastBookingAt : earnedAt;
  return addYears(later, CreditRules.EARNED_VALID_YEARS);
}

/** Promotional and referral-signup credits: 30 days after signup. */
export function signupCreditExpiry(signedUpAt: Date): Date {
  return addDays(signedUpAt, CreditRules.SIGNUP_CREDIT_DAYS);
}

/** Spent credits returned by a cancellation keep their original expiry, or get 30 days if it has passed. */
export function refundedCreditExpiry(originalExpiry: Date, now: Date): Date {
  return originalExpiry > now ? originalExpiry : addDays(now, CreditRules.REFUND_GRACE_DAYS);
}
