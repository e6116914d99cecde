import type { CallerOperations, DataApiCore } from '../core.js';
import { DataApiLimits } from '../constants.js';
import { BadRequestError, NotFoundError } from '../errors.js';
import { errorResponse, successResponse } from '../format.js';
import type { DataApiRequestGuard } from './request-guard.js';

type Route = (core: CallerOperations, input: never) => Promise<object>;

/** The operations by the last segment of their REST path. */
const ROUTES: Record<string, Route> = {
  Execute: (core, input) => core.executeStatement(input),
  BatchExecute: (core, input) => core.batchExecuteStatement(input),
  BeginTransaction: (core, input) => core.beginTransaction(input),
  CommitTransaction: (core, input) => core.commitTransaction(input),
  RollbackTransaction: (core, input) => core.rollbackTransaction(input),
  ExecuteSql: (core, input) => core.executeSql(input),
};

/**
 * The Data API wire protocol over a core: `POST <prefix>/Execute` and the other operation
 * paths, JSON in and out. Paths match on their last segment, so an endpoint with a path prefix
 * (or the SDK's double slash after a trailing one) works.
 *
 * @example
 * const handler = createDataApiHandler(core);
 * serveNodeHttp(handler, { port: 0 });
 */
export function createDataApiHandler(
  core: DataApiCore,
  options: { guard?: DataApiRequestGuard } = {},
): (request: Request) => Promise<Response> {
  return async function handleDataApiRequest(request: Request): Promise<Response> {
    try {
      const path = new URL(request.url).pathname.replace(/\/+/g, '/').replace(/\/$/, '');
      const operation = path.slice(path.lastIndexOf('/') + 1);
      const route = Object.hasOwn(ROUTES, operation) ? ROUTES[operation] : undefined;
      if (!route || request.method !== 'POST') throw new NotFoundError(`Unknown operation ${request.method} ${path || '/'}`);
      const text = await request.text();
      if (Buffer.byteLength(text) > DataApiLimits.MAX_REQUEST_BYTES) throw new BadRequestError('Request size exceeded 4 MiB');
      await options.guard?.(request, text);
      const input = readJsonBody(text);
      return successResponse(await runForCaller(core, route, input, request.signal));
    } catch (error) {
      return errorResponse(error);
    }
  };
}

/**
 * Runs one operation for an HTTP caller. If the caller goes away before its answer (a Lambda
 * killed at its timeout, a client that gave up), a wait for a session ends, and the transaction
 * it began or was working in is rolled back rather than left holding a session.
 */
async function runForCaller(core: DataApiCore, route: Route, input: object, signal: AbortSignal): Promise<object> {
  const whenGone = (id: unknown) => {
    if (typeof id !== 'string' || id === '') return;
    // Kept until the request is gone: a caller that leaves after the work but before the answer reached it counts too.
    if (signal.aborted) core.abandonTransaction(id);
    else signal.addEventListener('abort', () => core.abandonTransaction(id), { once: true });
  };
  whenGone((input as { transactionId?: unknown }).transactionId);
  const output = await route(core.forCaller(signal), input as never);
  whenGone((output as { transactionId?: unknown }).transactionId);
  return output;
}

function readJsonBody(text: string): object {
  if (text.trim() === '') return {};
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new BadRequestError('The request body is not valid JSON');
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw new BadRequestError('The request body must be a JSON object');
  return body;
}
