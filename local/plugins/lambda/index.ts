/** The offline Lambda runtime: isolated, warm worker processes for Lambda handlers. */
export { createLambdaRunner } from './runner.js';
export { createLambdaPlugin } from './plugin.js';
export { lambdaDefinitionsFromManifest, MANIFEST_LAMBDA_DEFAULTS } from './from-manifest.js';
export { createLambdaDataSource, type LambdaDataSource, type LambdaDataSourceResult } from './data-source.js';
export {
  bundleLambda,
  lambdaBundleOptions,
  offlineLambdaBundleOptions,
  LAMBDA_BUNDLE_FILE,
  type LambdaBundle,
} from '../../../platform/lambda/bundle.js';
export { LambdaErrorTypes, LambdaLimits, LambdaDefaults, APPSYNC_LAMBDA_ERROR_TYPE } from './constants.js';
export { LambdaBuildError, LambdaConfigError, LambdaFunctionNotFoundError, LambdaRunnerClosedError } from './errors.js';
export type {
  LambdaBuildReport,
  LambdaFunctionDefinition,
  LambdaInvokeOutcome,
  LambdaLogger,
  LambdaLogLine,
  LambdaRunner,
  LambdaRunnerOptions,
} from './types.js';
