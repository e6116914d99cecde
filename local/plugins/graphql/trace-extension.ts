/**
 * The request's trace in the response's `extensions`, when the client asks for it with the
 * `x-appsync-local-trace` header (any value but `0` or `false`). Offline only: AppSync has no such
 * header, and without it the response is exactly AppSync's.
 */
import type { RequestTrace } from '../shared/request-trace.js';

/** The header that asks for the trace. */
export const TRACE_HEADER = 'x-appsync-local-trace';

/** Whether the request asked for its trace. */
export function wantsTrace(headers: Headers): boolean {
  const value = headers.get(TRACE_HEADER);
  return value !== null && !/^(0|false|no|off)$/i.test(value.trim());
}

/** The trace as the response shows it: the request id, its total time and its steps in order of start. */
export function traceExtension(trace: RequestTrace) {
  return {
    requestId: trace.requestId,
    durationMs: Math.round((performance.now() - trace.origin) * 10) / 10,
    events: [...trace.events].sort((a, b) => a.startMs - b.startMs),
  };
}

/** `body` with `extensions.trace` added when asked for; the same body otherwise. */
export function withTraceExtension<T extends object>(body: T, headers: Headers, trace: RequestTrace | undefined): T {
  if (!trace || !wantsTrace(headers)) return body;
  const extensions = (body as { extensions?: Record<string, unknown> }).extensions;
  return { ...body, extensions: { ...extensions, trace: traceExtension(trace) } };
}
