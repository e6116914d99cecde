import { randomUUID } from 'node:crypto';
import { bufferedResponse } from '../../adapters/buffered-response.js';
import { ERROR_TYPE_HEADER, ERROR_TYPE_SUFFIX, REQUEST_ID_HEADER } from './constants.js';
import { DataApiError, InternalServerError } from './errors.js';

/**
 * JSON as the Data API writes it: bytes (blobValue) as base64. The byte arrays in `value` are
 * replaced by their base64 text in place (callers pass a response they built for this), which
 * keeps JSON.stringify on its fast path, unlike a replacer function.
 */
export function toWireJson(value: unknown): string {
  return JSON.stringify(blobsToBase64(value));
}

function blobsToBase64(value: unknown): unknown {
  if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64');
  if (value === null || typeof value !== 'object') return value;
  const container = value as Record<string, unknown>;
  for (const key of Object.keys(container)) {
    const item = container[key];
    if (item !== null && typeof item === 'object') container[key] = blobsToBase64(item);
  }
  return value;
}

/** A successful operation's response. */
export function successResponse(output: object): Response {
  return bufferedResponse(toWireJson(output), {
    status: 200,
    headers: { 'content-type': 'application/json', [REQUEST_ID_HEADER]: randomUUID() },
  });
}

/**
 * An error response as the service sends it: the status of the exception, its name in
 * `x-amzn-ErrorType` (the SDK picks the class by that name), and `{"message": ...}` plus the
 * exception's modeled members. Never a `code` member: the SDK would read it as the name.
 * Anything that is not a DataApiError is masked as InternalServerErrorException.
 */
export function errorResponse(error: unknown): Response {
  const known = error instanceof DataApiError ? error : new InternalServerError({ cause: error });
  return bufferedResponse(JSON.stringify({ message: known.message, ...known.bodyExtras() }), {
    status: known.status,
    headers: {
      'content-type': 'application/json',
      [ERROR_TYPE_HEADER]: `${known.awsName}${ERROR_TYPE_SUFFIX}`,
      [REQUEST_ID_HEADER]: randomUUID(),
    },
  });
}

/** `ctx.error` for AppSync's RDS data source: the message and the exception name as `type`. */
export function toAppSyncError(error: unknown): { message: string; type: string } {
  const known = error instanceof DataApiError ? error : new InternalServerError({ cause: error });
  return { message: known.message, type: known.awsName };
}
