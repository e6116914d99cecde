/** The Data API target of a Lambda, read once from its environment (the only reader of `process.env` here). */
import { DataApiEnvironment } from './constants.js';
import { DataApiConfigError } from './errors.js';

/** Where a Lambda's statements go. */
export interface DataApiConfig {
  readonly resourceArn: string;
  readonly secretArn: string;
  readonly database: string;
  /** Set only offline; in AWS the SDK's regional endpoint is used. */
  readonly endpoint?: string;
}

/**
 * Reads RDS_RESOURCE_ARN, RDS_SECRET_ARN, RDS_DATABASE and (offline) RDS_DATA_API_ENDPOINT.
 * @throws DataApiConfigError naming every missing variable
 */
export function readDataApiConfig(env: Readonly<Record<string, string | undefined>> = process.env): DataApiConfig {
  const required = [DataApiEnvironment.RESOURCE_ARN, DataApiEnvironment.SECRET_ARN, DataApiEnvironment.DATABASE];
  const missing = required.filter((name) => !env[name]);
  if (missing.length > 0) throw new DataApiConfigError(missing);
  const endpoint = env[DataApiEnvironment.ENDPOINT];
  return {
    resourceArn: env[DataApiEnvironment.RESOURCE_ARN] as string,
    secretArn: env[DataApiEnvironment.SECRET_ARN] as string,
    database: env[DataApiEnvironment.DATABASE] as string,
    ...(endpoint ? { endpoint } : {}),
  };
}
