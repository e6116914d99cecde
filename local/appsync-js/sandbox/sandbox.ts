import vm from 'node:vm';
import { AppSyncJsLimits } from '../../../platform/appsync-js/constants.js';
import { HARNESS_GLOBAL, INPUT_GLOBAL, SandboxFiles, type HarnessInput, type HarnessOutput } from './protocol.js';

/** The resolver code ran past its deadline; vm stopped it. */
export class SandboxTimeoutError extends Error {
  override readonly name = 'SandboxTimeoutError';
}

/** The handler's output (its JSON form) is over AppSync's 5 MB. */
export class SandboxOutputTooLargeError extends Error {
  override readonly name = 'SandboxOutputTooLargeError';
}

const invokeScript = new vm.Script(`${HARNESS_GLOBAL}.invoke()`, { filename: SandboxFiles.INVOKE });

/** Wraps CommonJS resolver code so that evaluating it registers a module factory. */
function registrationSource(commonJsCode: string): string {
  // The wrapper stays on line 0 (the script's lineOffset is -1), so stack lines equal CJS lines.
  return `${HARNESS_GLOBAL}.register(function (require, module, exports) { "use strict";\n${commonJsCode}\n});`;
}

/**
 * One isolated V8 context holding one resolver or function file. Built-ins are the context's own;
 * there is no process, require, Buffer, timer, fetch, eval or Function-from-string
 * (`codeGeneration.strings: false`), and the global object has a null prototype so no host
 * constructor is reachable through it.
 */
export class ResolverSandbox {
  readonly #context: vm.Context;

  /**
   * @param bootScript runtime + harness (see boot-script.ts)
   * @param commonJsCode the resolver's code as CommonJS (`require('@aws-appsync/utils')`)
   */
  constructor(bootScript: vm.Script, commonJsCode: string) {
    this.#context = vm.createContext(Object.create(null), {
      name: 'APPSYNC_JS',
      codeGeneration: { strings: false, wasm: false },
      // Promise jobs run inside the timed call, so they cannot outlive the deadline.
      microtaskMode: 'afterEvaluate',
    });
    bootScript.runInContext(this.#context);
    new vm.Script(registrationSource(commonJsCode), { filename: SandboxFiles.CODE, lineOffset: -1 }).runInContext(this.#context);
  }

  /**
   * Runs one handler. Only a JSON string goes in and comes out.
   * @param timeoutMs the time left before the request deadline (at least 1)
   * @throws SandboxTimeoutError when the code ran past `timeoutMs`
   * @throws SandboxOutputTooLargeError when the output is over 5 MB
   */
  invoke(input: HarnessInput, timeoutMs: number): HarnessOutput {
    (this.#context as Record<string, unknown>)[INPUT_GLOBAL] = JSON.stringify(input);
    let text: unknown;
    try {
      text = invokeScript.runInContext(this.#context, { timeout: Math.max(1, Math.floor(timeoutMs)) });
    } catch (error) {
      if ((error as { code?: string }).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') {
        throw new SandboxTimeoutError(`Resolver code ran past its ${timeoutMs} ms deadline`, { cause: error });
      }
      throw error;
    }
    if (typeof text !== 'string') throw new Error('The resolver harness returned no output');
    if (text.length > AppSyncJsLimits.MAX_OUTPUT_CHARS) {
      throw new SandboxOutputTooLargeError(
        `Resolver output is ${text.length} characters; AppSync allows ${AppSyncJsLimits.MAX_OUTPUT_CHARS}`,
      );
    }
    return JSON.parse(text) as HarnessOutput;
  }
}
