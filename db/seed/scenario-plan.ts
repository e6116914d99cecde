/**
 * What happens to each seeded user, in days relative to the seed's start date (negative = past).
 * Stays whose check-out is not after the start date are completed; the rest are upcoming.
 * Hotel slots index the first US-dollar hotels of the catalogue.
 */
export interface BookingPlan {
  user: string;
  createdDay: number;
  checkInDay: number;
  nights: number;
  hotelSlot: number;
  /** Credits to apply: none, everything available, or up to an amount (minor units). */
  credits: 'none' | 'all' | number;
  /** Cancel on this day (before the free-cancellation deadline). */
  cancelDay?: number;
  /** Lengthen the stay until its total reaches this (so a referral threshold is met). */
  minTotalMinor?: number;
}

export interface UserPlan {
  user: string;
  /** Welcome promo credit granted at signup (minor units), expiring 30 days later. */
  promoMinor?: number;
  /** Redeems this user's referral code right after signing up. */
  redeemsCodeOf?: string;
}

export const USER_PLANS: readonly UserPlan[] = [
  { user: 'alice' },
  { user: 'bob', redeemsCodeOf: 'alice' },
  { user: 'carol', promoMinor: 2_000 },
  { user: 'dave', promoMinor: 2_000 },
  { user: 'erin', redeemsCodeOf: 'dave' },
  { user: 'pat' },
];

export const BOOKING_PLANS: readonly BookingPlan[] = [
  { user: 'alice', createdDay: -400, checkInDay: -380, nights: 3, hotelSlot: 0, credits: 'none' },
  { user: 'alice', createdDay: -90, checkInDay: -60, nights: 4, hotelSlot: 1, credits: 'all' },
  { user: 'alice', createdDay: -30, checkInDay: 40, nights: 2, hotelSlot: 2, credits: 'none', cancelDay: -25 },
  { user: 'alice', createdDay: -10, checkInDay: 21, nights: 3, hotelSlot: 3, credits: 3_000 },
  { user: 'bob', createdDay: -190, checkInDay: -150, nights: 2, hotelSlot: 4, credits: 'all', minTotalMinor: 45_000 },
  { user: 'dave', createdDay: -640, checkInDay: -600, nights: 5, hotelSlot: 5, credits: 'none' },
  { user: 'dave', createdDay: -330, checkInDay: -300, nights: 4, hotelSlot: 6, credits: 'none' },
  { user: 'dave', createdDay: -230, checkInDay: -200, nights: 7, hotelSlot: 7, credits: 'all' },
  { user: 'dave', createdDay: -60, checkInDay: -45, nights: 3, hotelSlot: 0, credits: 'none' },
  { user: 'dave', createdDay: -5, checkInDay: 7, nights: 2, hotelSlot: 1, credits: 'all' },
  { user: 'erin', createdDay: -20, checkInDay: 14, nights: 2, hotelSlot: 2, credits: 'none' },
];

/** Lists: [user, name, created day, hotel indexes into the catalogue]. */
export const LIST_PLANS: readonly [string, string, number, number[]][] = [
  ['alice', 'Weekend ideas', -100, [2, 5, 9]],
  ['alice', 'Someday', -20, [1, 3]],
  ['dave', 'Work trips', -300, [0]],
];

/** Credit amounts and rules the seed applies (minor units of the credit currency). */
export const SCENARIO_RULES = {
  CREDIT_CURRENCY: 'USD',
  REFERRAL_SIGNUP_MINOR: 2_500,
  REFERRAL_REWARD_MINOR: 2_500,
  /** The friend's completed stays (room totals) that earn the referrer their reward. */
  REFERRAL_THRESHOLD_MINOR: 40_000,
  SIGNUP_CREDIT_DAYS: 30,
  EARNED_CREDIT_DAYS: 730,
  REFUND_FALLBACK_DAYS: 30,
} as const;
