/** Limits, defaults and wire constants of the offline RDS Data API. */

/** The cluster ARN the endpoint accepts unless configured otherwise. */
export const DEFAULT_RESOURCE_ARN = 'arn:aws:rds:us-east-1:123456789012:cluster:roam-local';

/** The Secrets Manager secret ARN the endpoint accepts unless configured otherwise. */
export const DEFAULT_SECRET_ARN = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:roam-local-db-AbCdEf';

export const DataApiLimits = {
  /** Whole ExecuteStatement response (records + metadata), serialized. */
  MAX_RESPONSE_BYTES: 1024 * 1024,
  /** One record (row) of a result set, serialized. */
  MAX_ROW_BYTES: 64 * 1024,
  /** `formattedRecords` when `formatRecordsAs` is JSON. */
  MAX_JSON_RECORDS_BYTES: 10 * 1024 * 1024,
  /** Whole HTTP request, headers included; we count the body. */
  MAX_REQUEST_BYTES: 4 * 1024 * 1024,
  MIN_ARN_LENGTH: 11,
  MAX_ARN_LENGTH: 100,
  MAX_TRANSACTION_ID_LENGTH: 192,
  MAX_DATABASE_NAME_LENGTH: 64,
} as const;

export const DataApiTimeouts = {
  /** A statement is cancelled (or reported as timed out) after this long. */
  STATEMENT_MS: 45_000,
  /** A transaction no call has used for this long is rolled back. */
  TRANSACTION_IDLE_MS: 3 * 60_000,
  /**
   * Ours: a transaction no call has used for this long is rolled back as soon as another call
   * waits for a session, so an abandoned one cannot stall PGlite's only session (or the pool)
   * for the whole idle timeout. Longer than any pause between the statements of a working
   * transaction; a Lambda that keeps one open longer while others wait gets "isn't found".
   */
  TRANSACTION_CONTENDED_IDLE_MS: 5_000,
  /** A transaction is rolled back this long after it began, whatever it is doing. */
  TRANSACTION_MAX_MS: 24 * 60 * 60_000,
} as const;

/** `transactionStatus` strings of CommitTransaction and RollbackTransaction. */
export const TransactionStatus = {
  COMMITTED: 'Transaction Committed',
  ROLLED_BACK: 'Rollback Complete',
} as const;

/** The operation paths, matched on the last path segment. */
export const DataApiOperation = {
  Execute: 'ExecuteStatement',
  BatchExecute: 'BatchExecuteStatement',
  BeginTransaction: 'BeginTransaction',
  CommitTransaction: 'CommitTransaction',
  RollbackTransaction: 'RollbackTransaction',
  ExecuteSql: 'ExecuteSql',
} as const;

export const TYPE_HINTS = ['DATE', 'TIME', 'TIMESTAMP', 'DECIMAL', 'JSON', 'UUID'] as const;

/** Header the SDK reads the exception name from; the Coral-style suffix is what AWS appends. */
export const ERROR_TYPE_HEADER = 'x-amzn-ErrorType';
export const ERROR_TYPE_SUFFIX = ':http://internal.amazon.com/coral/com.amazon.rdsdataservice/';
export const REQUEST_ID_HEADER = 'x-amzn-RequestId';
