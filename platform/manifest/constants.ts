/** AppSync's limits that a manifest can break. */
export const ManifestLimits = {
  MAX_PIPELINE_FUNCTIONS: 10,
  MAX_BATCH_SIZE: 2000,
  MAX_CACHING_KEYS: 25,
  MIN_CACHING_TTL_SECONDS: 1,
  MAX_CACHING_TTL_SECONDS: 3600,
  MAX_LAMBDA_TIMEOUT_SECONDS: 900,
} as const;

/** Root types whose every field needs a resolver; Subscription fields work without one. */
export const TYPES_NEEDING_RESOLVERS = ['Query', 'Mutation'] as const;
