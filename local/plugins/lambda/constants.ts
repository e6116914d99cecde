/**
 * Limits, defaults and wire strings of the offline Lambda runtime. Values that copy AWS name
 * where they come from; values that are our own choice say so.
 */

/** AWS Lambda service limits that the offline runtime enforces. */
export const LambdaLimits = {
  /** Synchronous (RequestResponse) request payload, bytes. */
  MAX_REQUEST_BYTES: 6_291_456,
  /** Synchronous response payload, bytes; the number AWS prints in its error text (sic, not 6,291,456). */
  MAX_RESPONSE_BYTES: 6_291_556,
  /** Function timeout range, seconds. */
  MIN_TIMEOUT_SECONDS: 1,
  MAX_TIMEOUT_SECONDS: 900,
  /** Memory range, MB. */
  MIN_MEMORY_MB: 128,
  MAX_MEMORY_MB: 10_240,
  /** All environment variable names and values together, bytes. */
  MAX_ENVIRONMENT_BYTES: 4_096,
  /** Lambda's on-demand init phase limit, milliseconds. */
  INIT_TIMEOUT_MS: 10_000,
} as const;

/** Defaults for a function definition and for the runner (our choices unless marked AWS). */
export const LambdaDefaults = {
  HANDLER_EXPORT: 'handler',
  /** AWS default function timeout. */
  TIMEOUT_SECONDS: 3,
  /** AWS default memory size. */
  MEMORY_MB: 128,
  /** Warm processes per function at most; more calls at once wait in a queue (see DECISIONS.md). */
  CONCURRENCY: 4,
  /** A call that waited this long for a free warm process starts another one (under CONCURRENCY). */
  SCALE_UP_AFTER_MS: 100,
  /** A function's extra idle processes (beyond one) stop after this long unused. */
  SCALE_DOWN_AFTER_MS: 10_000,
  /** A function's last idle process stops after this long unused. */
  KEEP_WARM_MS: 300_000,
  /** Idle processes kept across all functions; past it the longest-idle one stops. */
  MAX_IDLE_WORKERS: 4,
  REGION: 'us-east-1',
  /** The account id LocalStack and most emulators use. */
  ACCOUNT_ID: '000000000000',
  /** Under node_modules so that externals (`@aws-sdk/*`) resolve from the bundle's folder. */
  BUILD_DIR: 'node_modules/.cache/roam-lambda',
} as const;

/** Fake credentials so that the AWS SDK inside a function can sign requests offline. */
export const OfflineCredentials = {
  AWS_ACCESS_KEY_ID: 'ASIAOFFLINELAMBDA000',
  AWS_SECRET_ACCESS_KEY: 'offline-lambda-secret-access-key',
  AWS_SESSION_TOKEN: 'offline-lambda-session-token',
} as const;

/** Environment keys Lambda sets itself and refuses in a function's configuration. */
export const RESERVED_ENVIRONMENT_KEYS: readonly string[] = [
  '_HANDLER',
  '_X_AMZN_TRACE_ID',
  'AWS_DEFAULT_REGION',
  'AWS_REGION',
  'AWS_EXECUTION_ENV',
  'AWS_LAMBDA_FUNCTION_NAME',
  'AWS_LAMBDA_FUNCTION_MEMORY_SIZE',
  'AWS_LAMBDA_FUNCTION_VERSION',
  'AWS_LAMBDA_INITIALIZATION_TYPE',
  'AWS_LAMBDA_LOG_GROUP_NAME',
  'AWS_LAMBDA_LOG_STREAM_NAME',
  'AWS_ACCESS_KEY',
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_LAMBDA_RUNTIME_API',
  'LAMBDA_TASK_ROOT',
  'LAMBDA_RUNTIME_DIR',
  'TZ',
];

/** `errorType` values the Lambda service and the Node.js runtime report. */
export const LambdaErrorTypes = {
  TIMEOUT: 'Sandbox.Timedout',
  EXIT: 'Runtime.ExitError',
  UNHANDLED_REJECTION: 'Runtime.UnhandledPromiseRejection',
  IMPORT_MODULE: 'Runtime.ImportModuleError',
  HANDLER_NOT_FOUND: 'Runtime.HandlerNotFound',
  USER_CODE_SYNTAX: 'Runtime.UserCodeSyntaxError',
  NODE_JS_EXIT: 'Runtime.NodeJsExit',
  RESPONSE_TOO_LARGE: 'Function.ResponseSizeTooLarge',
  REQUEST_TOO_LARGE: 'RequestEntityTooLargeException',
  /** The request payload is not JSON. */
  INVALID_REQUEST_CONTENT: 'InvalidRequestContentException',
  /** Ours: the bundle could not be built (AWS would refuse the deployment instead). */
  BUILD: 'Offline.BuildError',
} as const;

/** The `type` AppSync puts in `ctx.error` for any failed Lambda invocation. */
export const APPSYNC_LAMBDA_ERROR_TYPE = 'Lambda:Unhandled';
