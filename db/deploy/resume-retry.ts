/**
 * Retries Data API calls that fail because Aurora Serverless v2 is resuming from auto-pause.
 * The SDK treats DatabaseResumingException as a plain 400 and never retries it (data-api.md §7);
 * the call never reached the database, so repeating it is safe even inside a transaction.
 */
import type { DataApi } from '../../platform/data-api/types.js';
import { DatabaseResuming, RESUME_RETRY_DELAYS_MS } from './constants.js';

/** Options of {@link withResumeRetry}. */
export interface ResumeRetryOptions {
  /** Waits before each retry; their count is the number of retries. @default RESUME_RETRY_DELAYS_MS */
  readonly delaysMs?: readonly number[];
  /** Told about each retry (for a log line). @default nothing */
  readonly onRetry?: (attempt: number, delayMs: number, error: Error) => void;
}

/** Whether `error` is the Data API saying the instance is resuming. */
export function isDatabaseResuming(error: unknown): error is Error {
  if (!(error instanceof Error)) return false;
  return error.name === DatabaseResuming.EXCEPTION_NAME || error.message.includes(DatabaseResuming.MESSAGE_FRAGMENT);
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function callWithRetry<T>(call: () => Promise<T>, options: ResumeRetryOptions): Promise<T> {
  const delays = options.delaysMs ?? RESUME_RETRY_DELAYS_MS;
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
 * const api = withResumeRetry(new RDSData({}), { onRetry: (n) => logger.warn('resuming', { n }) });
 */
export function withResumeRetry(api: DataApi, options: ResumeRetryOptions = {}): DataApi {
  return {
    executeStatement: (input) => callWithRetry(() => api.executeStatement(input), options),
    batchExecuteStatement: (input) => callWithRetry(() => api.batchExecuteStatement(input), options),
    beginTransaction: (input) => callWithRetry(() => api.beginTransaction(input), options),
    commitTransaction: (input) => callWithRetry(() => api.commitTransaction(input), options),
    rollbackTransaction: (input) => callWithRetry(() => api.rollbackTransaction(input), options),
  };
}
