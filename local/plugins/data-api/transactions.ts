import { randomBytes } from 'node:crypto';
import type { DatabaseSession } from './backends/types.js';
import { DatabaseError, TransactionNotFoundError } from './errors.js';

/** Why a transaction id is no longer valid; appended to the "isn't found" message. */
export const TransactionEndCause = {
  EXPIRED: 'Transaction may be expired.',
  /** Ours: idle past the contended bound while other calls waited for the database (see DECISIONS.md). */
  RECLAIMED: 'Transaction may be expired: it was idle while other calls waited for the database.',
  /** Ours: the caller closed its request while a call in the transaction was waiting or running. */
  CALLER_GONE: 'One previous call resulted in a termination of your transaction: its client went away.',
  TERMINATED: 'One previous call resulted in a termination of your transaction.',
} as const;

/** How many ended ids we remember, to give the cause instead of a bare "isn't found". */
const REMEMBERED_ENDINGS = 1000;

export interface OpenTransaction {
  readonly id: string;
  readonly session: DatabaseSession;
  /** True while a call is running a statement in it. */
  busy: boolean;
  /** When a call last gave it back (or it began). */
  lastUsedAt: number;
  idleTimer?: NodeJS.Timeout;
  maxTimer?: NodeJS.Timeout;
}

export interface TransactionTimeouts {
  idleMs: number;
  maxMs: number;
  /** Idle time after which a transaction is rolled back if another call is waiting for a session. */
  contendedIdleMs: number;
  /** Called after the registry itself rolls a transaction back (expiry, shutdown). */
  onRollback?: () => void;
}

/**
 * The open transactions, by id. A call checks a transaction out (it is then busy: a second call
 * fails at once, as on Data API v2) and checks it back in, which restarts the idle timer. A
 * transaction idle for `idleMs`, or open for `maxMs`, is rolled back and its id forgotten.
 */
export class TransactionRegistry {
  private readonly open = new Map<string, OpenTransaction>();
  private readonly ended = new Map<string, string>();

  constructor(private readonly timeouts: TransactionTimeouts) {}

  /** Registers a session on which BEGIN has run; returns the new transaction. */
  register(session: DatabaseSession): OpenTransaction {
    const transaction: OpenTransaction = { id: randomBytes(48).toString('base64'), session, busy: false, lastUsedAt: Date.now() };
    this.open.set(transaction.id, transaction);
    transaction.maxTimer = setTimeout(() => this.expire(transaction, TransactionEndCause.EXPIRED), this.timeouts.maxMs);
    transaction.maxTimer.unref();
    this.scheduleIdle(transaction);
    return transaction;
  }

  /** Takes a transaction for one call; throws if it is unknown or already running a statement. */
  checkout(id: string): OpenTransaction {
    const transaction = this.open.get(id);
    if (!transaction) throw new TransactionNotFoundError(id, this.ended.get(id));
    if (transaction.busy) throw new DatabaseError('Transaction is still running a query');
    clearTimeout(transaction.idleTimer);
    transaction.busy = true;
    return transaction;
  }

  /** Gives a transaction back after a call; it starts counting idle time again. */
  checkin(transaction: OpenTransaction): void {
    transaction.busy = false;
    transaction.lastUsedAt = Date.now();
    if (this.open.get(transaction.id) === transaction) this.scheduleIdle(transaction);
    else void this.rollbackAndRelease(transaction);
  }

  /** Whether the transaction is still registered (not ended by a call or a timeout). */
  isOpen(transaction: OpenTransaction): boolean {
    return this.open.get(transaction.id) === transaction;
  }

  /** Forgets a transaction that a commit or rollback ended (its session is the caller's). */
  finish(transaction: OpenTransaction, cause?: string): void {
    this.forget(transaction, cause ?? TransactionEndCause.TERMINATED);
    transaction.busy = false;
  }

  /**
   * Called while a caller waits for a session: rolls back the transaction idle the longest, if
   * it has been idle for `contendedIdleMs` or more. Returns whether one was reclaimed.
   */
  reclaimIdle(): boolean {
    const now = Date.now();
    let oldest: OpenTransaction | undefined;
    for (const transaction of this.open.values()) {
      if (transaction.busy || now - transaction.lastUsedAt < this.timeouts.contendedIdleMs) continue;
      if (!oldest || transaction.lastUsedAt < oldest.lastUsedAt) oldest = transaction;
    }
    if (oldest) this.expire(oldest, TransactionEndCause.RECLAIMED);
    return oldest !== undefined;
  }

  /** Ends the transaction whose caller went away: rolled back now, or when its running call checks it in. */
  abandon(id: string): void {
    const transaction = this.open.get(id);
    if (transaction) this.expire(transaction, TransactionEndCause.CALLER_GONE);
  }

  /** Rolls back every open transaction and releases its session (shutdown). */
  async closeAll(): Promise<void> {
    const all = [...this.open.values()];
    for (const transaction of all) this.forget(transaction, TransactionEndCause.TERMINATED);
    await Promise.all(all.filter((t) => !t.busy).map((t) => this.rollbackAndRelease(t)));
  }

  private scheduleIdle(transaction: OpenTransaction): void {
    clearTimeout(transaction.idleTimer);
    transaction.idleTimer = setTimeout(() => this.expire(transaction, TransactionEndCause.EXPIRED), this.timeouts.idleMs);
    transaction.idleTimer.unref();
  }

  /** Ends a transaction on timeout; a busy one is rolled back when its call checks it in. */
  private expire(transaction: OpenTransaction, cause: string): void {
    if (this.open.get(transaction.id) !== transaction) return;
    this.forget(transaction, cause);
    if (transaction.busy) void transaction.session.cancel().catch(() => undefined);
    else void this.rollbackAndRelease(transaction);
  }

  private forget(transaction: OpenTransaction, cause: string): void {
    clearTimeout(transaction.idleTimer);
    clearTimeout(transaction.maxTimer);
    this.open.delete(transaction.id);
    this.ended.set(transaction.id, cause);
    if (this.ended.size > REMEMBERED_ENDINGS) this.ended.delete(this.ended.keys().next().value!);
  }

  private async rollbackAndRelease(transaction: OpenTransaction): Promise<void> {
    try {
      await transaction.session.query('ROLLBACK', []);
      this.timeouts.onRollback?.();
      transaction.session.release();
    } catch {
      transaction.session.release({ destroy: true });
    }
  }
}
