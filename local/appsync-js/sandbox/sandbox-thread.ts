/**
 * The one thread that runs every resolver context of this process, called synchronously.
 *
 * A vm `timeout` starts and joins a watchdog thread on every call (about 130 us of a NONE
 * resolver's 200); here one long-lived thread runs the calls, and a call that passes its deadline
 * is stopped by terminating that thread. The next call starts a new one, into which each file is
 * loaded again the first time it runs: a deadline costs a restart, a normal call only a message.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { build } from '../../../platform/esbuild/service.js';
import type { BootScript } from './boot-script.js';
import {
  Carrier,
  CONTROL_SLOTS,
  ControlSlot,
  readSharedText,
  SHARED_TEXT_BYTES,
  writeSharedText,
  type ThreadCall,
  type ThreadReply,
} from './thread-protocol.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** The sandbox thread's heap: far above what a resolver within AppSync's 5 MB output needs. */
const THREAD_HEAP_MB = 256;

/**
 * Its young generation. Nothing of a call outlives it but what it returns as text, so a small one
 * costs little collecting; V8's default lets it grow to 48 MB, which under load stays resident
 * (the server's resident memory after the side-by-side workloads fell by 40-55 MB with 4).
 */
const THREAD_YOUNG_GENERATION_MB = 4;

/** The call ran past its deadline and the thread was stopped. */
export class ThreadDeadlineError extends Error {
  override readonly name = 'ThreadDeadlineError';
}

/** A resolver file as the thread evaluates it: in a context of its own, after its runtime. */
export interface SandboxFile {
  readonly id: number;
  readonly boot: BootScript;
  /** The resolver's code as CommonJS. */
  readonly code: string;
}

interface RunningThread {
  readonly worker: Worker;
  readonly port: MessagePort;
  readonly counters: Int32Array;
  /** The text of calls and outputs that fit (thread-protocol.ts). */
  readonly sharedText: Uint8Array;
  /** Runtimes this thread has compiled. */
  readonly bootKeys: Set<string>;
  /** Files this thread has evaluated: a new thread (after a deadline) starts with none. */
  readonly loaded: Set<number>;
  posted: number;
}

export class SandboxThread {
  #running: RunningThread | undefined;
  #dropped: number[] = [];

  /** @param source the thread's code (thread-main.ts, bundled) */
  constructor(private readonly source: string) {}

  /**
   * Evaluates `file` in this thread unless it already did.
   * @throws ThreadDeadlineError past `timeoutMs` (the thread is then stopped), Error when the code does not evaluate
   */
  load(file: SandboxFile, timeoutMs: number): void {
    const thread = this.#thread();
    if (thread.loaded.has(file.id)) return;
    const sendBoot = !thread.bootKeys.has(file.boot.key);
    const request: ThreadCall = { op: 'load', sandboxId: file.id, bootKey: file.boot.key, code: file.code };
    this.#answer(thread, sendBoot ? { ...request, bootSource: file.boot.source } : request, timeoutMs);
    thread.bootKeys.add(file.boot.key);
    thread.loaded.add(file.id);
  }

  /**
   * Runs one handler of `file` (loading it first if this thread has not) and returns the harness's JSON output.
   * @throws ThreadDeadlineError past `timeoutMs` (the thread is then stopped)
   */
  invoke(file: SandboxFile, input: string, timeoutMs: number): string {
    const deadline = performance.now() + timeoutMs;
    this.load(file, timeoutMs);
    return this.#answer(this.#thread(), { op: 'invoke', sandboxId: file.id, input }, deadline - performance.now());
  }

  /** Lets the thread free a context at its next call. */
  drop(sandboxId: number): void {
    this.#dropped.push(sandboxId);
    this.#running?.loaded.delete(sandboxId);
  }

