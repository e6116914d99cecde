/** The Data API as Roam's Lambdas use it in AWS: configuration, resume retry, and the migration custom resource. */
export { DataApiEnvironment, DatabaseResuming, RESUME_RETRY_DELAYS_MS } from './constants.js';
export { readDataApiConfig, type DataApiConfig } from './config.js';
export { createDataApiTarget } from './data-api-client.js';
export { DataApiConfigError } from './errors.js';
export { isDatabaseResuming, withResumeRetry, type ResumeRetryOptions } from './resume-retry.js';
export { createMigrateHandler, type CustomResourceEvent, type CustomResourceResponse, type MigrateHandlerOptions } from './migrate-handler.js';
