/**
 * The RDS Data API operations that our own code calls (the migration runner, the seed generator,
 * Lambda handlers). Offline, the Data API core in `local/plugins/data-api/` implements this
 * in-process; in AWS, the SDK's aggregated `RDSData` client satisfies it as it is.
 * Only types are imported from the SDK, so nothing here adds to a bundle.
 */
import type {
  BatchExecuteStatementCommandInput,
  BatchExecuteStatementCommandOutput,
  BeginTransactionCommandInput,
  BeginTransactionCommandOutput,
  CommitTransactionCommandInput,
  CommitTransactionCommandOutput,
  ExecuteStatementCommandInput,
  ExecuteStatementCommandOutput,
  RollbackTransactionCommandInput,
  RollbackTransactionCommandOutput,
} from '@aws-sdk/client-rds-data';

type Output<T> = Omit<T, '$metadata'>;

export interface DataApi {
  executeStatement(input: ExecuteStatementCommandInput): Promise<Output<ExecuteStatementCommandOutput>>;
  batchExecuteStatement(input: BatchExecuteStatementCommandInput): Promise<Output<BatchExecuteStatementCommandOutput>>;
  beginTransaction(input: BeginTransactionCommandInput): Promise<Output<BeginTransactionCommandOutput>>;
  commitTransaction(input: CommitTransactionCommandInput): Promise<Output<CommitTransactionCommandOutput>>;
  rollbackTransaction(input: RollbackTransactionCommandInput): Promise<Output<RollbackTransactionCommandOutput>>;
}

/** Where a caller's statements go: the Data API plus the cluster and secret it names. */
export interface DataApiTarget {
  api: DataApi;
  resourceArn: string;
  secretArn: string;
  database?: string;
}
