/**
 * `POST` and `GET` on `/graphql`, with AppSync's status codes and error shapes
 * (https://docs.aws.amazon.com/appsync/latest/devguide/troubleshooting-and-common-mistakes.html).
 * The HTTP transport only: it reads the request, hands the operation to the one pipeline, and
 * writes the answer.
 */
import type { AuthMode, Caller } from '../auth/types.js';
import { AppSyncHttpError } from '../shared/errors.js';
import type { OperationOutcome } from './execute/execute-operation.js';
import type { RequestState } from './execute/request-state.js';
import { httpErrorResponse, jsonResponse } from '../shared/format.js';
import type { OperationPipeline } from './pipeline/index.js';
import { parseGraphqlRequest } from './request/parse-request.js';
import { AppSyncErrorTypes } from '../shared/error-types.js';
import { traceOf, type RequestTrace } from '../shared/request-trace.js';
import { REQUEST_ID_HEADER } from './constants.js';
import { withTraceExtension } from './trace-extension.js';

/** One served operation, for the one-line log. */
export interface OperationLog {
  operationName: string | undefined;
  operationType: string | undefined;
  authMode: AuthMode | undefined;
  durationMs: number;
  resolverCount: number;
  errorCount: number;
  status: number;
  /** The request id (the response's `x-amzn-RequestId`), once the request got that far. */
  requestId?: string | undefined;
  /** Each error's type and message, as the response carries them. */
  errors: readonly OperationError[];
  /** What the request did: resolvers, SQL, Lambda calls, resolver log lines. */
  trace?: RequestTrace | undefined;
}

/** One entry of a response's `errors`, for the log. */
export interface OperationError {
  readonly errorType?: string;
  readonly message: string;
}

function errorsOf(body: unknown): OperationError[] {
  const errors = (body as { errors?: { errorType?: unknown; message?: unknown }[] } | undefined)?.errors ?? [];
  return errors.map((entry) => ({
    ...(typeof entry.errorType === 'string' ? { errorType: entry.errorType } : {}),
    message: typeof entry.message === 'string' ? entry.message : String(entry.message),
  }));
}

/** What the GraphQL endpoint serves with besides its pipeline. */
export interface GraphqlHandlerOptions {
  log: (entry: OperationLog) => void;
  /** Told of every executed operation (realtime publishes mutations from here). */
  onOperation?: (outcome: OperationOutcome, state: RequestState) => void;
}

export function createGraphqlHandler(pipeline: OperationPipeline, options: GraphqlHandlerOptions) {
  return async function handleGraphql(request: Request, sourceIp: string[]): Promise<Response> {
    const started = performance.now();
    let caller: Caller | undefined;
    const finish = (
      response: Response,
      outcome?: Pick<OperationOutcome, 'operationName' | 'operationType'> & { errors: number },
      state?: RequestState,
      body?: unknown,
    ): Response => {
      options.log({
        requestId: state?.requestId,
        errors: errorsOf(body),
        trace: state ? traceOf(state) : undefined,
        operationName: outcome?.operationName,
        operationType: outcome?.operationType,
        authMode: caller?.mode ?? state?.caller.mode,
        durationMs: performance.now() - started,
        resolverCount: state?.resolverCount ?? 0,
        errorCount: outcome?.errors ?? (response.status === 200 ? 0 : 1),
        status: response.status,
      });
      return response;
    };
    try {
      if (request.method !== 'POST' && request.method !== 'GET') {
        const refusal = {
          errors: [{ errorType: AppSyncErrorTypes.METHOD_NOT_ALLOWED, message: `${request.method} is not allowed on /graphql` }],
        };
        return finish(jsonResponse(refusal, 405, { allow: 'GET, POST' }), undefined, undefined, refusal);
      }
      const body = request.method === 'POST' ? await request.text() : '';
      const params = parseGraphqlRequest(request, body);
      const result = await pipeline.run({
        transport: 'http',
        params,
        headers: request.headers,
        facts: { sourceIp, body, url: request.url, method: request.method },
      });
      if (result.kind === 'refused') {
        caller = result.caller;
        const refused = { data: null, errors: result.errors };
        return finish(
          jsonResponse(refused, 200),
          { operationName: result.operationName, operationType: result.operationType, errors: result.errors.length },
          undefined,
          refused,
        );
      }
      if (result.kind !== 'executed') throw new Error('a subscription reached the HTTP transport');
      const { outcome, state } = result;
      caller = state.caller;
      options.onOperation?.(outcome, state);
      const headers = Object.assign({}, ...state.effects.map((effects) => effects.responseHeaders)) as Record<string, string>;
      // The response carries the request id the log lines carry, as AppSync's CloudWatch lines do.
      const answer = withTraceExtension(outcome.body, request.headers, traceOf(state));
      return finish(
        jsonResponse(answer, 200, { ...headers, [REQUEST_ID_HEADER]: state.requestId }),
        { ...outcome, errors: outcome.body.errors?.length ?? 0 },
        state,
        answer,
      );
    } catch (error) {
      if (error instanceof AppSyncHttpError)
        return finish(httpErrorResponse(error), undefined, undefined, { errors: [{ errorType: error.errorType, message: error.message }] });
      throw error;
    }
  };
}
