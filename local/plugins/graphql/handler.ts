import type { GraphQLSchema } from 'graphql';
import { authenticate } from './auth/authenticate.js';
import type { AuthMode, Authenticator, Caller } from './auth/types.js';
import { GraphqlLimits } from './constants.js';
import { AppSyncHttpError } from './errors.js';
import { executeOperation, type OperationOutcome } from './execute/execute-operation.js';
import { createRequestState, type RequestState } from './execute/request-state.js';
import { httpErrorResponse, jsonResponse } from './format.js';
import { parseGraphqlRequest } from './request/parse-request.js';
import type { ValidatedDocument } from './validation/validate-document.js';

/** One served operation, for the one-line log. */
export interface OperationLog {
  operationName: string | undefined;
  operationType: string | undefined;
  authMode: AuthMode | undefined;
  durationMs: number;
  resolverCount: number;
  errorCount: number;
  status: number;
}

/** Everything the GraphQL endpoint serves with. */
export interface GraphqlEndpoint {
  schema: GraphQLSchema;
  validate: (query: string) => ValidatedDocument;
  authenticators: readonly Authenticator[];
  defaultMode: AuthMode;
  /** AppSync's `resolverCountLimit`; 0 means 10,000. */
  resolverCountLimit: number;
  /** The whole-request deadline. Only tests shorten it. @default 30 000 ms (AppSync's, fixed) */
  requestTimeoutMs?: number;
  log: (entry: OperationLog) => void;
  /** Told of every executed operation (realtime publishes mutations from here). */
  onOperation?: (outcome: OperationOutcome, state: RequestState) => void;
}

/** `POST` and `GET` on `/graphql`, with AppSync's status codes and error shapes (reference/appsync.md §H). */
export function createGraphqlHandler(endpoint: GraphqlEndpoint) {
  return async function handleGraphql(request: Request, sourceIp: string[]): Promise<Response> {
    const started = performance.now();
    let caller: Caller | undefined;
    const finish = (response: Response, outcome?: OperationOutcome, state?: RequestState): Response => {
      endpoint.log({
        operationName: outcome?.operationName,
        operationType: outcome?.operationType,
        authMode: caller?.mode,
        durationMs: performance.now() - started,
        resolverCount: state?.resolverCount ?? 0,
        errorCount: outcome?.body.errors?.length ?? (response.status === 200 ? 0 : 1),
        status: response.status,
      });
      return response;
    };
    try {
      if (request.method !== 'POST' && request.method !== 'GET') {
        return finish(jsonResponse({ errors: [{ errorType: 'MethodNotAllowed', message: `${request.method} is not allowed on /graphql` }] }, 405, { allow: 'GET, POST' }));
      }
      const body = request.method === 'POST' ? await request.clone().text() : '';
      const params = await parseGraphqlRequest(request);
      caller = await authenticate(endpoint.authenticators, endpoint.defaultMode, request.headers, { sourceIp, body, url: request.url, method: request.method });
      const state = createRequestState({
        requestId: crypto.randomUUID(),
        caller,
        headers: Object.fromEntries(request.headers),
        deadline: Date.now() + (endpoint.requestTimeoutMs ?? GraphqlLimits.REQUEST_TIMEOUT_MS),
        maxResolverCount: endpoint.resolverCountLimit || GraphqlLimits.MAX_RESOLVER_COUNT,
      });
      const outcome = await executeOperation(endpoint.schema, endpoint.validate, params, state);
      endpoint.onOperation?.(outcome, state);
      const headers = Object.assign({}, ...state.effects.map((effects) => effects.responseHeaders)) as Record<string, string>;
      return finish(jsonResponse(outcome.body, 200, headers), outcome, state);
    } catch (error) {
      if (error instanceof AppSyncHttpError) return finish(httpErrorResponse(error));
      throw error;
    }
  };
}
