/**
 * One worker process seen from the runner: a warm Lambda execution environment for one
 * function. It runs one invocation at a time, enforces the timeout by killing the process, and
 * turns every way a process can fail into Lambda's error payload.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';
import { currentTrace } from '../shared/request-trace.js';
import { LambdaErrorTypes, LambdaLimits } from './constants.js';
import {
  encodeConfig,
  encodeInvoke,
  LineSplitter,
  parseWorkerLine,
  WORKER_PIPE_FD,
  type CommonJsBundleConfig,
  type InvokeRequest,
  type WorkerLine,
} from './protocol.js';
import type { LambdaInvokeOutcome, LambdaLogger } from './types.js';

/** Everything needed to start a worker process. */
export interface WorkerSpec {
  readonly functionName: string;
  readonly hostFile: string;
  readonly taskRoot: string;
  readonly env: Record<string, string>;
  readonly nodeFlags: readonly string[];
  readonly timeoutSeconds: number;
  readonly invokedFunctionArn: string;
  /** A CommonJS bundle to load with its V8 code cache (else the worker imports `index.mjs`). */
  readonly commonJsBundle?: CommonJsBundleConfig;
  readonly logger?: LambdaLogger;
}

type Failure = Extract<LambdaInvokeOutcome, { ok: false }>;

interface PendingCall {
  readonly requestId: string;
  readonly traceRequestId?: string;
  readonly resolve: (outcome: LambdaInvokeOutcome) => void;
  readonly timer: NodeJS.Timeout;
}

const failure = (errorType: string, errorMessage: string): Failure => ({ ok: false, errorType, errorMessage });

/**
 * Live worker processes of this server. A worker stuck in a loop never sees its pipe
 * close, so when the server exits without `close()` we kill them ourselves.
 */
const liveChildren = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of liveChildren) child.kill('SIGKILL');
});

/** Lambda's text for a runtime process that ended on its own. */
function exitMessage(code: number | null, signal: NodeJS.Signals | null): string {
  if (signal) return `Runtime exited with error: signal: ${signal === 'SIGKILL' ? 'killed' : signal}`;
  if (code === 0) return 'Runtime exited without providing a reason';
  return `Runtime exited with error: exit status ${code}`;
}

/** A started worker process. Create with {@link startWorker}. */
export class LambdaWorker {
  private readonly child: ChildProcess;
  private readonly pipe: Writable;
  private pending: PendingCall | undefined;
  /** The GraphQL request of the last call, for its lines that arrive after its answer. */
  private lastTraceRequestId: string | undefined;
  private hasExited = false;
  /** Settles when the init phase ended: `undefined` once the module loaded, else the failure. */
  readonly initialized: Promise<Failure | undefined>;
  /** Settles when the process has ended and its pipes are closed. */
  readonly exited: Promise<void>;
  /** False once the process has failed, exited or been told to stop. */
  alive = true;

  constructor(private readonly spec: WorkerSpec) {
    // Bare `node` with the function's flags and environment only; fd 3 carries calls and answers.
    this.child = spawn(process.execPath, [...spec.nodeFlags, spec.hostFile], {
      cwd: spec.taskRoot,
      env: spec.env,
      stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
    });
    const pipe = this.child.stdio[WORKER_PIPE_FD] as (Readable & Writable) | null | undefined;
    if (!pipe) throw new Error('The Lambda worker process has no message pipe');
    this.pipe = pipe;
    // A process that dies early makes writes fail with EPIPE; its exit is reported on 'close'.
    pipe.on('error', () => {});
    liveChildren.add(this.child);
    this.child.once('exit', () => liveChildren.delete(this.child));
    this.forwardLines(this.child.stdout, 'stdout');
    this.forwardLines(this.child.stderr, 'stderr');
    // 'close' comes after the process ended and its stdio pipes closed, so the last message (the
    // error a dying worker reports) is always read before we call it an exit.
    // A process that could not be spawned never closes, it only emits 'error' without a pid.
    this.exited = new Promise((resolve) => {
      this.child.once('close', () => resolve());
      this.child.once('error', () => {
        if (this.child.pid === undefined) {
          this.hasExited = true;
          resolve();
        }
      });
    });
    pipe.write(
      encodeConfig({
        invokedFunctionArn: spec.invokedFunctionArn,
        timeoutMs: spec.timeoutSeconds * 1000,
        ...(spec.commonJsBundle ? { commonJsBundle: spec.commonJsBundle } : {}),
      }),
    );
    this.initialized = new Promise((resolve) => {
      const initTimer = setTimeout(() => {
        resolve(failure(LambdaErrorTypes.TIMEOUT, `Error: Init phase timed out after ${LambdaLimits.INIT_TIMEOUT_MS / 1000}.00 seconds`));
        void this.kill();
      }, LambdaLimits.INIT_TIMEOUT_MS);
      const settle = (outcome: Failure | undefined) => {
        clearTimeout(initTimer);
        resolve(outcome);
      };
      const lines = new LineSplitter((line) => {
        let message: WorkerLine;
        try {
          message = parseWorkerLine(line);
        } catch {
          // Something other than the runtime wrote to the pipe: the environment is not trustworthy.
          void this.kill();
          return;
        }
        if (message.kind === 'ready') settle(undefined);
        else if (message.kind === 'error' && !message.requestId) {
          this.alive = false;
          settle(failure(message.error.errorType, message.error.errorMessage));
        } else this.onCallMessage(message);
      });
      pipe.on('data', (chunk: Buffer) => lines.push(chunk));
      this.child.once('close', (code, signal) => {
        this.hasExited = true;
        this.alive = false;
        settle(failure(LambdaErrorTypes.EXIT, `Error: ${exitMessage(code, signal)}`));
        this.finish(this.pending, (requestId) =>
          failure(LambdaErrorTypes.EXIT, `RequestId: ${requestId} Error: ${exitMessage(code, signal)}`),
        );
      });
      this.child.once('error', (error) => settle(failure(LambdaErrorTypes.EXIT, `Error: ${error.message}`)));
    });
  }

