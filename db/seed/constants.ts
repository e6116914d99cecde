/** Limits and defaults of the seed generator. */
export const SeedLimits = {
  /** JSON per insert statement; the Data API allows 4 MiB per request, we stay far below. */
  MAX_BATCH_JSON_BYTES: 1_000_000,
  /** Room types whose inventory one INSERT ... SELECT generates (~365 rows each): first, least, most. */
  INVENTORY_ROOM_TYPES_PER_STATEMENT: { START: 200, MIN: 25, MAX: 800 },
  /** An inventory statement slower than this halves the batch; one under a quarter of it doubles it. */
  INVENTORY_SLOW_STATEMENT_MS: 8_000,
  /** Most hotels --hotels accepts. */
  MAX_HOTELS: 100_000,
} as const;

/**
 * The default data set (a first `npm start` seeds it): small enough to seed in a few seconds, big
 * enough to show the whole app: the first hotels go one to each city, every hotel has both rate
 * plans, and the seeded users' stories need only the first US-dollar hotels and 45 nights.
 * Benchmarks scale it up (`--hotels 10000 --nights 365`).
 */
export const SeedDefaults = {
  HOTELS: 100,
  SEED: 'roam',
  /** Nights of inventory per room type, from the start date. */
  DAYS: 60,
} as const;
