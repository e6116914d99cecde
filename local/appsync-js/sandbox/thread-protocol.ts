import type { MessagePort } from 'node:worker_threads';

/**
 * What the host and the sandbox thread say to each other. A call is synchronous: the host posts
 * a request, bumps the request counter and waits on the reply counter (see sandbox-thread.ts).
 */

/** Indexes in the shared Int32Array both sides wait on. */
export const ControlSlot = {
  /** The number of the request the host has posted. */
  REQUEST: 0,
  /** The number of the request the thread has answered. */
  REPLY: 1,
} as const;

/** What the thread receives in `workerData`. */
export interface ThreadData {
  readonly port: MessagePort;
  readonly control: SharedArrayBuffer;
}

/** Evaluates a resolver file in a new context of the thread. */
export interface LoadRequest {
  readonly op: 'load';
  readonly sandboxId: number;
  readonly bootKey: string;
  /** The runtime bundle, sent the first time a thread needs this `bootKey`. */
  readonly bootSource?: string;
  readonly code: string;
}

/** Runs one handler of a loaded file: `input` is the harness's JSON input. */
export interface InvokeRequest {
  readonly op: 'invoke';
  readonly sandboxId: number;
  readonly input: string;
}

/** A request as the host makes it. */
export type ThreadCall = LoadRequest | InvokeRequest;

/** A request as the thread receives it. */
export type ThreadRequest = ThreadCall & {
  /** Contexts the host no longer uses: the thread lets them go before answering. */
  readonly drop: readonly number[];
};

export type ThreadReply = { readonly ok: true; readonly output?: string } | { readonly ok: false; readonly message: string };
