/** The Data API as Roam's Lambdas use it in AWS: configuration, resume retry, and the migration custom resource. */
export { DataApiEnvironment, MIGRATION_RESUME_WAIT_MS } from './constants.js';
export { readDataApiConfig, type DataApiConfig } from './config.js';
export { createDataApiTarget } from './data-api-client.js';
export { DataApiConfigError } from './errors.js';
export { isDatabaseResuming, resumeRetryDelays, withResumeRetry, type ResumeRetryOptions } from '../../platform/data-api/resume-retry.js';
export {
  createMigrateHandler,
  type CustomResourceEvent,
  type CustomResourceResponse,
  type MigrateHandlerOptions,
} from './migrate-handler.js';
