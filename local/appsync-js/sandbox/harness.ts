/**
 * The part of the executor that runs INSIDE a resolver's sandbox context. It is bundled with the
 * runtime (`../runtime/index.ts`) into one script that each context evaluates once.
 *
 * The host never hands a function or object in: it writes a JSON string to `__roamInput`, runs
 * `__roamHarness.invoke()`, and reads back a JSON string. Everything resolver code can reach is
 * therefore of this realm, whose Function constructor refuses code strings.
 */
import type { AppSyncModules, InvocationInfo, Signal } from '../runtime/types.js';
import {
  HARNESS_GLOBAL,
  INPUT_GLOBAL,
  OUTPUT_SEPARATOR,
  SandboxFiles,
  type HarnessInput,
  type HarnessOutput,
  type RawLogLine,
} from './protocol.js';

/** The two runtime exports the harness needs. */
export interface RuntimeEntry {
  createAppSyncModules(): AppSyncModules;
  readSignal(thrown: unknown): Signal | undefined;
}

type ModuleFactory = (
  require: (specifier: string) => unknown,
  module: { exports: Record<string, unknown> },
  exports: Record<string, unknown>,
) => void;

// Not part of APPSYNC_JS, or able to block or leak across calls.
const REMOVED_GLOBALS = ['console', 'WebAssembly', 'SharedArrayBuffer', 'Atomics', 'FinalizationRegistry', 'WeakRef', 'Intl'];
const CODE_FRAME = /code\.js:(\d+):(\d+)/;
const SANDBOX_FILES: readonly string[] = Object.values(SandboxFiles);

// Taken once, before any resolver code runs, so that code replacing them cannot break the harness.
const { freeze, hasOwn, getOwnPropertyNames, getOwnPropertyDescriptor, defineProperty, entries } = Object;
const { parse, stringify } = JSON;

function deepFreeze(value: unknown, seen: unknown[] = []): void {
  if ((typeof value !== 'object' && typeof value !== 'function') || value === null || seen.includes(value)) return;
  seen.push(value);
  freeze(value);
  for (const key of getOwnPropertyNames(value)) {
    const descriptor = getOwnPropertyDescriptor(value, key);
    if (descriptor && 'value' in descriptor) deepFreeze(descriptor.value, seen);
  }
}

interface CallSite {
  getFileName(): string | null | undefined;
  toString(): string;
}

/**
 * Formats this context's stack traces as V8 does, keeping only the sandbox's own frames: the
 * frames of the host code that called into the context (file paths of the server) stay out of
 * reach of resolver code that reads `error.stack`.
 */
function sandboxStackTrace(error: unknown, frames: CallSite[]): string {
  let head: string;
  try {
    head = String(error);
  } catch {
    head = 'Error';
  }
  const own = frames.filter((frame) => SANDBOX_FILES.includes(String(frame.getFileName())));
  return [head, ...own.map((frame) => `    at ${String(frame)}`)].join('\n');
}

