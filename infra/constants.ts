/** Names, limits and defaults of Roam's AWS deployment. */

/** Every stack, log group and resource name starts with this. */
export const APP_NAME = 'roam';

/** Stage names: `dev`, `prod`, or a preview name such as `pr-42` (CloudFormation and Cognito domain safe). */
export const STAGE_NAME_PATTERN = /^[a-z][a-z0-9-]{0,24}$/;

/** The stages that are not previews. */
export const PERMANENT_STAGES = ['dev', 'prod'] as const;

/** CDK context keys read by the app (`-c key=value`). */
export const ContextKeys = {
  STAGE: 'stage',
  /** Minimum Aurora capacity (ACU) in prod; every other stage scales to 0. */
  PROD_MIN_CAPACITY: 'prodMinCapacity',
  /** Maximum Aurora capacity (ACU). */
  MAX_CAPACITY: 'maxCapacity',
  /** `FILE#EXPORT` of the project configuration to deploy. */
  PROJECT: 'project',
  /** `owner/name`: also synthesize the account-wide `roam-github` stack (OIDC deploy roles). */
  GITHUB_REPOSITORY: 'githubRepo',
  /** ARN of an existing GitHub OIDC provider in the account, to reuse instead of creating one. */
  GITHUB_PROVIDER_ARN: 'githubOidcProviderArn',
} as const;

export const DatabaseDefaults = {
  /** Prod keeps half an ACU warm: no resume wait for the first user of the morning. */
  PROD_MIN_CAPACITY_ACU: 0.5,
  MAX_CAPACITY_ACU: 4,
  /** Outside prod the instance pauses after this much idle time (AWS minimum is 5 minutes). */
  AUTO_PAUSE_MINUTES: 10,
  PROD_BACKUP_RETENTION_DAYS: 14,
  BACKUP_RETENTION_DAYS: 1,
  MASTER_USERNAME: 'roam_admin',
} as const;

export const ApiDefaults = {
  /** AppSync's query depth limit when the project configuration sets none (AppSync allows 1-75). */
  QUERY_DEPTH_LIMIT: 10,
  /** API key lifetime; AppSync allows at most 365 days, `npm run deploy` renews it. */
  API_KEY_DAYS: 365,
  /** Resolver caching: instance type used only when some manifest entry asks for caching. */
  CACHE_INSTANCE_TYPE: 'SMALL',
} as const;

export const LambdaDefaults = {
  /** The alias AppSync invokes; CodeDeploy shifts it between versions. */
  ALIAS_NAME: 'live',
  LOG_RETENTION_DAYS: 30,
  MIGRATION_TIMEOUT_MINUTES: 10,
  MIGRATION_MEMORY_MB: 256,
  /** Budget of each minified bundle (DESIGN "Budgets"): 300 KB, counted in decimal kilobytes to stay on the safe side. */
  MAX_BUNDLE_BYTES: 300_000,
} as const;

export const AlarmThresholds = {
  /** AppSync 5XX responses per minute, for 2 of 3 minutes. */
  API_5XX_PER_MINUTE: 5,
  /** Share of requests answered 4XX or 5XX, percent. */
  API_ERROR_RATE_PERCENT: 5,
  /** AppSync p99 latency, milliseconds. */
  API_P99_LATENCY_MS: 3_000,
  /** Lambda errors per minute on the live alias (what a canary is judged on). */
  LAMBDA_ERRORS_PER_MINUTE: 1,
  LAMBDA_THROTTLES_PER_MINUTE: 1,
} as const;
