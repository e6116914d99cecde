/**
 * Wire constants and limits of the APPSYNC_JS runtime.
 * Pure data: this file is bundled into the resolver sandbox with the rest of the runtime.
 */
import { RdsRequestLimits } from '../../../platform/appsync-js/rds-request.js';

/** The property that marks a thrown control-flow signal; its value is the signal kind. */
export const SIGNAL_KEY = '__appsyncSignal';

/** The three kinds of control-flow signal the runtime throws. */
export const SignalKind = {
  ERROR: 'error',
  UNAUTHORIZED: 'unauthorized',
  EARLY_RETURN: 'earlyReturn',
} as const;

/** `util.authType()` answers, keyed by the auth mode names of the AppSync API. */
export const AuthTypeNames = {
  API_KEY: 'API Key Authorization',
  AWS_IAM: 'IAM Authorization',
  AMAZON_COGNITO_USER_POOLS: 'User Pool Authorization',
  OPENID_CONNECT: 'Open ID Connect Authorization',
  AWS_LAMBDA: 'Lambda Authorization',
} as const;

/** Limits the runtime enforces itself. */
export const RuntimeLimits = {
  /** `createPgStatement` / `createMySQLStatement` take at most two statements. */
  MAX_RDS_STATEMENTS: RdsRequestLimits.MAX_STATEMENTS,
  /** Distinct `extensions.invalidateSubscriptions` calls per request. */
  MAX_INVALIDATIONS_PER_REQUEST: 5,
  /** All custom response headers of one request together, names and values, in bytes. */
  MAX_RESPONSE_HEADER_BYTES: 4096,
  /** Values of an `in` / `notIn` subscription filter. */
  MAX_FILTER_IN_VALUES: 5,
  /** Filters in one subscription filter group ("attributes"). */
  MAX_FILTERS_PER_GROUP: 5,
  /** Compiled regular expressions and date patterns kept per runtime (then the cache restarts). */
  PATTERN_CACHE_SIZE: 256,
} as const;

/** Header prefixes a resolver may not set. */
export const RESTRICTED_RESPONSE_HEADER_PREFIXES = ['x-amz-', 'x-amzn-'] as const;

/** SQL type hints of `typeHint.*`, which the Data API accepts as `typeHint`. */
export const RDS_TYPE_HINTS = ['DECIMAL', 'JSON', 'TIMESTAMP', 'TIME', 'UUID', 'DATE'] as const;