function formatLogArgument(value: unknown): string {
  if (typeof value === 'string') return value;
  try {
    return stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** Installs `__roamHarness` (non-writable) and the AppSync globals in the current context. */
export function installHarness(entry: RuntimeEntry): void {
  const global = globalThis as Record<string, unknown>;
  for (const name of REMOVED_GLOBALS) delete global[name];
  // Node formats this context's stack traces with `globalThis.Error.prepareStackTrace`, handing it
  // V8 CallSites of every frame, host frames included: ours keeps the sandbox frames, and it and
  // the Error global are locked so resolver code cannot put its own in place.
  defineProperty(Error, 'prepareStackTrace', { value: sandboxStackTrace, writable: false, configurable: false });
  defineProperty(global, 'Error', { value: Error, writable: false, configurable: false, enumerable: false });

  const instance = entry.createAppSyncModules();
  const utils = instance.modules['@aws-appsync/utils'];
  const baseRuntime = utils.runtime as { earlyReturn(value?: unknown, options?: { skipTo?: unknown }): never };
  // AppSync's default (no skipTo) differs by position: a function request goes on with the next
  // function. Remember whether skipTo was given, since the signal cannot say.
  let explicitSkipTo = false;
  const runtime = {
    earlyReturn(value?: unknown, options?: { skipTo?: unknown }): never {
      explicitSkipTo = options?.skipTo !== undefined;
      return baseRuntime.earlyReturn(value, options);
    },
  };
  const modules: Record<string, unknown> = {
    ...instance.modules,
    '@aws-appsync/utils': { util: utils.util, runtime, extensions: utils.extensions },
  };
  deepFreeze(modules);
  for (const [name, value] of entries(modules['@aws-appsync/utils'] as object)) {
    defineProperty(global, name, { value, writable: false, configurable: false, enumerable: false });
  }
  const require = (specifier: string): unknown => {
    if (!hasOwn(modules, specifier)) throw new Error(`Cannot find module '${specifier}'`);
    return modules[specifier];
  };

  let logs: RawLogLine[] = [];
  const log =
    (level: RawLogLine['level']) =>
    (...args: unknown[]) => {
      logs.push({ level, message: args.map(formatLogArgument).join(' ') });
    };
  global.console = { log: log('INFO'), info: log('INFO'), debug: log('DEBUG'), warn: log('WARN'), error: log('ERROR') };

  let factory: ModuleFactory | undefined;
  let lastRequestId: string | undefined;

  function run(input: HarnessInput): HarnessOutput['end'] {
    const module = { exports: {} as Record<string, unknown> };
    factory?.(require, module, module.exports);
    const handler = module.exports[input.handler];
    if (typeof handler !== 'function') throw new TypeError(`${input.handler} is not a function`);
    const ctx = input.ctx as Record<string, unknown>;
    ctx.args = ctx.arguments;
    if (ctx.prev) freeze(ctx.prev);
    freeze(ctx);
    explicitSkipTo = false;
    return { kind: 'return', value: handler(ctx) };
  }

  function classify(thrown: unknown): HarnessOutput['end'] {
    const signal = entry.readSignal(thrown);
    if (signal?.__appsyncSignal === 'earlyReturn') {
      return { kind: 'earlyReturn', value: signal.value, skipTo: explicitSkipTo ? signal.skipTo : 'DEFAULT' };
    }
    if (signal) {
      const { message, errorType, data, errorInfo } = signal;
      return { kind: 'error', error: { message, errorType, data, errorInfo } };
    }
    const error = thrown instanceof Error ? thrown : undefined;
    const frame = CODE_FRAME.exec(String(error?.stack ?? ''));
    return {
      kind: 'exception',
      name: error ? String(error.name) : 'Error',
      message: error ? String(error.message) : formatLogArgument(thrown),
      line: frame ? Number(frame[1]) : null,
      column: frame ? Number(frame[2]) : null,
    };
  }

  /** Runs one handler and returns its output as JSON text. */
  function call(input: HarnessInput): string {
    logs = [];
    if (input.requestId !== lastRequestId) {
      lastRequestId = input.requestId;
      instance.beginRequest();
    }
    instance.beginInvocation(input.invocation as InvocationInfo);
    let end: HarnessOutput['end'];
    try {
      end = run(input);
    } catch (thrown) {
      end = classify(thrown);
    }
    const effects = instance.endInvocation();
    const { errors, warnings, ...rest } = effects;
    const output: HarnessOutput = { end, appendedErrors: errors, stash: input.ctx.stash, logs, warnings, effects: rest };
    try {
      return stringify(output);
    } catch (thrown) {
      // Something the handler produced (value, stash, appended error data) is not JSON: a BigInt,
      // a cycle. The call fails like any other runtime error; nothing else of it is kept.
      const failed: HarnessOutput = { end: classify(thrown), appendedErrors: [], stash: {}, logs, warnings, effects: rest };
      return stringify(failed);
    }
  }

  /**
   * The NONE data source's part: `response` gets what the host would pass it, read back from the
   * request's output (the returned `payload`, the stash) into a context parsed afresh, so nothing
   * the request handler changed in its own `ctx` reaches it.
   */
  function responseOnNone(inputText: string, requestOutput: string): string | undefined {
    const { end, stash } = parse(requestOutput) as HarnessOutput;
    if (end.kind !== 'return') return undefined;
    const value = end.value;
    const payload =
      typeof value === 'object' && value !== null && hasOwn(value, 'payload') ? (value as { payload: unknown }).payload : undefined;
    const input = parse(inputText) as HarnessInput;
    // The keys in the order the host gives them: the field's, then `result`, then `stash`.
    const { stash: _requestStash, ...field } = input.ctx;
    return call({ ...input, handler: 'response', ctx: { ...field, result: payload ?? null, stash } });
  }

  function invoke(): string {
    const inputText = String(global[INPUT_GLOBAL]);
    delete global[INPUT_GLOBAL];
    const input = parse(inputText) as HarnessInput;
    const output = call(input);
    if (input.thenResponseOnNone !== true) return output;
    const response = responseOnNone(inputText, output);
    return response === undefined ? output : `${output}${OUTPUT_SEPARATOR}${response}`;
  }

  const harness = freeze({
    register(moduleFactory: ModuleFactory): void {
      if (factory) throw new Error('resolver module already registered');
      factory = moduleFactory;
    },
    invoke,
  });
  defineProperty(global, HARNESS_GLOBAL, { value: harness, writable: false, configurable: false, enumerable: false });
}
