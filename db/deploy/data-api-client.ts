/** The SDK's Data API client for a Lambda, with the resume retry: what Lambda handlers query through. */
import { RDSData } from '@aws-sdk/client-rds-data';
import type { DataApiTarget } from '../../platform/data-api/types.js';
import type { DataApiConfig } from './config.js';
import { withResumeRetry, type ResumeRetryOptions } from '../../platform/data-api/resume-retry.js';

/**
 * Builds the target from a Lambda's configuration: the unmodified SDK client (pointed at the
 * offline endpoint when one is configured), wrapped in {@link withResumeRetry}.
 * @example
 * const target = createDataApiTarget(readDataApiConfig());
 */
export function createDataApiTarget(config: DataApiConfig, retry: ResumeRetryOptions = {}): DataApiTarget {
  const client = new RDSData(config.endpoint ? { endpoint: config.endpoint } : {});
  return { api: withResumeRetry(client, retry), resourceArn: config.resourceArn, secretArn: config.secretArn, database: config.database };
}
