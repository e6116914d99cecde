/** The offline RDS Data API: core, backends, HTTP handler, AppSync path and SQL helpers. */
export { createDataApiCore } from './core.js';
export type { DataApiCore, DataApiCoreOptions } from './core.js';
export type { AutoPauseOptions } from './access.js';
export { createPgliteBackend } from './backends/pglite.js';
export type { PgliteBackendOptions } from './backends/pglite.js';
export { createPostgresBackend } from './backends/postgres.js';
export { openLocalDatabase, type LocalDatabaseOptions } from './open.js';
export type { PostgresBackendOptions } from './backends/postgres.js';
export type { DatabaseBackend, DatabaseSession, RawField, RawResult } from './backends/types.js';
export { DEFAULT_RESOURCE_ARN, DEFAULT_SECRET_ARN, DataApiLimits, DataApiTimeouts, TransactionStatus } from './constants.js';
export * from './errors.js';
export { splitSqlStatements } from '../../../platform/sql/split.js';
export { createDataApiHandler } from './http/routes.js';
export { createDataApiPlugin } from './plugin.js';
export { dataApiRequestGuard, DATA_API_SIGNING_SERVICE, type DataApiRequestGuard } from './http/request-guard.js';
export { executeRdsRequest } from './appsync.js';
export type { RdsRequestInput, RdsRequestOutcome } from './appsync.js';
