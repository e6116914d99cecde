/** Wire names and timings of the Data API as our Lambdas use it in AWS. */

/** The migration custom resource can wait a whole minute for a resuming database (a resolver Lambda cannot). */
export const MIGRATION_RESUME_WAIT_MS = 60_000;

/** Environment variable names a Lambda reads its Data API target from (the offline server sets the same). */
export const DataApiEnvironment = {
  RESOURCE_ARN: 'RDS_RESOURCE_ARN',
  SECRET_ARN: 'RDS_SECRET_ARN',
  DATABASE: 'RDS_DATABASE',
  /** Offline only: the local Data API's URL. Unset in AWS, where the SDK's default endpoint is right. */
  ENDPOINT: 'RDS_DATA_API_ENDPOINT',
} as const;
