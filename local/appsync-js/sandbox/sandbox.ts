import { AppSyncJsLimits } from '../../../platform/appsync-js/constants.js';
import type { BootScript } from './boot-script.js';
import type { HarnessInput, HarnessOutput } from './protocol.js';
import { ThreadDeadlineError, type SandboxThread } from './sandbox-thread.js';
import type { ThreadCall } from './thread-protocol.js';

/** The resolver code ran past its deadline; its thread was stopped. */
export class SandboxTimeoutError extends Error {
  override readonly name = 'SandboxTimeoutError';
}

/** The handler's output (its JSON form) is over AppSync's 5 MB. */
export class SandboxOutputTooLargeError extends Error {
  override readonly name = 'SandboxOutputTooLargeError';
}

/** How long loading a file may take when it is not part of a call (at start or reload). */
const LOAD_TIMEOUT_MS = 10_000;

let nextSandboxId = 1;
// A file the server no longer uses (a watch-mode reload) frees its context in the thread.
const released = new FinalizationRegistry<{ thread: SandboxThread; id: number }>(({ thread, id }) => thread.drop(id));

/**
 * One isolated V8 context holding one resolver or function file, in the process's sandbox thread
 * (sandbox-thread.ts; the context itself is made in thread-main.ts). Only a JSON string goes in
 * and comes out.
 */
export class ResolverSandbox {
  readonly #id = nextSandboxId++;
  #loadedIn = 0;

  /**
   * Evaluates the file in a new context now, so that code which does not compile fails its load.
   * @param boot runtime + harness (see boot-script.ts)
   * @param commonJsCode the resolver's code as CommonJS (`require('@aws-appsync/utils')`)
   */
  constructor(
    private readonly thread: SandboxThread,
    private readonly boot: BootScript,
    private readonly commonJsCode: string,
  ) {
    this.#load(LOAD_TIMEOUT_MS);
    released.register(this, { thread, id: this.#id });
  }

  /**
   * Runs one handler.
   * @param timeoutMs the time left before the request deadline (at least 1)
   * @throws SandboxTimeoutError when the code ran past `timeoutMs`
   * @throws SandboxOutputTooLargeError when the output is over 5 MB
   */
  invoke(input: HarnessInput, timeoutMs: number): HarnessOutput {
    const deadline = performance.now() + Math.max(1, timeoutMs);
    // After a deadline stopped the thread, the new thread has not seen this file yet.
    if (this.#loadedIn !== this.thread.generation) this.#load(deadline - performance.now());
    const output = this.#call({ op: 'invoke', sandboxId: this.#id, input: JSON.stringify(input) }, deadline - performance.now());
    if (output.length > AppSyncJsLimits.MAX_OUTPUT_CHARS) {
      throw new SandboxOutputTooLargeError(
        `Resolver output is ${output.length} characters; AppSync allows ${AppSyncJsLimits.MAX_OUTPUT_CHARS}`,
      );
    }
    return JSON.parse(output) as HarnessOutput;
  }

  #load(timeoutMs: number): void {
    const generation = this.thread.generation;
    const bootSource = this.thread.hasBoot(this.boot.key) ? undefined : this.boot.source;
    this.#call(
      { op: 'load', sandboxId: this.#id, bootKey: this.boot.key, code: this.commonJsCode, ...(bootSource ? { bootSource } : {}) },
      timeoutMs,
    );
    this.#loadedIn = generation;
  }

  #call(request: ThreadCall, timeoutMs: number): string {
    let reply;
    try {
      reply = this.thread.call(request, Math.max(1, timeoutMs));
    } catch (error) {
      if (error instanceof ThreadDeadlineError) throw new SandboxTimeoutError(error.message, { cause: error });
      throw error;
    }
    if (!reply.ok) throw new Error(reply.message);
    return reply.output ?? '';
  }
}