  /** Process id, for tests and logs. */
  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Runs one invocation; waits for the init phase first on a cold worker. */
  async invoke(request: InvokeRequest): Promise<LambdaInvokeOutcome> {
    const initFailure = await this.initialized;
    if (initFailure) return initFailure;
    if (!this.alive)
      return failure(LambdaErrorTypes.EXIT, `RequestId: ${request.requestId} Error: Runtime exited without providing a reason`);
    const timeoutMs = this.spec.timeoutSeconds * 1000;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.finish(this.pending, (requestId) =>
          failure(
            LambdaErrorTypes.TIMEOUT,
            `RequestId: ${requestId} Error: Task timed out after ${this.spec.timeoutSeconds.toFixed(2)} seconds`,
          ),
        );
        void this.kill();
      }, timeoutMs);
      const traceRequestId = currentTrace()?.requestId;
      this.lastTraceRequestId = traceRequestId;
      this.pending = { requestId: request.requestId, resolve, timer, ...(traceRequestId ? { traceRequestId } : {}) };
      this.pipe.write(encodeInvoke(request));
    });
  }

  /** Stops the process now (SIGKILL, as Lambda ends a timed-out environment) and waits for it. */
  async kill(): Promise<void> {
    this.alive = false;
    if (!this.hasExited) this.child.kill('SIGKILL');
    await this.exited;
  }

  private onCallMessage(message: WorkerLine): void {
    if (message.kind === 'response') {
      this.finish(this.pending, () => {
        if (message.bytes > LambdaLimits.MAX_RESPONSE_BYTES) {
          return failure(
            LambdaErrorTypes.RESPONSE_TOO_LARGE,
            `Response payload size exceeded maximum allowed payload size (${LambdaLimits.MAX_RESPONSE_BYTES} bytes).`,
          );
        }
        return { ok: true, result: JSON.parse(message.payloadJson) as unknown };
      });
    } else if (message.kind === 'error') {
      if (message.fatal) this.alive = false;
      this.finish(this.pending, () => failure(message.error.errorType, message.error.errorMessage));
    }
  }

  private finish(call: PendingCall | undefined, outcome: (requestId: string) => LambdaInvokeOutcome): void {
    if (!call || this.pending !== call) return;
    this.pending = undefined;
    clearTimeout(call.timer);
    call.resolve(outcome(call.requestId));
  }

  private forwardLines(stream: Readable | null, name: 'stdout' | 'stderr'): void {
    if (!stream) return;
    const { logger } = this.spec;
    if (!logger) {
      stream.resume();
      return;
    }
    // Split on \n only: the runtime writes a multi-line message as one line with \r separators
    // (as CloudWatch shows one event); restore them for the reader.
    let rest = '';
    // A worker serves one call at a time: a line belongs to the call in flight, or (written just
    // before the answer, arriving after it) to the last one.
    const emit = (line: string) => {
      const requestId = this.pending ? this.pending.traceRequestId : this.lastTraceRequestId;
      logger({ functionName: this.spec.functionName, stream: name, line: line.replace(/\r/g, '\n'), ...(requestId ? { requestId } : {}) });
    };
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      const lines = (rest + chunk).split('\n');
      rest = lines.pop() ?? '';
      lines.forEach(emit);
    });
    stream.on('end', () => {
      if (rest) emit(rest);
    });
  }
}

/** Starts a worker process; its init phase (loading the bundle) runs in the background. */
export function startWorker(spec: WorkerSpec): LambdaWorker {
  return new LambdaWorker(spec);
}
