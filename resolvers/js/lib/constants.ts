/** Limits and defaults of the read resolvers (schema.graphql states each one). */
export const ReadLimits = {
  /** Longest stay, in nights. */
  MAX_NIGHTS: 30,
  /** Search radius in km when `near.radiusKm` is omitted, and the largest allowed. */
  DEFAULT_RADIUS_KM: 25,
  MAX_RADIUS_KM: 200,
  /** Page sizes: searchHotels and myBookings. */
  DEFAULT_PAGE: 20,
  MAX_PAGE: 100,
  /** Page sizes: User.creditHistory. */
  DEFAULT_HISTORY_PAGE: 50,
  /** cities(limit). */
  DEFAULT_CITIES: 20,
  /** CreditBalance.expiringSoon(withinDays). */
  DEFAULT_EXPIRY_WINDOW_DAYS: 30,
  MAX_EXPIRY_WINDOW_DAYS: 365,
  /** A list's name, after trimming. */
  MAX_LIST_NAME: 100,
  /** Amenity codes one search may filter on. */
  MAX_AMENITY_FILTERS: 20,
} as const;

/** GraphQL errorType values (schema.graphql names them in field descriptions). */
export const ErrorTypes = {
  VALIDATION: 'ValidationError',
  NOT_FOUND: 'NotFound',
  /** A value that must be unique (an account's email) is already taken. */
  CONFLICT: 'Conflict',
} as const;

/** Milliseconds in a day: stay dates are calendar days, so UTC arithmetic on them is exact. */
export const DAY_MS = 86400000;
