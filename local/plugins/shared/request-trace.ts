/**
 * What one GraphQL request did, as AppSync's logs and X-Ray show it: the resolvers that ran and
 * their data sources, the SQL each sent with its duration, each Lambda call, and the lines the
 * resolvers logged. The request's work runs inside `withRequestTrace`; code deeper down (the Data
 * API's statement runner, the Lambda runner) adds to the trace of whichever request it serves
 * through Node's AsyncLocalStorage, so no signature between them has to carry it.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

/** One step of a request, its times in milliseconds from the request's start. */
export type TraceEvent =
  | {
      readonly kind: 'resolver';
      readonly field: string;
      readonly path: string;
      readonly dataSources: readonly string[];
      readonly startMs: number;
      readonly durationMs: number;
      readonly error?: string;
    }
  | {
      readonly kind: 'sql';
      readonly sql: string;
      readonly startMs: number;
      readonly durationMs: number;
      readonly rows?: number;
      readonly error?: string;
    }
  | {
      readonly kind: 'lambda';
      readonly functionName: string;
      readonly startMs: number;
      readonly durationMs: number;
      readonly error?: string;
    }
  | {
      readonly kind: 'log';
      readonly level: string;
      readonly file: string;
      readonly handler: string;
      readonly message: string;
      readonly startMs: number;
    };

export interface RequestTrace {
  readonly requestId: string;
  /** `performance.now()` when the request started. */
  readonly origin: number;
  readonly events: TraceEvent[];
}

const storage = new AsyncLocalStorage<RequestTrace>();

/** A fresh trace for a request. */
export function createRequestTrace(requestId: string): RequestTrace {
  return { requestId, origin: performance.now(), events: [] };
}

/** Runs `work` as part of the request `trace` belongs to. */
export function withRequestTrace<T>(trace: RequestTrace, work: () => Promise<T>): Promise<T> {
  return storage.run(trace, work);
}

/** The trace of the request the caller is serving, if any (not inside a Lambda process, a task or the seed). */
export function currentTrace(): RequestTrace | undefined {
  return storage.getStore();
}

/** Milliseconds since the current request started (0 outside a request). */
export function sinceStart(trace: RequestTrace | undefined = currentTrace(), at = performance.now()): number {
  return trace ? Math.round((at - trace.origin) * 10) / 10 : 0;
}

/**
 * Times `work` and records it in the current request's trace (nothing outside a request).
 * `describe` turns the outcome into the event's fields; a thrown error is recorded by message.
 */
export async function traced<T>(
  record: (timing: { startMs: number; durationMs: number; error?: string }, result?: T) => TraceEvent,
  work: () => Promise<T>,
): Promise<T> {
  const trace = currentTrace();
  if (!trace) return work();
  const started = performance.now();
  const timing = () => ({ startMs: sinceStart(trace, started), durationMs: Math.round((performance.now() - started) * 10) / 10 });
  try {
    const result = await work();
    trace.events.push(record(timing(), result));
    return result;
  } catch (error) {
    trace.events.push(record({ ...timing(), error: error instanceof Error ? error.message : String(error) }));
    throw error;
  }
}

const byRequest = new WeakMap<object, RequestTrace>();

/** Ties a trace to the request object it describes (the GraphQL request state). */
export function attachTrace(request: object, trace: RequestTrace): void {
  byRequest.set(request, trace);
}

/** The trace tied to a request object, if it ran. */
export function traceOf(request: object): RequestTrace | undefined {
  return byRequest.get(request);
}
