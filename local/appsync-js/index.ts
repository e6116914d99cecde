/** APPSYNC_JS offline: load resolver code as AppSync accepts it and run it as AppSync does. */
export { appsyncJsBuildOptions } from '../../platform/appsync-js/build-options.js';
export { APPSYNC_JS_RUNTIME, ALLOWED_IMPORTS, AppSyncJsLimits, type HandlerName } from '../../platform/appsync-js/constants.js';
export { PipelineConfigError, ResolverCodeError, type SourcePosition } from '../../platform/appsync-js/errors.js';
export { buildResolverCode, type CheckedResolverCode } from './build.js';
export { loadResolverCode, type LoadResolverOptions, type ResolverCode } from './load.js';
export { invokeHandler, type HandlerContext, type InvokeOptions } from './invoke.js';
export { runUnitResolver } from './unit-resolver.js';
export { NONE_DATA_SOURCE } from './none-data-source.js';
export { createPipelineResolver, runPipelineResolver, type PipelineFunction, type PipelineResolver } from './pipeline-resolver.js';
export type { ResolveOptions } from './field-run.js';
export type * from './types.js';
export { recordHandlerCalls, redactCredentials, stopRecording, type HandlerCallRecord } from './record.js';
export { onRuntimeWarning } from './warn-once.js';
