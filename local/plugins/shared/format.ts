import type { GraphQLError } from 'graphql';
import { ERROR_TYPE_HEADER, REQUEST_ID_HEADER } from '../graphql/constants.js';
import type { AppSyncHttpError } from './errors.js';
import { bufferedResponse } from '../../adapters/buffered-response.js';

/** One entry of a response's `errors`, as AppSync writes it. */
export interface AppSyncErrorEntry {
  path: readonly (string | number)[] | null;
  locations: { line: number; column: number; sourceName: null }[];
  message: string;
  data?: unknown;
  errorType?: string | null;
  errorInfo?: unknown;
}

/** What resolvers attach to a GraphQLError's `extensions` so it prints as AppSync's entry. */
export interface AppSyncErrorExtensions {
  errorType?: string | null;
  data?: unknown;
  errorInfo?: unknown;
}

/** A field error: every key present, `null` where there is no value, as AWS emits them. */
export function fieldErrorEntry(error: GraphQLError): AppSyncErrorEntry {
  const extensions = error.extensions as AppSyncErrorExtensions;
  return {
    path: error.path ?? null,
    data: extensions.data ?? null,
    errorType: extensions.errorType ?? null,
    errorInfo: extensions.errorInfo ?? null,
    locations: (error.locations ?? []).map(({ line, column }) => ({ line, column, sourceName: null })),
    message: error.message,
  };
}

/** A JSON response with AppSync's request-id header. */
export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return bufferedResponse(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=UTF-8', [REQUEST_ID_HEADER]: crypto.randomUUID(), ...headers },
  });
}

/** A refused request: its status, the `x-amzn-ErrorType` header, and one entry with no `data`. */
export function httpErrorResponse(error: AppSyncHttpError): Response {
  return jsonResponse({ errors: [{ errorType: error.errorType, message: error.message }] }, error.status, {
    [ERROR_TYPE_HEADER]: error.errorType,
  });
}
