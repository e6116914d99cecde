/** The runtime a resolver declares to AppSync. */
export const APPSYNC_JS_RUNTIME = { name: 'APPSYNC_JS', runtimeVersion: '1.0.0' } as const;

/** AppSync's limits on APPSYNC_JS code and its execution. */
export const AppSyncJsLimits = {
  /** `Resolver.code` / `FunctionConfiguration.code`: characters of the deployed (bundled) code. */
  MAX_CODE_CHARS: 32_768,
  /** Functions in one pipeline resolver. */
  MAX_PIPELINE_FUNCTIONS: 10,
  /** Evaluated resolver output, counted as the characters of its JSON form. */
  MAX_OUTPUT_CHARS: 5 * 1024 * 1024,
  /** Whole GraphQL request, all resolvers together. */
  REQUEST_DEADLINE_MS: 30_000,
} as const;

/** The only modules resolver code may import; everything else must be bundled in. */
export const ALLOWED_IMPORTS: readonly string[] = [
  '@aws-appsync/utils',
  '@aws-appsync/utils/rds',
  '@aws-appsync/utils/dynamodb',
  '@aws-appsync/utils/ai',
];

/** Exports every resolver and function module must have. */
export const REQUIRED_EXPORTS = ['request', 'response'] as const;

/** Handler names of a resolver or function module. */
export type HandlerName = (typeof REQUIRED_EXPORTS)[number];

/** File name AppSync gives resolver code in runtime error messages (aws-appsync-community#328). */
export const CODE_FILE_NAME = 'code.js';
