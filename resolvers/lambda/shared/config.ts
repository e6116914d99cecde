/**
 * The Lambdas' settings, read once from the environment (the CDK sets them in AWS; the offline
 * runner sets the RDS ones and AWS_ENDPOINT_URL_RDS_DATA).
 */

/** Where the Lambdas find the database and the GraphQL API. */
export interface MoneyConfig {
  readonly resourceArn: string;
  readonly secretArn: string;
  readonly database: string;
  /** GraphQL endpoint for the publish mutations (SigV4-signed); unset: nothing is published. */
  readonly graphqlUrl: string | null;
  readonly region: string;
}

/** Reads the configuration; a missing database setting is a configuration error naming it. */
export function loadConfig(env: Record<string, string | undefined> = process.env): MoneyConfig {
  const missing = ['RDS_RESOURCE_ARN', 'RDS_SECRET_ARN'].filter((name) => !env[name]);
  if (missing.length > 0) throw new Error(`Missing environment: ${missing.join(', ')}`);
  return {
    resourceArn: env.RDS_RESOURCE_ARN as string,
    secretArn: env.RDS_SECRET_ARN as string,
    database: env.RDS_DATABASE ?? 'roam',
    graphqlUrl: env.APPSYNC_GRAPHQL_URL || null,
    region: env.AWS_REGION ?? 'us-east-1',
  };
}

/** The Lambda's AWS credentials from its environment, for signing the publish calls. */
export function lambdaCredentials(
  env: Record<string, string | undefined> = process.env,
): { accessKeyId: string; secretAccessKey: string; sessionToken?: string } | null {
  if (!env.AWS_ACCESS_KEY_ID || !env.AWS_SECRET_ACCESS_KEY) return null;
  return {
    accessKeyId: env.AWS_ACCESS_KEY_ID,
    secretAccessKey: env.AWS_SECRET_ACCESS_KEY,
    ...(env.AWS_SESSION_TOKEN ? { sessionToken: env.AWS_SESSION_TOKEN } : {}),
  };
}
