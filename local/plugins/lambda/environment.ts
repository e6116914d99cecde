/**
 * The environment a function's process gets: its own variables, the caller's extras, and the
 * variables Lambda itself sets. Nothing is inherited from the server's `process.env`.
 */
import { randomBytes } from 'node:crypto';
import { LambdaRuntime } from '../../../platform/lambda/constants.js';
import type { ResolvedRunnerOptions } from './config.js';
import type { ResolvedLambdaFunction } from './types.js';

/** Values Lambda sets that do not depend on the function (as on the nodejs22.x runtime). */
const RUNTIME_CONSTANTS = {
  PATH: '/var/lang/bin:/usr/local/bin:/usr/bin/:/bin:/opt/bin',
  LANG: 'en_US.UTF-8',
  TZ: ':UTC',
  LAMBDA_RUNTIME_DIR: '/var/runtime',
  AWS_EXECUTION_ENV: LambdaRuntime.EXECUTION_ENV,
  AWS_LAMBDA_FUNCTION_VERSION: LambdaRuntime.VERSION,
  AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand',
  // Offline workers run on the server's Node 20, not Lambda's Node 22: silence the SDK's warning
  // about the host version, which would otherwise print at every cold start.
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
} as const;

/** `/aws/lambda/<name>`, the log group Lambda writes to. */
export function logGroupName(functionName: string): string {
  return `/aws/lambda/${functionName}`;
}

/** A log stream name in Lambda's shape, one per execution environment (worker process). */
export function newLogStreamName(now = new Date()): string {
  const day = now.toISOString().slice(0, 10).replaceAll('-', '/');
  return `${day}/[${LambdaRuntime.VERSION}]${randomBytes(16).toString('hex')}`;
}

/** `arn:aws:lambda:<region>:<account>:function:<name>`. */
export function functionArn(functionName: string, options: Pick<ResolvedRunnerOptions, 'region' | 'accountId'>): string {
  return `arn:aws:lambda:${options.region}:${options.accountId}:function:${functionName}`;
}

/** The complete environment of one worker process; reserved keys are set last, as Lambda does. */
export function lambdaProcessEnvironment(
  fn: ResolvedLambdaFunction,
  options: Pick<ResolvedRunnerOptions, 'region' | 'credentials' | 'extraEnvironment'>,
  taskRoot: string,
  logStreamName: string,
): Record<string, string> {
  const { accessKeyId, secretAccessKey, sessionToken } = options.credentials;
  return {
    ...fn.environment,
    ...options.extraEnvironment,
    ...RUNTIME_CONSTANTS,
    _HANDLER: `index.${fn.handlerExport}`,
    LAMBDA_TASK_ROOT: taskRoot,
    AWS_REGION: options.region,
    AWS_DEFAULT_REGION: options.region,
    AWS_LAMBDA_FUNCTION_NAME: fn.name,
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(fn.memoryMb),
    AWS_LAMBDA_LOG_GROUP_NAME: logGroupName(fn.name),
    AWS_LAMBDA_LOG_STREAM_NAME: logStreamName,
    AWS_ACCESS_KEY_ID: accessKeyId,
    AWS_SECRET_ACCESS_KEY: secretAccessKey,
    ...(sessionToken ? { AWS_SESSION_TOKEN: sessionToken } : {}),
  };
}

/**
 * Node flags: a heap sized from the function's memory (our approximation of the Lambda
 * bootstrap's settings, so that memory-hungry code fails offline too), plus source maps so
 * stack traces point at the TypeScript.
 */
export function lambdaNodeFlags(memoryMb: number): string[] {
  const newSpace = Math.floor(memoryMb / 64);
  return [
    '--enable-source-maps',
    `--max-semi-space-size=${Math.max(1, Math.floor(newSpace / 2))}`,
    `--max-old-space-size=${memoryMb - newSpace}`,
  ];
}
