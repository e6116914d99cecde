/** GraphQL over HTTP, and the one operation pipeline that HTTP and realtime both run. */
export { createGraphqlPlugin, type ServedGraphqlApi } from './plugin.js';
export { createGraphqlHandler, type GraphqlHandlerOptions, type OperationLog } from './handler.js';
export { createOperationPipeline, operationStages } from './pipeline/index.js';
export type {
  OperationApi,
  OperationInput,
  OperationPipeline,
  OperationStage,
  PipelineResult,
  SubscriptionStart,
} from './pipeline/index.js';
export { bindResolvers, buildAppSyncSchema } from './execute/executable-schema.js';
export { loadFieldRunners } from './execute/field-runners.js';
export type { DataSourceDeps } from './execute/data-sources.js';
export type { OperationOutcome } from './execute/execute-operation.js';
export type { RequestState } from './execute/request-state.js';
export { createDocumentValidator, type ValidatedDocument, type ValidationOptions } from './validation/validate-document.js';
export { jsonResponse, fieldErrorEntry, type AppSyncErrorEntry } from '../shared/format.js';
export { AppSyncHttpError, MalformedRequestError, UnauthorizedRequestError } from '../shared/errors.js';
export { GraphqlLimits } from './constants.js';
export { AppSyncErrorTypes, type AppSyncErrorType } from '../shared/error-types.js';
