/**
 * The resolver manifest: for every field that has a resolver, what serves it (DESIGN decision 1).
 * The offline server and the CDK app both read it, so nothing about resolvers is declared twice.
 * File paths are relative to the project root.
 */

/** A data source. RDS cluster and secret ARNs come from where it runs (offline settings or the deploy). */
export type DataSourceConfig =
  | { readonly kind: 'NONE' }
  | { readonly kind: 'RDS'; /** @default the server's database */ readonly database?: string }
  | { readonly kind: 'LAMBDA'; /** a key of `lambdaFunctions` */ readonly function: string };

/** A Lambda function that a LAMBDA data source invokes. */
export interface LambdaFunctionConfig {
  /** TypeScript or JavaScript module that exports the handler. */
  readonly handler: string;
  /** @default 'handler' */
  readonly export?: string;
  /** @default 10 */
  readonly timeoutSeconds?: number;
  /** @default 256 */
  readonly memoryMb?: number;
  /** Extra environment variables; the Data API settings are added by whoever runs it. */
  readonly environment?: Readonly<Record<string, string>>;
  /** Mutations the function calls on the API with its own IAM identity (besides the publish mutations). @default none */
  readonly mutations?: readonly string[];
}

/**
 * A Lambda function run on a timer: an EventBridge schedule in AWS; offline, a timer while the
 * server runs and a command that runs it once. The key names it (lower-case words and dashes).
 */
export interface ScheduleConfig {
  /** A key of `lambdaFunctions`. */
  readonly function: string;
  /** Runs every this many minutes (EventBridge `rate(N minutes)`), 1 or more. */
  readonly rateMinutes: number;
  /** The event the function receives (EventBridge's constant input). @default {} */
  readonly input?: Readonly<Record<string, unknown>>;
  readonly description?: string;
}

/** An APPSYNC_JS pipeline function: one file, one data source. */
export interface PipelineFunctionConfig {
  readonly code: string;
  readonly dataSource: string;
}

/** Per-resolver caching, as AppSync's resolver `cachingConfig`. */
export interface CachingConfig {
  readonly ttlSeconds: number;
  /** Up to 25 keys such as `$context.arguments.id` or `$context.identity.sub`. */
  readonly keys?: readonly string[];
}

interface ResolverOptions {
  readonly caching?: CachingConfig;
}

/** An APPSYNC_JS unit resolver; on a LAMBDA data source this is a "Lambda resolver". */
export interface JsUnitResolverConfig extends ResolverOptions {
  readonly kind: 'JS_UNIT';
  readonly code: string;
  readonly dataSource: string;
  /** BatchInvoke batch size (LAMBDA data sources only), 0-2000. */
  readonly maxBatchSize?: number;
}

/** An APPSYNC_JS pipeline resolver: optional before/after code around 1-10 functions. */
export interface JsPipelineResolverConfig extends ResolverOptions {
  readonly kind: 'JS_PIPELINE';
  /** @default request returns {}, response returns ctx.prev.result */
  readonly code?: string;
  /** Keys of `functions`, in order. */
  readonly functions: readonly string[];
}

/** A direct Lambda resolver: no code, the function receives the whole context. */
export interface DirectLambdaResolverConfig extends ResolverOptions {
  readonly kind: 'DIRECT_LAMBDA';
  readonly dataSource: string;
  readonly maxBatchSize?: number;
}

export type ResolverConfig = JsUnitResolverConfig | JsPipelineResolverConfig | DirectLambdaResolverConfig;

/** `Type.field`, e.g. `Query.hotel`. */
export type FieldCoordinate = `${string}.${string}`;

export interface ResolverManifest {
  readonly dataSources: Readonly<Record<string, DataSourceConfig>>;
  readonly lambdaFunctions: Readonly<Record<string, LambdaFunctionConfig>>;
  readonly functions: Readonly<Record<string, PipelineFunctionConfig>>;
  readonly resolvers: Readonly<Record<FieldCoordinate, ResolverConfig>>;
  /** Functions run on a timer, by name. @default none */
  readonly schedules?: Readonly<Record<string, ScheduleConfig>>;
}
