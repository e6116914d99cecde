/**
 * Roam's money rules and wire constants, in one place. Amounts are
 * integer minor units; the dollar amounts of the rules are US cents and are converted to a
 * user's home currency with the fixed rates of migration 0010 when it is not USD.
 */

/** Cashback tiers by calendar-year qualifying spend (US cents), rates in basis points. */
export const CashbackTiers = [
  { tier: 'STANDARD', fromUsdCents: 0, rateBp: 250 },
  { tier: 'SELECT', fromUsdCents: 100_000, rateBp: 500 },
  { tier: 'RESERVE', fromUsdCents: 350_000, rateBp: 1000 },
] as const;

/** Credit rules. */
export const CreditRules = {
  /** Earned credits (cashback, referral reward) live this many years after the later of the last booking and the earning date. */
  EARNED_VALID_YEARS: 2,
  /** Promotional and referral-signup credits expire this many days after signup. */
  SIGNUP_CREDIT_DAYS: 30,
  /** Returned spent credits whose expiry has passed get this many days from the cancellation. */
  REFUND_GRACE_DAYS: 30,
  /** Kinds whose expiry moves with every new booking. */
  EARNED_KINDS: ['CASHBACK_EARNED', 'REFERRAL_REWARD'],
} as const;

/** Referral rules (the seed uses the same amounts: db/seed/scenario-plan.ts). */
export const ReferralRules = {
  REDEEM_WITHIN_DAYS: 30,
  SIGNUP_CREDIT_USD_CENTS: 2_500,
  REWARD_USD_CENTS: 2_500,
  /** The friend's completed stays (room totals) must reach this for the referrer's reward. */
  THRESHOLD_USD_CENTS: 40_000,
} as const;

/** Stay limits shared with search (schema descriptions). */
export const StayLimits = {
  MAX_NIGHTS: 30,
  MAX_GUESTS: 20,
  /** setRoomAvailability: lastNight at most this many nights after firstNight. */
  MAX_AVAILABILITY_RANGE_NIGHTS: 366,
  MAX_IDEMPOTENCY_KEY_LENGTH: 255,
} as const;

/** createBooking's idempotency claim lasts this long; a retry after it may take the key over. */
export const IDEMPOTENCY_CLAIM_SECONDS = 60;

/** The GraphQL error types the money Lambdas return (schema.graphql field descriptions). */
export const ErrorType = {
  VALIDATION: 'ValidationError',
  NOT_FOUND: 'NotFound',
  SOLD_OUT: 'SoldOut',
  PRICE_CHANGED: 'PriceChanged',
  IDEMPOTENCY_KEY_REUSED: 'IdempotencyKeyReused',
  IDEMPOTENCY_KEY_IN_FLIGHT: 'IdempotencyKeyInFlight',
  BOOKING_NOT_CANCELLABLE: 'BookingNotCancellable',
  BOOKING_NOT_COMPLETABLE: 'BookingNotCompletable',
  REFERRAL_NOT_ALLOWED: 'ReferralNotAllowed',
  INVENTORY_CONFLICT: 'InventoryConflict',
  UNAUTHORIZED: 'Unauthorized',
  INTERNAL: 'InternalFailure',
} as const;

/** PostgreSQL SQLSTATEs the Lambdas map to business errors. */
export const SqlState = {
  CHECK_VIOLATION: '23514',
  UNIQUE_VIOLATION: '23505',
} as const;

/** Business counts published as CloudWatch metrics (Count, in the POWERTOOLS_METRICS_NAMESPACE). */
export const BusinessMetric = {
  BOOKING_CREATED: 'BookingCreated',
  BOOKING_SOLD_OUT: 'BookingSoldOut',
  BOOKING_CANCELLED: 'BookingCancelled',
} as const;

/**
 * Powertools names where the CDK's POWERTOOLS_SERVICE_NAME / POWERTOOLS_METRICS_NAMESPACE are unset
 * (offline, tests): the service falls back to the function's name, then to this.
 */
export const PowertoolsDefaults = {
  SERVICE_NAME: 'roam',
  METRICS_NAMESPACE: 'Roam',
} as const;
