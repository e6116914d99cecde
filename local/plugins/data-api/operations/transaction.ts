import type {
  BeginTransactionCommandInput,
  BeginTransactionCommandOutput,
  CommitTransactionCommandInput,
  CommitTransactionCommandOutput,
  RollbackTransactionCommandInput,
  RollbackTransactionCommandOutput,
} from '@aws-sdk/client-rds-data';
import { TransactionStatus } from '../constants.js';
import { acquire, type CoreContext } from '../context.js';
import { DatabaseError } from '../errors.js';
import { toDataApiError } from '../statement-runner.js';
import { requireString } from '../validate.js';

type Output<T> = Omit<T, '$metadata'>;

/** BeginTransaction: holds a session with an open transaction until commit, rollback or expiry. */
export async function beginTransaction(
  context: CoreContext,
  _input: BeginTransactionCommandInput,
): Promise<Output<BeginTransactionCommandOutput>> {
  const session = await acquire(context);
  try {
    await session.query('BEGIN', []);
  } catch (error) {
    session.release({ destroy: true });
    throw toDataApiError(error);
  }
  return { transactionId: context.transactions.register(session).id };
}

/**
 * CommitTransaction. PostgreSQL answers COMMIT of a transaction that an error aborted with
 * ROLLBACK; we report that as pgjdbc does, as a failed commit (DECISIONS.md).
 */
export async function commitTransaction(
  context: CoreContext,
  input: CommitTransactionCommandInput,
): Promise<Output<CommitTransactionCommandOutput>> {
  const id = requireString(input, 'transactionId', { max: 192 });
  const transaction = context.transactions.checkout(id);
  const { session } = transaction;
  try {
    const result = await session.query('COMMIT', []);
    context.transactions.finish(transaction);
    session.release();
    if (result.command === 'ROLLBACK') {
      context.catalog.forgetTables();
      throw new DatabaseError('ERROR: The database returned ROLLBACK, so the transaction cannot commit; SQLState: 25P02', '25P02');
    }
    return { transactionStatus: TransactionStatus.COMMITTED };
  } catch (error) {
    if (context.transactions.isOpen(transaction)) {
      context.transactions.finish(transaction);
      session.release({ destroy: true });
    }
    throw toDataApiError(error);
  }
}

/** RollbackTransaction: ends the transaction and gives its session back. */
export async function rollbackTransaction(
  context: CoreContext,
  input: RollbackTransactionCommandInput,
): Promise<Output<RollbackTransactionCommandOutput>> {
  const id = requireString(input, 'transactionId', { max: 192 });
  const transaction = context.transactions.checkout(id);
  context.transactions.finish(transaction);
  // The transaction may have changed tables (DDL is transactional); cached facts may be stale.
  context.catalog.forgetTables();
  try {
    await transaction.session.query('ROLLBACK', []);
    transaction.session.release();
  } catch (error) {
    transaction.session.release({ destroy: true });
    throw toDataApiError(error);
  }
  return { transactionStatus: TransactionStatus.ROLLED_BACK };
}
