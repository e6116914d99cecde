import type { DataSourceCall } from './types.js';

/** What a NONE data source answers for a request object: its `payload`, or null. */
export function nonePayload(request: unknown): unknown {
  return (request as { payload?: unknown } | null)?.payload ?? null;
}

/**
 * NONE: the request's `payload` becomes `ctx.result`. A unit resolver on it runs both of its
 * handlers in one call to its sandbox (unit-resolver.ts); pipeline functions call it like any other.
 */
export const NONE_DATA_SOURCE: DataSourceCall = async (request) => ({ result: nonePayload(request) });
