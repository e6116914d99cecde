import type { TextDecoder, TextEncoder } from 'node:util';
import type { MessagePort } from 'node:worker_threads';

/**
 * What the host and the sandbox thread say to each other. A call is synchronous: the host writes
 * a request, bumps the request counter and waits on the reply counter (see sandbox-thread.ts).
 *
 * A handler call and its output cross as UTF-8 text in a buffer both sides share, described by
 * the control slots below: no message is cloned and neither side's event loop is woken. What does
 * not fit the buffer, a file to load, or a list of contexts to free goes through the message port.
 */

/** Indexes in the shared Int32Array both sides wait on and read. */
export const ControlSlot = {
  /** The number of the request the host has posted. */
  REQUEST: 0,
  /** The number of the request the thread has answered. */
  REPLY: 1,
  /** How the current request or reply travels: a `Carrier`. */
  CARRIER: 2,
  /** For a call in the buffer: the context to run it in. */
  SANDBOX_ID: 3,
  /** The byte length of the text in the shared buffer. */
  LENGTH: 4,
} as const;

export const CONTROL_SLOTS = 5;

/** How a request or a reply travels. */
export const Carrier = {
  /** A message on the port (a `ThreadRequest` or a `ThreadReply`). */
  PORT: 0,
  /** Text in the shared buffer: a handler's input (request) or its output (reply). */
  BUFFER: 1,
} as const;

/** The size of the shared text buffer: larger calls and outputs use the port. */
export const SHARED_TEXT_BYTES = 1 << 20;

/** What the thread receives in `workerData`. */
export interface ThreadData {
  readonly port: MessagePort;
  readonly control: SharedArrayBuffer;
  readonly text: SharedArrayBuffer;
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

/** A request as the thread receives it on the port. */
export type ThreadRequest = ThreadCall & {
  /** Contexts the host no longer uses: the thread lets them go before answering. */
  readonly drop: readonly number[];
};

export type ThreadReply = { readonly ok: true; readonly output?: string } | { readonly ok: false; readonly message: string };

/**
 * Writes `value` as UTF-8 at the start of `bytes`.
 * @returns its byte length, or undefined when it does not fit
 */
export function writeSharedText(encoder: TextEncoder, bytes: Uint8Array, value: string): number | undefined {
  // Every UTF-16 unit takes at least one byte.
  if (value.length > bytes.length) return undefined;
  const { read, written } = encoder.encodeInto(value, bytes);
  return read === value.length ? written : undefined;
}

/** Reads `length` bytes of UTF-8 text from the start of `bytes`. */
export function readSharedText(decoder: TextDecoder, bytes: Uint8Array, length: number): string {
  return decoder.decode(bytes.subarray(0, length));
}
