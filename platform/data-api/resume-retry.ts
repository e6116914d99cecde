/**
 * The one retry policy for a Data API call that fails because Aurora Serverless v2 is resuming
 * from auto-pause (scale to zero). The SDK treats DatabaseResumingException as a plain 400 and
 * never retries it, and the call never reached the database, so repeating it is safe even inside
 * a transaction (https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/aurora-serverless-v2-auto-pause.html).
 * Every caller waits by the same doubling schedule; each says only how long it can afford to wait.
 */
import type { DataApi } from './types.js';

export const ResumeRetryPolicy = {
  EXCEPTION_NAME: 'DatabaseResumingException',
  /** Text that identifies the same condition when only the message survives. */
  MESSAGE_FRAGMENT: 'is resuming after being auto-paused',
  FIRST_DELAY_MS: 500,
  /** No single wait is longer: a resume takes about 15 s, sometimes 30 s. */
  MAX_DELAY_MS: 10_000,
  /** What a Lambda can afford inside its timeout. */
  DEFAULT_MAX_WAIT_MS: 25_000,
} as const;

/** The waits before each retry: doubling from 0.5 s, at most 10 s each, adding up to at most `maxWaitMs`. */
export function resumeRetryDelays(maxWaitMs: number = ResumeRetryPolicy.DEFAULT_MAX_WAIT_MS): number[] {
  const delays: number[] = [];
  let total = 0;
  for (
    let delay: number = ResumeRetryPolicy.FIRST_DELAY_MS;
    total + delay <= maxWaitMs;
    delay = Math.min(delay * 2, ResumeRetryPolicy.MAX_DELAY_MS)
  ) {
    delays.push(delay);
    total += delay;
  }
  return delays;
}

/** Options of {@link withResumeRetry}. */
export interface ResumeRetryOptions {
  /** The longest a call waits in all for the database to resume. @default 25 000 ms */
  readonly maxWaitMs?: number;
  /** The waits themselves, instead of the policy's (tests shorten them). */
  readonly delaysMs?: readonly number[];
  /** Told about each retry (for a log line). @default nothing */
  readonly onRetry?: (attempt: number, delayMs: number, error: Error) => void;
}

/** Whether `error` is the Data API saying the instance is resuming. */
export function isDatabaseResuming(error: unknown): error is Error {
  if (!(error instanceof Error)) return false;
  return error.name === ResumeRetryPolicy.EXCEPTION_NAME || error.message.includes(ResumeRetryPolicy.MESSAGE_FRAGMENT);
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function callWithRetry<T>(call: () => Promise<T>, delays: readonly number[], options: ResumeRetryOptions): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      const delay = delays[attempt];
      if (!isDatabaseResuming(error) || delay === undefined) throw error;
      options.onRetry?.(attempt + 1, delay, error);
      await sleep(delay);
    }
  }
}

/**
 * Wraps a Data API client so that every operation waits out a resume.
 * @example
 * const api = withResumeRetry(new RDSData({}), { maxWaitMs: 60_000, onRetry: (n) => logger.warn('resuming', { n }) });
 */
export function withResumeRetry(api: DataApi, options: ResumeRetryOptions = {}): DataApi {
  const delays = options.delaysMs ?? resumeRetryDelays(options.maxWaitMs);
  return {
    executeStatement: (input) => callWithRetry(() => api.executeStatement(input), delays, options),
    batchExecuteStatement: (input) => callWithRetry(() => api.batchExecuteStatement(input), delays, options),
    beginTransaction: (input) => callWithRetry(() => api.beginTransaction(input), delays, options),
    commitTransaction: (input) => callWithRetry(() => api.commitTransaction(input), delays, options),
    rollbackTransaction: (input) => callWithRetry(() => api.rollbackTransaction(input), delays, options),
  };
}
