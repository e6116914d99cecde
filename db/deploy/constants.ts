/** Wire names and timings of the Data API as our Lambdas use it in AWS. */

/** How the Data API says an auto-paused Aurora Serverless v2 instance is waking up (data-api.md §7). */
export const DatabaseResuming = {
  /** The exception name (HTTP 400); the SDK does not retry it. */
  EXCEPTION_NAME: 'DatabaseResumingException',
  /** Text that identifies the same condition when only the message survives. */
  MESSAGE_FRAGMENT: 'is resuming after being auto-paused',
} as const;

/**
 * Waits before each retry, in milliseconds. AWS documents a resume of up to ~15 s and users
 * report 10-30 s, so the waits add up to 60 s: comfortably past a slow resume, still far inside
 * a custom resource's or a resolver Lambda's timeout.
 */
export const RESUME_RETRY_DELAYS_MS: readonly number[] = [1_000, 2_000, 3_000, 5_000, 7_000, 10_000, 12_000, 20_000];

/** Environment variable names a Lambda reads its Data API target from (the offline server sets the same). */
export const DataApiEnvironment = {
  RESOURCE_ARN: 'RDS_RESOURCE_ARN',
  SECRET_ARN: 'RDS_SECRET_ARN',
  DATABASE: 'RDS_DATABASE',
  /** Offline only: the local Data API's URL. Unset in AWS, where the SDK's default endpoint is right. */
  ENDPOINT: 'RDS_DATA_API_ENDPOINT',
} as const;
