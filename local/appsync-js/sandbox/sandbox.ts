import { AppSyncJsLimits } from '../../../platform/appsync-js/constants.js';
import type { BootScript } from './boot-script.js';
import { OUTPUT_SEPARATOR, type HarnessInput, type HarnessOutput } from './protocol.js';
import { ThreadDeadlineError, type SandboxFile, type SandboxThread } from './sandbox-thread.js';

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

/** Runs `work`, turning the thread's deadline into this module's timeout error. */
function asSandboxErrors<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof ThreadDeadlineError) throw new SandboxTimeoutError(error.message, { cause: error });
    throw error;
  }
}
// A file the server no longer uses (a watch-mode reload) frees its context in the thread.
const released = new FinalizationRegistry<{ thread: SandboxThread; id: number }>(({ thread, id }) => thread.drop(id));

/**
 * One isolated V8 context holding one resolver or function file, in the process's sandbox thread
 * (sandbox-thread.ts; the context itself is made in thread-main.ts). Only a JSON string goes in
 * and comes out.
 */
export class ResolverSandbox {
  readonly #file: SandboxFile;

  /**
   * Evaluates the file in a new context now, so that code which does not compile fails its load.
   * @param boot runtime + harness (see boot-script.ts)
   * @param commonJsCode the resolver's code as CommonJS (`require('@aws-appsync/utils')`)
   */
  constructor(
    private readonly thread: SandboxThread,
    boot: BootScript,
    commonJsCode: string,
  ) {
    this.#file = { id: nextSandboxId++, boot, code: commonJsCode };
    asSandboxErrors(() => thread.load(this.#file, LOAD_TIMEOUT_MS));
    released.register(this, { thread, id: this.#file.id });
  }

  /**
   * Runs one handler.
   * @param timeoutMs the time left before the request deadline (at least 1)
   * @throws SandboxTimeoutError when the code ran past `timeoutMs`
   * @throws SandboxOutputTooLargeError when the output is over 5 MB
   */
  invoke(input: HarnessInput, timeoutMs: number): HarnessOutput {
    return parseHarnessOutput(this.#run(input, timeoutMs));
  }

  /**
   * Runs `request` and, when it returns, `response` with its `payload` as `ctx.result`: a unit
   * resolver on a NONE data source, in one call to the thread.
   * @returns each handler's output text, for `parseHarnessOutput`
   * @throws SandboxTimeoutError when the code ran past `timeoutMs`
   */
  invokeThroughNone(input: HarnessInput, timeoutMs: number): { request: string; response?: string } {
    const text = this.#run({ ...input, handler: 'request', thenResponseOnNone: true }, timeoutMs);
    const split = text.indexOf(OUTPUT_SEPARATOR);
    return split === -1 ? { request: text } : { request: text.slice(0, split), response: text.slice(split + 1) };
  }

  #run(input: HarnessInput, timeoutMs: number): string {
    return asSandboxErrors(() => this.thread.invoke(this.#file, JSON.stringify(input), Math.max(1, timeoutMs)));
  }
}

/**
 * One handler's output.
 * @throws SandboxOutputTooLargeError when it is over AppSync's 5 MB
 */
export function parseHarnessOutput(output: string): HarnessOutput {
  if (output.length > AppSyncJsLimits.MAX_OUTPUT_CHARS) {
    throw new SandboxOutputTooLargeError(
      `Resolver output is ${output.length} characters; AppSync allows ${AppSyncJsLimits.MAX_OUTPUT_CHARS}`,
    );
  }
  return JSON.parse(output) as HarnessOutput;
}
