/**
 * The sandbox thread: it holds every resolver context and runs one call at a time, as the host
 * asks. It never returns to its event loop, so the host can stop a runaway call at its deadline by
 * terminating the whole thread (sandbox-thread.ts) instead of arming a vm watchdog per call.
 * Bundled on its own by esbuild and started from that text.
 */
import vm from 'node:vm';
import { receiveMessageOnPort, workerData } from 'node:worker_threads';
import { HARNESS_GLOBAL, SandboxFiles, INPUT_GLOBAL } from './protocol.js';
import {
  Carrier,
  ControlSlot,
  readSharedText,
  writeSharedText,
  type LoadRequest,
  type ThreadData,
  type ThreadReply,
  type ThreadRequest,
} from './thread-protocol.js';

const { port, control, text } = workerData as ThreadData;
const counters = new Int32Array(control);
const sharedText = new Uint8Array(text);
const encoder = new TextEncoder();
const decoder = new TextDecoder();
const bootScripts = new Map<string, vm.Script>();
const contexts = new Map<number, vm.Context>();
const invokeScript = new vm.Script(`${HARNESS_GLOBAL}.invoke()`, { filename: SandboxFiles.INVOKE });

/** Wraps CommonJS resolver code so that evaluating it registers a module factory. */
function registrationSource(commonJsCode: string): string {
  // The wrapper stays on line 0 (the script's lineOffset is -1), so stack lines equal CJS lines.
  return `${HARNESS_GLOBAL}.register(function (require, module, exports) { "use strict";\n${commonJsCode}\n});`;
}

/**
 * One isolated V8 context per file. Built-ins are the context's own; there is no process, require,
 * Buffer, timer, fetch, eval or Function-from-string (`codeGeneration.strings: false`), and the
 * global object has a null prototype so no host constructor is reachable through it.
 */
function load(request: LoadRequest): void {
  let boot = bootScripts.get(request.bootKey);
  if (!boot) {
    if (request.bootSource === undefined) throw new Error(`the runtime ${request.bootKey} was never sent to this thread`);
    boot = new vm.Script(request.bootSource, { filename: SandboxFiles.RUNTIME });
    bootScripts.set(request.bootKey, boot);
  }
  const context = vm.createContext(Object.create(null), {
    name: 'APPSYNC_JS',
    codeGeneration: { strings: false, wasm: false },
    // Promise jobs run inside the call, so they cannot outlive it.
    microtaskMode: 'afterEvaluate',
  });
  boot.runInContext(context);
  new vm.Script(registrationSource(request.code), { filename: SandboxFiles.CODE, lineOffset: -1 }).runInContext(context);
  contexts.set(request.sandboxId, context);
}

function invoke(sandboxId: number, input: string): string {
  const context = contexts.get(sandboxId) as Record<string, unknown> | undefined;
  if (!context) throw new Error(`sandbox ${sandboxId} is not loaded in this thread`);
  context[INPUT_GLOBAL] = input;
  const output: unknown = invokeScript.runInContext(context);
  if (typeof output !== 'string') throw new Error('The resolver harness returned no output');
  return output;
}

function answer(request: ThreadRequest): ThreadReply {
  for (const id of request.drop) contexts.delete(id);
  try {
    if (request.op === 'load') {
      load(request);
      return { ok: true };
    }
    return { ok: true, output: invoke(request.sandboxId, request.input) };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

/** The request the host just posted, from the shared buffer or the port. */
function receive(): ThreadRequest | undefined {
  if (Atomics.load(counters, ControlSlot.CARRIER) === Carrier.BUFFER) {
    const input = readSharedText(decoder, sharedText, Atomics.load(counters, ControlSlot.LENGTH));
    return { op: 'invoke', sandboxId: Atomics.load(counters, ControlSlot.SANDBOX_ID), input, drop: [] };
  }
  return receiveMessageOnPort(port)?.message as ThreadRequest | undefined;
}

/** Puts a handler's output in the shared buffer when it fits; anything else goes on the port. */
function reply(result: ThreadReply): void {
  const length = result.ok && result.output !== undefined ? writeSharedText(encoder, sharedText, result.output) : undefined;
  if (length === undefined) {
    port.postMessage(result);
    Atomics.store(counters, ControlSlot.CARRIER, Carrier.PORT);
    return;
  }
  Atomics.store(counters, ControlSlot.LENGTH, length);
  Atomics.store(counters, ControlSlot.CARRIER, Carrier.BUFFER);
}

let answered = 0;
for (;;) {
  Atomics.wait(counters, ControlSlot.REQUEST, answered);
  const posted = Atomics.load(counters, ControlSlot.REQUEST);
  const request = receive();
  reply(request ? answer(request) : { ok: false, message: 'the sandbox thread found no request' });
  answered = posted;
  Atomics.store(counters, ControlSlot.REPLY, answered);
  Atomics.notify(counters, ControlSlot.REPLY);
}
