import { GraphqlLimits } from '../constants.js';
import { MalformedRequestError } from '../../shared/errors.js';

/** One GraphQL operation as the client sent it. */
export interface GraphqlParams {
  query: string;
  variables: Record<string, unknown>;
  operationName: string | undefined;
}

const UNPARSEABLE = 'Unable to parse GraphQL query.';

/**
 * Reads `{ query, variables, operationName }` from a POST JSON body (already read) or GET query string, refusing
 * with AppSync's 400 messages: "Request body is empty." or "Unable to parse GraphQL query.".
 */
export function parseGraphqlRequest(request: Request, body: string): GraphqlParams {
  if (request.method === 'GET') {
    const search = new URL(request.url).searchParams;
    const variables = search.get('variables');
    return toParams({
      query: search.get('query'),
      variables: variables ? parseJson(variables) : undefined,
      operationName: search.get('operationName') ?? undefined,
    });
  }
  if (body.length > GraphqlLimits.MAX_BODY_BYTES) throw new MalformedRequestError('Request body is too large.');
  if (body.trim() === '') throw new MalformedRequestError('Request body is empty.');
  return toParams(parseJson(body));
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new MalformedRequestError(UNPARSEABLE, { cause });
  }
}

function toParams(body: unknown): GraphqlParams {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new MalformedRequestError(UNPARSEABLE);
  const { query, variables, operationName } = body as Record<string, unknown>;
  if (typeof query !== 'string' || query.trim() === '') throw new MalformedRequestError(UNPARSEABLE);
  if (variables !== undefined && variables !== null && (typeof variables !== 'object' || Array.isArray(variables))) {
    throw new MalformedRequestError(UNPARSEABLE);
  }
  if (operationName !== undefined && operationName !== null && typeof operationName !== 'string')
    throw new MalformedRequestError(UNPARSEABLE);
  return { query, variables: (variables ?? {}) as Record<string, unknown>, operationName: operationName ?? undefined };
}
