import type { ExecuteStatementCommandInput } from '@aws-sdk/client-rds-data';
import { withSession, type CoreContext } from '../context.js';
import { ValidationError } from '../errors.js';
import { toExecuteOutput, type ExecuteOutput } from '../result-set.js';
import { bindParameters } from '../sql/parameters.js';
import { analyzeSql, type SqlAnalysis } from '../sql/analysis.js';
import { runStatement, toDataApiError } from '../statement-runner.js';
import { checkExecuteOptions, optionalTransactionId, requireString } from '../validate.js';

/** ExecuteStatement: one statement, autocommit or inside a transaction. */
export async function executeStatement(context: CoreContext, input: ExecuteStatementCommandInput): Promise<ExecuteOutput> {
  const sql = requireString(input, 'sql', { min: 0 });
  checkExecuteOptions(input as unknown as Record<string, unknown>);
  const transactionId = optionalTransactionId(input);
  const { tokens } = assertSingleStatement(sql);
  const bound = bindParameters(sql, input.parameters, tokens);
  return withSession(context, transactionId, async (session, pending) => {
    const raw = await runStatement(
      session,
      bound,
      {
        timeoutMs: context.statementTimeoutMs,
        continueAfterTimeout: input.continueAfterTimeout === true,
        canCancel: context.backend.canCancel,
      },
      pending,
    );
    try {
      return await toExecuteOutput(session, context.catalog, raw, input);
    } catch (error) {
      throw toDataApiError(error);
    }
  });
}

/** Data API v2 runs exactly one statement per call; returns the analysis for binding. */
export function assertSingleStatement(sql: string): SqlAnalysis {
  const analysis = analyzeSql(sql);
  if (analysis.statementCount > 1) throw new ValidationError("Multistatements aren't supported.");
  return analysis;
}