  /** Sends one request, waits for its answer at most `timeoutMs`, and returns its output. */
  #answer(thread: RunningThread, request: ThreadCall, timeoutMs: number): string {
    this.#send(thread, request);
    const end = performance.now() + timeoutMs;
    while (Atomics.load(thread.counters, ControlSlot.REPLY) !== thread.posted) {
      const left = end - performance.now();
      if (left <= 0) {
        this.#stop();
        throw new ThreadDeadlineError(`Resolver code ran past its ${Math.round(timeoutMs)} ms deadline`);
      }
      Atomics.wait(thread.counters, ControlSlot.REPLY, thread.posted - 1, left);
    }
    if (Atomics.load(thread.counters, ControlSlot.CARRIER) === Carrier.BUFFER) {
      return readSharedText(decoder, thread.sharedText, Atomics.load(thread.counters, ControlSlot.LENGTH));
    }
    const received = receiveMessageOnPort(thread.port);
    if (!received) throw new Error('the sandbox thread answered without a message');
    const reply = received.message as ThreadReply;
    if (!reply.ok) throw new Error(reply.message);
    return reply.output ?? '';
  }

  /** Writes a handler call to the shared buffer when it fits; anything else goes on the port. */
  #send(thread: RunningThread, request: ThreadCall): void {
    const drop = this.#dropped;
    const length = request.op === 'invoke' && drop.length === 0 ? writeSharedText(encoder, thread.sharedText, request.input) : undefined;
    if (length === undefined) {
      this.#dropped = [];
      thread.port.postMessage({ ...request, drop });
      Atomics.store(thread.counters, ControlSlot.CARRIER, Carrier.PORT);
    } else {
      Atomics.store(thread.counters, ControlSlot.SANDBOX_ID, request.sandboxId);
      Atomics.store(thread.counters, ControlSlot.LENGTH, length);
      Atomics.store(thread.counters, ControlSlot.CARRIER, Carrier.BUFFER);
    }
    thread.posted += 1;
    Atomics.store(thread.counters, ControlSlot.REQUEST, thread.posted);
    Atomics.notify(thread.counters, ControlSlot.REQUEST);
  }

  #thread(): RunningThread {
    if (this.#running) return this.#running;
    const { port1, port2 } = new MessageChannel();
    const control = new SharedArrayBuffer(CONTROL_SLOTS * Int32Array.BYTES_PER_ELEMENT);
    const text = new SharedArrayBuffer(SHARED_TEXT_BYTES);
    const worker = new Worker(this.source, {
      eval: true,
      // No execArgv: the thread needs no loader of the server's (tsx) and starts faster without one.
      execArgv: [],
      // Code that takes memory without end stops this thread, not the server.
      resourceLimits: { maxOldGenerationSizeMb: THREAD_HEAP_MB, maxYoungGenerationSizeMb: THREAD_YOUNG_GENERATION_MB },
      workerData: { port: port2, control, text },
      transferList: [port2],
    });
    // The thread never keeps the process alive: it only ever runs inside a call.
    worker.unref();
    port1.unref();
    // A thread that dies (out of memory) fails its call at the deadline; the next call starts a new one.
    worker.on('error', () => {});
    this.#dropped = [];
    this.#running = {
      worker,
      port: port1,
      counters: new Int32Array(control),
      sharedText: new Uint8Array(text),
      bootKeys: new Set(),
      loaded: new Set(),
      posted: 0,
    };
    return this.#running;
  }

  #stop(): void {
    const running = this.#running;
    this.#running = undefined;
    if (!running) return;
    running.port.close();
    void running.worker.terminate();
  }
}

let shared: Promise<SandboxThread> | undefined;

/** The process's sandbox thread, its code bundled once. */
export function getSandboxThread(): Promise<SandboxThread> {
  shared ??= bundleThreadSource().then((source) => new SandboxThread(source));
  shared.catch(() => (shared = undefined));
  return shared;
}

async function bundleThreadSource(): Promise<string> {
  const result = await build({
    entryPoints: [path.join(here, 'thread-main.ts')],
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    write: false,
    logLevel: 'silent',
  });
  const text = result.outputFiles[0]?.text;
  if (text === undefined) throw new Error('esbuild produced no sandbox thread bundle');
  return text;
}
