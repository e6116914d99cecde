import type { ExecuteSqlCommandInput } from '@aws-sdk/client-rds-data';
import type { DataApi } from '../../../platform/data-api/types.js';
import { AutoPauseSimulator, checkArns, type AutoPauseOptions } from './access.js';
import type { DatabaseBackend } from './backends/types.js';
import { DataApiTimeouts, DEFAULT_RESOURCE_ARN, DEFAULT_SECRET_ARN } from './constants.js';
import { BadRequestError } from './errors.js';
import type { CoreContext } from './context.js';
import { batchExecuteStatement } from './operations/batch.js';
import { executeSql, type ExecuteSqlOutput } from './operations/execute-sql.js';
import { executeStatement } from './operations/execute.js';
import { beginTransaction, commitTransaction, rollbackTransaction } from './operations/transaction.js';
import { toDataApiError } from './statement-runner.js';
import { TransactionRegistry } from './transactions.js';
import { CatalogCache } from './types/catalog-cache.js';
import { checkDatabaseAndSchema, requireArns } from './validate.js';

export interface DataApiCoreOptions {
  /** Where statements run: `createPgliteBackend()` or `createPostgresBackend({ url })`. */
  backend: DatabaseBackend;
  /**
   * Cluster ARN(s) accepted; others get HttpEndpointNotEnabledException.
   * @default DEFAULT_RESOURCE_ARN
   */
  resourceArn?: string | readonly string[];
  /**
   * Secret ARN(s) accepted; others get SecretsErrorException.
   * @default DEFAULT_SECRET_ARN
   */
  secretArn?: string | readonly string[];
  /** Overrides of the service's timeouts (tests use short ones). */
  timeouts?: {
    /** @default 45 000 ms */
    statementMs?: number;
    /** @default 3 minutes */
    transactionIdleMs?: number;
    /** @default 24 hours */
    transactionMaxMs?: number;
    /** @default 5 s (idle while another call waits for a session) */
    transactionContendedIdleMs?: number;
  };
  /**
   * Simulate Aurora Serverless v2 auto-pause (DatabaseResumingException).
   * @default undefined (never paused)
   */
  autoPause?: AutoPauseOptions;
  /**
   * Whether `close()` also closes the backend; false when several cores share one.
   * @default true
   */
  closeBackend?: boolean;
}

/** The Data API operations in process, plus `close()` (rolls back open transactions, closes the backend). */
export interface DataApiCore extends DataApi {
  readonly backend: DatabaseBackend;
  /** The deprecated ExecuteSql operation (Serverless v1 shape). */
  executeSql(input: ExecuteSqlCommandInput): Promise<ExecuteSqlOutput>;
  /**
   * The same operations for one caller whose going away `signal` reports (the HTTP endpoint's
   * request): a call still waiting for a session then gives up instead of running later.
   */
  forCaller(signal: AbortSignal): CallerOperations;
  /** Rolls back a transaction whose caller went away (now, or when its running call ends). */
  abandonTransaction(transactionId: string): void;
  close(): Promise<void>;
}

/** The operations of one caller. */
export type CallerOperations = Pick<
  DataApiCore,
  'executeStatement' | 'batchExecuteStatement' | 'beginTransaction' | 'commitTransaction' | 'rollbackTransaction' | 'executeSql'
>;

/**
 * The offline RDS Data API: the five operations with the SDK's own input and output shapes,
 * run against PGlite or PostgreSQL. Errors are `DataApiError`s carrying the AWS exception name.
 *
 * @example
 * const core = createDataApiCore({ backend: createPgliteBackend() });
 * await core.executeStatement({ resourceArn: DEFAULT_RESOURCE_ARN, secretArn: DEFAULT_SECRET_ARN, sql: 'select 1' });
 */
export function createDataApiCore(options: DataApiCoreOptions): DataApiCore {
  const resourceArns = new Set([options.resourceArn ?? DEFAULT_RESOURCE_ARN].flat());
  const secretArns = new Set([options.secretArn ?? DEFAULT_SECRET_ARN].flat());
  const autoPause = options.autoPause ? new AutoPauseSimulator(options.autoPause) : undefined;
  const catalog = new CatalogCache();
  const context: CoreContext = {
    backend: options.backend,
    catalog,
    transactions: new TransactionRegistry({
      onRollback: () => catalog.forgetTables(),
      idleMs: options.timeouts?.transactionIdleMs ?? DataApiTimeouts.TRANSACTION_IDLE_MS,
      maxMs: options.timeouts?.transactionMaxMs ?? DataApiTimeouts.TRANSACTION_MAX_MS,
      contendedIdleMs: options.timeouts?.transactionContendedIdleMs ?? DataApiTimeouts.TRANSACTION_CONTENDED_IDLE_MS,
    }),
    statementTimeoutMs: options.timeouts?.statementMs ?? DataApiTimeouts.STATEMENT_MS,
  };

  /** Shared prelude of every operation: input shape, ARNs, simulated pause; errors normalised. */
  const operation =
    <I extends object, O>(
      run: (context: CoreContext, input: I) => Promise<O>,
      kind: 'database' | 'transaction' | 'legacy' = 'database',
      callContext: CoreContext = context,
    ) =>
    async (input: I): Promise<O> => {
      try {
        if (input === null || typeof input !== 'object') throw new BadRequestError('The request must be an object');
        const { resourceArn, secretArn } =
          kind === 'legacy' ? requireArns(input, 'dbClusterOrInstanceArn', 'awsSecretStoreArn') : requireArns(input);
        if (kind === 'database') checkDatabaseAndSchema(input);
        checkArns(resourceArns, secretArns, resourceArn, secretArn);
        autoPause?.check(resourceArn);
        return await run(callContext, input);
      } catch (error) {
        throw toDataApiError(error);
      }
    };

  const operations = (callContext: CoreContext): CallerOperations => ({
    executeStatement: operation(executeStatement, 'database', callContext),
    batchExecuteStatement: operation(batchExecuteStatement, 'database', callContext),
    beginTransaction: operation(beginTransaction, 'database', callContext),
    commitTransaction: operation(commitTransaction, 'transaction', callContext),
    rollbackTransaction: operation(rollbackTransaction, 'transaction', callContext),
    executeSql: operation(executeSql, 'legacy', callContext),
  });

  return {
    backend: options.backend,
    ...operations(context),
    forCaller: (signal) => operations({ ...context, signal }),
    abandonTransaction: (transactionId) => context.transactions.abandon(transactionId),
    async close(): Promise<void> {
      await context.transactions.closeAll();
      if (options.closeBackend !== false) await options.backend.close();
    },
  };
}
