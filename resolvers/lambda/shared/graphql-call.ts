/**
 * One GraphQL operation on the API, SigV4-signed with the Lambda's own credentials (IAM auth):
 * how the scheduled jobs run back-office mutations, so that a job does exactly what the mutation
 * does, subscriptions included (AppSync publishes only mutation results).
 */
import { lambdaCredentials, type MoneyConfig } from './config.js';
import { signRequest } from './sigv4.js';

/** A GraphQL error the API answered with (AppSync's shape). */
export interface GraphqlError {
  message: string;
  errorType?: string;
}

/** Thrown when the call itself fails: no endpoint, no credentials, a transport error or a non-2xx status. */
export class GraphqlCallError extends Error {
  override readonly name = 'GraphqlCallError';
}

/** Posts `query` and returns AppSync's `{ data, errors }`. */
export async function callGraphql(
  config: Pick<MoneyConfig, 'graphqlUrl' | 'region'>,
  query: string,
  variables: Record<string, unknown>,
): Promise<{ data: Record<string, unknown> | null; errors: GraphqlError[] }> {
  const credentials = lambdaCredentials();
  if (!config.graphqlUrl) throw new GraphqlCallError('APPSYNC_GRAPHQL_URL is not set');
  if (!credentials) throw new GraphqlCallError('No AWS credentials to sign the call with');
  const body = JSON.stringify({ query, variables });
  const headers = signRequest({
    method: 'POST',
    url: config.graphqlUrl,
    body,
    headers: { 'content-type': 'application/json' },
    credentials,
    region: config.region,
    service: 'appsync',
    now: new Date(),
  });
  const response = await fetch(config.graphqlUrl, { method: 'POST', headers, body });
  const reply = (await response.json().catch(() => ({}))) as { data?: Record<string, unknown> | null; errors?: GraphqlError[] };
  if (!response.ok && !reply.errors?.length) throw new GraphqlCallError(`The API answered ${response.status}`);
  return { data: reply.data ?? null, errors: reply.errors ?? [] };
}
