/**
 * The realtime transport's part of a `start` message: read its payload and its own auth, then
 * hand the operation to the one pipeline that HTTP uses too, and turn the result into a
 * subscription to register or the entries of an `error` frame
 * (https://docs.aws.amazon.com/appsync/latest/devguide/real-time-websocket-client.html).
 */
import { AppSyncHttpError } from '../shared/errors.js';
import type { OperationPipeline, SubscriptionStart } from '../graphql/pipeline/index.js';
import { toHeaders } from './auth-headers.js';
import type { RealtimeErrorEntry } from './subscription.js';
import { AppSyncErrorTypes } from '../shared/error-types.js';

/** The socket's facts a start needs. */
export interface StartContext {
  /** The handshake's auth headers: used when a start carries none [inf]. */
  connectionHeaders: Record<string, string>;
  sourceIp: string[];
}

/** A subscription ready to register, or the errors of its `error` frame. */
export type StartOutcome = ({ ok: true } & SubscriptionStart) | { ok: false; errors: RealtimeErrorEntry[] };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The start payload's `data`: a JSON string of `{ query, variables, operationName }`. */
function parseData(data: unknown): { query: string; variables: Record<string, unknown>; operationName: string | undefined } | undefined {
  if (typeof data !== 'string') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(data);
  } catch {
    return undefined;
  }
  if (!isRecord(parsed) || typeof parsed.query !== 'string') return undefined;
  const variables = isRecord(parsed.variables) ? parsed.variables : {};
  const operationName = typeof parsed.operationName === 'string' ? parsed.operationName : undefined;
  return { query: parsed.query, variables, operationName };
}

/**
 * Checks and prepares one `start`. The operation's own auth (`extensions.authorization`, the
 * handshake's header JSON) or else the handshake's; IAM signs `POST https://<host>/graphql` over
 * the `data` string.
 */
export async function prepareStart(pipeline: OperationPipeline, context: StartContext, payload: unknown): Promise<StartOutcome> {
  const body = isRecord(payload) ? payload : {};
  const params = parseData(body.data);
  if (!params)
    return {
      ok: false,
      errors: [
        {
          errorType: AppSyncErrorTypes.BAD_REQUEST,
          message: 'The start payload needs data: a JSON string of { query, variables }.',
          errorCode: 400,
        },
      ],
    };
  const extensions = isRecord(body.extensions) ? body.extensions : {};
  const authorization = extensions.authorization;
  const values = isRecord(authorization)
    ? Object.fromEntries(Object.entries(authorization).filter((entry): entry is [string, string] => typeof entry[1] === 'string'))
    : context.connectionHeaders;
  const headers = toHeaders(values);
  const host = headers.get('host') ?? 'localhost';
  try {
    const result = await pipeline.run({
      transport: 'realtime',
      params,
      headers,
      facts: { sourceIp: context.sourceIp, body: body.data as string, url: `https://${host}/graphql`, method: 'POST' },
    });
    if (result.kind === 'subscribed') return { ok: true, ...result.subscription };
    if (result.kind === 'refused') return { ok: false, errors: result.errors };
    throw new Error('a query or mutation ran on the realtime transport');
  } catch (error) {
    if (error instanceof AppSyncHttpError)
      return { ok: false, errors: [{ errorType: error.errorType, message: error.message, errorCode: error.status }] };
    throw error;
  }
}
