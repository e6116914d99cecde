/** Messages between the runner and a worker process over the IPC channel (JSON serialised). */

/** Runner → worker: run one invocation. The event travels as JSON text, as it does in Lambda. */
export interface InvokeMessage {
  readonly kind: 'invoke';
  readonly requestId: string;
  readonly eventJson: string;
  readonly deadlineMs: number;
  readonly invokedFunctionArn: string;
}

/** Worker → runner: the handler module loaded; the worker waits for invocations. */
export interface ReadyMessage {
  readonly kind: 'ready';
}

/** Worker → runner: the result of one invocation, already JSON text (`null` for undefined). */
export interface ResponseMessage {
  readonly kind: 'response';
  readonly requestId: string;
  readonly payloadJson: string;
}

/**
 * Worker → runner: the invocation (or, without `requestId`, the init phase) failed. `fatal`
 * says the worker exits next (uncaught exception, unhandled rejection, init failure).
 */
export interface ErrorMessage {
  readonly kind: 'error';
  readonly requestId?: string;
  readonly errorType: string;
  readonly errorMessage: string;
  readonly fatal: boolean;
}

export type RunnerToWorker = InvokeMessage;
export type WorkerToRunner = ReadyMessage | ResponseMessage | ErrorMessage;
