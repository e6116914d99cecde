/** Types of the offline Lambda runtime: what a caller configures and what an invocation returns. */

/** One Lambda function as the offline server (and the CDK app) describes it. */
export interface LambdaFunctionDefinition {
  /** Function name: `context.functionName`, `AWS_LAMBDA_FUNCTION_NAME`, the log prefix. */
  readonly name: string;
  /** Path of the handler module (`.ts`, `.mts`, `.js`, `.mjs`), absolute or relative to the working directory. */
  readonly handlerFile: string;
  /** @default 'handler' */
  readonly handlerExport?: string;
  /** The function's own environment variables; Lambda's reserved keys are refused. @default {} */
  readonly environment?: Readonly<Record<string, string>>;
  /** @default 3 (as AWS) */
  readonly timeoutSeconds?: number;
  /** @default 128 (as AWS) */
  readonly memoryMb?: number;
}

/** A definition with every default applied. */
export interface ResolvedLambdaFunction {
  readonly name: string;
  readonly handlerFile: string;
  readonly handlerExport: string;
  readonly environment: Readonly<Record<string, string>>;
  readonly timeoutSeconds: number;
  readonly memoryMb: number;
}

/** What one invocation ended with: the handler's JSON result, or Lambda's error payload. */
export type LambdaInvokeOutcome =
  { readonly ok: true; readonly result: unknown } | { readonly ok: false; readonly errorMessage: string; readonly errorType: string };

/** One line a function wrote to stdout or stderr (console output carries Lambda's prefix). */
export interface LambdaLogLine {
  readonly functionName: string;
  readonly stream: 'stdout' | 'stderr';
  readonly line: string;
  /** The GraphQL request (AppSync's request id) whose call wrote it, when a resolver made the call. */
  readonly requestId?: string;
}

/** Receives every log line of every function. */
export type LambdaLogger = (entry: LambdaLogLine) => void;

/** Options of {@link createLambdaRunner}. */
export interface LambdaRunnerOptions {
  readonly functions: readonly LambdaFunctionDefinition[];
  /** Where lines written by functions go. @default ignore them */
  readonly logger?: LambdaLogger;
  /** Warm processes per function at most; further calls queue. @default 4 */
  readonly concurrency?: number;
  /**
   * A call that waited this long for a free warm process starts another one (under
   * `concurrency`); until then it waits for one to finish its call. @default 100
   */
  readonly scaleUpAfterMs?: number;
  /** A function's idle processes beyond its first stop after this long unused. @default 10000 */
  readonly scaleDownAfterMs?: number;
  /** A function's last idle process stops after this long unused. @default 300000 */
  readonly keepWarmMs?: number;
  /** Idle processes kept across all functions; past it the longest-idle one stops. @default 4 */
  readonly maxIdleWorkers?: number;
  /**
   * Variables every function receives on top of its own (the Data API endpoint, for example).
   * Lambda's reserved keys are refused here too. @default {}
   */
  readonly extraEnvironment?: Readonly<Record<string, string>>;
  /** `AWS_REGION`, and the region in ARNs. @default 'us-east-1' */
  readonly region?: string;
  /** Account id in `invokedFunctionArn`. @default '000000000000' */
  readonly accountId?: string;
  /** Credentials the functions see, so the AWS SDK signs requests. @default fixed fake ones */
  readonly credentials?: {
    readonly accessKeyId: string;
    readonly secretAccessKey: string;
    readonly sessionToken?: string;
  };
  /**
   * Folder for bundles. It must sit below the project's `node_modules` parent so that external
   * packages (`@aws-sdk/*`) resolve. @default 'node_modules/.cache/roam-lambda'
   */
  readonly buildDir?: string;
}

/** The offline Lambda service: builds functions once and runs them in warm, isolated processes. */
export interface LambdaRunner {
  /** Names of the configured functions. */
  readonly functionNames: readonly string[];
  /** Builds every bundle now (otherwise each is built on its first call) and reports sizes. */
  prepare(): Promise<LambdaBuildReport[]>;
  /** Invokes `handler(event, context)` and returns its JSON result or Lambda's error. Never throws for function faults. */
  invoke(functionName: string, event: unknown): Promise<LambdaInvokeOutcome>;
  /**
   * Rebuilds the named functions (all by default); calls already running finish on the old
   * code, later calls use the new bundle in new processes.
   */
  reload(functionNames?: readonly string[]): Promise<LambdaBuildReport[]>;
  /** Process ids of the function's running workers (warm, busy or loading), for tests and the bench. */
  workerPids(functionName: string): number[];
  /** Stops every process and removes the bundles. Calls still running fail. */
  close(): Promise<void>;
}

/** Result of building one function. */
export interface LambdaBuildReport {
  readonly functionName: string;
  /** Absolute path of the bundle the worker loads. */
  readonly bundleFile: string;
  readonly bundleBytes: number;
  /** Absolute paths of the source files bundled in (what a watcher should watch for `reload`). */
  readonly inputs: readonly string[];
  readonly buildMs: number;
  /**
   * For a CommonJS bundle: the copy workers load (named by its content) and the file where they
   * keep its V8 code cache. Undefined for an ES module bundle, which workers import.
   */
  readonly commonJsBundle?: { readonly file: string; readonly codeCacheFile: string };
}
