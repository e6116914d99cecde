import type { BatchExecuteStatementCommandInput, BatchExecuteStatementCommandOutput, SqlParameter } from '@aws-sdk/client-rds-data';
import type { DatabaseSession } from '../backends/types.js';
import { withSession, type CoreContext } from '../context.js';
import { BadRequestError } from '../errors.js';
import { bindParameters } from '../sql/parameters.js';
import { runStatement, type RunOptions, type SessionWork } from '../statement-runner.js';
import { optionalTransactionId, requireString } from '../validate.js';
import { assertSingleStatement } from './execute.js';

export type BatchOutput = Omit<BatchExecuteStatementCommandOutput, '$metadata'>;

/**
 * BatchExecuteStatement: the statement once per parameter set, in one call. Outside a
 * transaction the whole batch runs in one of its own, so it is all-or-nothing (DECISIONS.md).
 * Each set yields `{ generatedFields: [] }`: PostgreSQL never fills generatedFields.
 */
export async function batchExecuteStatement(context: CoreContext, input: BatchExecuteStatementCommandInput): Promise<BatchOutput> {
  const sql = requireString(input, 'sql', { min: 0 });
  const transactionId = optionalTransactionId(input);
  const parameterSets = input.parameterSets ?? [[]];
  if (!Array.isArray(parameterSets) || !parameterSets.every(Array.isArray))
    throw new BadRequestError('parameterSets must be a list of lists');
  const { tokens } = assertSingleStatement(sql);
  const bound = parameterSets.map((set) => bindParameters(sql, set as SqlParameter[], tokens));
  const options: RunOptions = { timeoutMs: context.statementTimeoutMs, continueAfterTimeout: false, canCancel: context.backend.canCancel };

  return withSession(context, transactionId, async (session, pending, transaction) => {
    const runAll = async (): Promise<BatchOutput> => {
      for (const statement of bound) await runStatement(session, statement, options, pending);
      return { updateResults: bound.map(() => ({ generatedFields: [] })) };
    };
    return transaction ? runAll() : inOwnTransaction(session, pending, options, runAll);
  });
}

async function inOwnTransaction<T>(
  session: DatabaseSession,
  pending: SessionWork,
  options: RunOptions,
  work: () => Promise<T>,
): Promise<T> {
  const plain = (sql: string) => ({ sql, values: [], originalPosition: (position: number) => position });
  await runStatement(session, plain('BEGIN'), options, pending);
  try {
    const result = await work();
    await runStatement(session, plain('COMMIT'), options, pending);
    return result;
  } catch (error) {
    // Roll back once the failed (or cancelled) statement has really stopped.
    pending.pending = pending.pending.then(() => session.query('ROLLBACK', []).catch(() => undefined));
    throw error;
  }
}
