/**
 * Parses the runner options once, at the edge, into one resolved object. Every problem is
 * collected into a single {@link LambdaConfigError}.
 */
import path from 'node:path';
import { z } from 'zod';
import { LambdaDefaults, LambdaLimits, OfflineCredentials, RESERVED_ENVIRONMENT_KEYS } from './constants.js';
import { LambdaConfigError } from './errors.js';
import type { LambdaLogger, LambdaRunnerOptions, ResolvedLambdaFunction } from './types.js';

/** Lambda's own rules for function names and environment keys. */
const FUNCTION_NAME = /^[a-zA-Z0-9_-]{1,64}$/;
const ENV_KEY = /^[a-zA-Z][a-zA-Z0-9_]+$/;
const EXPORT_NAME = /^[A-Za-z_$][\w$]*$/;

const environmentSchema = z.record(z.string(), z.string()).superRefine((env, ctx) => {
  for (const key of Object.keys(env)) {
    if (RESERVED_ENVIRONMENT_KEYS.includes(key)) {
      ctx.addIssue({ code: 'custom', message: `environment key "${key}" is reserved by Lambda` });
    } else if (!ENV_KEY.test(key)) {
      ctx.addIssue({ code: 'custom', message: `environment key "${key}" must match ${ENV_KEY}` });
    }
  }
});

const functionSchema = z.object({
  name: z.string().regex(FUNCTION_NAME, 'function name must be 1-64 letters, digits, "-" or "_"'),
  handlerFile: z
    .string()
    .min(1)
    .regex(/\.(m?ts|m?js|cjs|cts)$/, 'handlerFile must be a .ts, .mts, .js, .mjs, .cjs or .cts file'),
  handlerExport: z.string().regex(EXPORT_NAME, 'handlerExport must be an identifier').default(LambdaDefaults.HANDLER_EXPORT),
  environment: environmentSchema.default({}),
  timeoutSeconds: z
    .number()
    .int()
    .min(LambdaLimits.MIN_TIMEOUT_SECONDS)
    .max(LambdaLimits.MAX_TIMEOUT_SECONDS)
    .default(LambdaDefaults.TIMEOUT_SECONDS),
  memoryMb: z.number().int().min(LambdaLimits.MIN_MEMORY_MB).max(LambdaLimits.MAX_MEMORY_MB).default(LambdaDefaults.MEMORY_MB),
});

const optionsSchema = z.object({
  functions: z.array(functionSchema),
  logger: z.custom<LambdaLogger>((value) => typeof value === 'function').optional(),
  concurrency: z.number().int().min(1).max(64).default(LambdaDefaults.CONCURRENCY),
  scaleUpAfterMs: z.number().int().min(0).default(LambdaDefaults.SCALE_UP_AFTER_MS),
  scaleDownAfterMs: z.number().int().min(0).default(LambdaDefaults.SCALE_DOWN_AFTER_MS),
  keepWarmMs: z.number().int().min(0).default(LambdaDefaults.KEEP_WARM_MS),
  maxIdleWorkers: z.number().int().min(0).default(LambdaDefaults.MAX_IDLE_WORKERS),
  extraEnvironment: environmentSchema.default({}),
  region: z
    .string()
    .regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'region must look like us-east-1')
    .default(LambdaDefaults.REGION),
  accountId: z
    .string()
    .regex(/^\d{12}$/, 'accountId must be 12 digits')
    .default(LambdaDefaults.ACCOUNT_ID),
  credentials: z
    .object({ accessKeyId: z.string().min(1), secretAccessKey: z.string().min(1), sessionToken: z.string().optional() })
    .default({
      accessKeyId: OfflineCredentials.AWS_ACCESS_KEY_ID,
      secretAccessKey: OfflineCredentials.AWS_SECRET_ACCESS_KEY,
      sessionToken: OfflineCredentials.AWS_SESSION_TOKEN,
    }),
  buildDir: z.string().min(1).default(LambdaDefaults.BUILD_DIR),
});

/** Runner options with every default applied and paths made absolute. */
export type ResolvedRunnerOptions = Omit<z.infer<typeof optionsSchema>, 'functions'> & {
  readonly functions: readonly ResolvedLambdaFunction[];
};

/** Total size of an environment as Lambda counts it (keys and values, UTF-8). */
export function environmentBytes(env: Readonly<Record<string, string>>): number {
  return Object.entries(env).reduce((sum, [k, v]) => sum + Buffer.byteLength(k) + Buffer.byteLength(v), 0);
}

/** Validates options, applies defaults, and throws one {@link LambdaConfigError} listing every problem. */
export function resolveRunnerOptions(options: LambdaRunnerOptions): ResolvedRunnerOptions {
  const parsed = optionsSchema.safeParse(options);
  if (!parsed.success) {
    throw new LambdaConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.') || 'options'}: ${issue.message}`));
  }
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const fn of parsed.data.functions) {
    if (seen.has(fn.name)) problems.push(`functions: "${fn.name}" is defined twice`);
    seen.add(fn.name);
    const bytes = environmentBytes({ ...fn.environment, ...parsed.data.extraEnvironment });
    if (bytes > LambdaLimits.MAX_ENVIRONMENT_BYTES) {
      problems.push(`functions: "${fn.name}" environment is ${bytes} bytes, over Lambda's ${LambdaLimits.MAX_ENVIRONMENT_BYTES}`);
    }
  }
  if (problems.length > 0) throw new LambdaConfigError(problems);
  return {
    ...parsed.data,
    buildDir: path.resolve(parsed.data.buildDir),
    functions: parsed.data.functions.map((fn) => ({ ...fn, handlerFile: path.resolve(fn.handlerFile) })),
  };
}
