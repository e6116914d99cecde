import type { DatabaseSession, RawResult } from './backends/types.js';
import { traced } from '../shared/request-trace.js';
import { DataApiError, DatabaseUnavailableError, InternalServerError, StatementTimeoutError } from './errors.js';
import { fromPgError, isPgError } from './pg-error.js';
import type { BoundStatement } from './sql/parameters.js';

export interface RunOptions {
  timeoutMs: number;
  /** Keep the statement running after the timeout (the caller still gets the timeout error). */
  continueAfterTimeout: boolean;
  /** Whether the backend can interrupt a running statement. */
  canCancel: boolean;
}

/**
 * Tracks work still running on a session after a call has answered (a statement that timed out
 * with `continueAfterTimeout`, or one being cancelled), so the session is released only once
 * it is really free.
 */
export class SessionWork {
  pending: Promise<unknown> = Promise.resolve();
}

/**
 * Runs one bound statement under the statement timeout. On timeout the statement is cancelled
 * (unless `continueAfterTimeout`) and the call fails with StatementTimeoutException; a backend
 * that cannot interrupt (PGlite) finishes the statement first, then reports the timeout.
 * PostgreSQL errors become DatabaseErrorException with the caller's positions.
 */
export async function runStatement(
  session: DatabaseSession,
  bound: BoundStatement,
  options: RunOptions,
  work: SessionWork,
): Promise<RawResult> {
  const started = Date.now();
  // Recorded in the trace of the GraphQL request it serves, if any (an RDS resolver in process).
  const running = traced(
    (timing, result) => ({ kind: 'sql', sql: bound.sql, ...timing, ...(result ? { rows: result.rowCount ?? result.rows.length } : {}) }),
    () => session.query(bound.sql, bound.values),
  );
  work.pending = running.catch(() => undefined);
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), options.timeoutMs);
  });
  try {
    const outcome = await Promise.race([running, timedOut]);
    // A backend that cannot interrupt (PGlite) may hold the event loop past the timer; judge it by the clock.
    const overran = !options.canCancel && Date.now() - started > options.timeoutMs;
    if (outcome === 'timeout' || overran) {
      if (outcome === 'timeout' && options.canCancel && !options.continueAfterTimeout) await session.cancel().catch(() => undefined);
      throw new StatementTimeoutError('Request timed out', session.processId);
    }
    return outcome;
  } catch (error) {
    throw toDataApiError(error, bound);
  } finally {
    clearTimeout(timer);
  }
}

/** Any failure of a statement as a Data API error; faults of our own are masked. */
export function toDataApiError(error: unknown, bound?: BoundStatement): DataApiError {
  if (error instanceof DataApiError) return error;
  if (isPgError(error)) return fromPgError(error, bound?.originalPosition);
  if (isConnectionFailure(error)) return new DatabaseUnavailableError(error.code ?? error.message, { cause: error });
  return new InternalServerError({ cause: error });
}

/** A network-level failure talking to the database (a Node system error, or pg's lost-connection errors). */
function isConnectionFailure(error: unknown): error is Error & { code?: string } {
  if (!(error instanceof Error)) return false;
  return 'syscall' in error || /^Connection terminated|^Client has encountered a connection error/.test(error.message);
}
