/** AppSync's request-level limits. */
export const GraphqlLimits = {
  /** Whole-request execution deadline. */
  REQUEST_TIMEOUT_MS: 30_000,
  /** Resolver executions per request; an API may set 1-10,000 (0 means this). */
  MAX_RESOLVER_COUNT: 10_000,
  /** Query depth an API may set, 1-75; 0 means no limit. */
  MAX_QUERY_DEPTH_SETTING: 75,
  /** Not published by AWS; a generous cap so a huge body cannot exhaust memory. */
  MAX_BODY_BYTES: 5 * 1024 * 1024,
} as const;

export const ERROR_TYPE_HEADER = 'x-amzn-ErrorType';
export const REQUEST_ID_HEADER = 'x-amzn-RequestId';
