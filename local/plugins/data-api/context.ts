import type { DatabaseBackend, DatabaseSession } from './backends/types.js';
import { CallerGoneError, StatementTimeoutError } from './errors.js';
import { SessionWork } from './statement-runner.js';
import type { OpenTransaction, TransactionRegistry } from './transactions.js';
import type { CatalogCache } from './types/catalog-cache.js';

/** Everything an operation needs from the core. */
export interface CoreContext {
  backend: DatabaseBackend;
  catalog: CatalogCache;
  transactions: TransactionRegistry;
  statementTimeoutMs: number;
  /** Aborts when the caller went away (its HTTP request closed): a wait for a session ends then. */
  signal?: AbortSignal;
}

/** How often a caller waiting for a session asks the registry to reclaim abandoned transactions. */
const RECLAIM_CHECK_MS = 500;

/**
 * Runs `work` on the transaction's session, or on a session of its own (autocommit) when there
 * is no transaction id. The session is given back once any statement still running on it
 * (after a timeout) has finished.
 */
export async function withSession<T>(
  context: CoreContext,
  transactionId: string | undefined,
  work: (session: DatabaseSession, pending: SessionWork, transaction?: OpenTransaction) => Promise<T>,
): Promise<T> {
  const pending = new SessionWork();
  if (transactionId) {
    const transaction = context.transactions.checkout(transactionId);
    try {
      return await work(transaction.session, pending, transaction);
    } finally {
      void pending.pending.then(() => context.transactions.checkin(transaction));
    }
  }
  const session = await acquire(context);
  try {
    return await work(session, pending);
  } finally {
    void pending.pending.then(() => session.release());
  }
}

/**
 * A free session; waiting for one counts against the statement timeout, and ends when the caller
 * goes away. While it waits, transactions left idle past the registry's contended-idle bound are
 * rolled back, so an abandoned transaction cannot hold PGlite's only session (or the pool) for
 * the whole idle timeout.
 */
export async function acquire(context: CoreContext): Promise<DatabaseSession> {
  context.signal?.throwIfAborted();
  // A plain controller and timer: AbortSignal.timeout() costs several times more per call.
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), context.statementTimeoutMs);
  const reclaim = setInterval(() => context.transactions.reclaimIdle(), RECLAIM_CHECK_MS);
  const callerGone = () => controller.abort(context.signal?.reason);
  context.signal?.addEventListener('abort', callerGone, { once: true });
  try {
    return await context.backend.acquire(controller.signal);
  } catch (error) {
    if (context.signal?.aborted) throw new CallerGoneError();
    if (controller.signal.aborted) throw new StatementTimeoutError('Request timed out: no database connection became free in time');
    throw error;
  } finally {
    clearTimeout(timer);
    clearInterval(reclaim);
    context.signal?.removeEventListener('abort', callerGone);
  }
}
