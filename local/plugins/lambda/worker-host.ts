/**
 * Entry point of a worker process: one warm Lambda execution environment for one function.
 * It follows the Node.js Lambda runtime (aws-lambda-nodejs-runtime-interface-client): loads
 * `LAMBDA_TASK_ROOT/index.mjs` and the export named by `_HANDLER`, prefixes console output with
 * time, request id and level, calls `handler(event, context, callback)`, and reports results and
 * errors with the runtime's `errorType` values. Calls and answers cross a private pipe (fd 3,
 * `protocol.ts`), not Node's IPC channel, so `process.send` is undefined as on Lambda.
 * Bundled on its own by `host-build.ts`; only Node built-ins and `protocol.ts` may be imported here.
 */
import { Socket } from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { format, types } from 'node:util';
import {
  encodeError,
  encodeReady,
  encodeResponse,
  LineSplitter,
  parseRunnerLine,
  WORKER_PIPE_FD,
  type InvokeRequest,
  type WorkerConfig,
} from './protocol.js';
import { loadCommonJsBundle } from './commonjs-bundle.js';

type Callback = (error?: unknown, result?: unknown) => void;
type Handler = (event: unknown, context: object, callback: Callback) => unknown;
interface RuntimeError {
  errorType: string;
  errorMessage: string;
  stack?: string;
}

/** Where the runtime keeps the current request id (read by Powertools and others). */
const REQUEST_ID = Symbol.for('aws.lambda.runtime.requestId');
const globals = globalThis as unknown as Record<symbol, string | undefined>;

/** What to do when the event loop drains during an invocation (Lambda's BeforeExitListener). */
let onBeforeExit: (() => void) | undefined;
let activeRequestId: string | undefined;

/** Calls arrive and answers leave on this pipe; nothing else in the process sees it. */
const pipe = new Socket({ fd: WORKER_PIPE_FD, readable: true, writable: true });
let config: WorkerConfig = { invokedFunctionArn: '', timeoutMs: 3000 };
/** Writes the bundle's code cache after the first invocation, when it needs one. */
let afterFirstCall: (() => void) | undefined;

function send(line: string, then?: () => void): void {
  pipe.write(line, () => then?.());
}

/** The runtime's `toRapidResponse`: name and message of an Error, else its type and text. */
function toRuntimeError(error: unknown): RuntimeError {
  if (types.isNativeError(error) || (error instanceof Object && typeof (error as Error).stack === 'string')) {
    const e = error as Error;
    return { errorType: String(e.name), errorMessage: String(e.message), stack: e.stack };
  }
  return { errorType: typeof error, errorMessage: String(error) };
}

function patchConsole(): void {
  const write =
    (level: string) =>
    (...args: unknown[]) => {
      const line = `${new Date().toISOString()}\t${globals[REQUEST_ID]}\t${level}\t${format(...args)}`;
      process.stdout.write(`${line.replace(/\n/g, '\r')}\n`);
    };
  console.trace = write('TRACE');
  console.debug = write('DEBUG');
  console.info = write('INFO');
  console.log = console.info;
  console.warn = write('WARN');
  console.error = write('ERROR');
}

function logInvokeError(label: string, error: RuntimeError): void {
  const stack = error.stack?.split('\n');
  console.error(label, `\t${JSON.stringify({ errorType: error.errorType, errorMessage: error.errorMessage, stack })}`);
}

/** Reports a failure; a fatal one (the process is broken) exits after the message is sent. */
function reportError(error: RuntimeError, fatal: boolean, exitCode = 129): void {
  send(encodeError(activeRequestId, fatal, error), fatal ? () => process.exit(exitCode) : undefined);
}

/** Loads the function's module: the offline CommonJS bundle with its code cache, else the ES module. */
async function loadUserModule(taskRoot: string, moduleName: string): Promise<Record<string, unknown>> {
  if (config.commonJsBundle) {
    const loaded = loadCommonJsBundle(config.commonJsBundle.file, config.commonJsBundle.codeCacheFile);
    afterFirstCall = () => loaded.storeCodeCache();
    return loaded.exports;
  }
  return (await import(pathToFileURL(path.join(taskRoot, `${moduleName}.mjs`)).href)) as Record<string, unknown>;
}

async function loadHandler(): Promise<Handler> {
  const taskRoot = process.env.LAMBDA_TASK_ROOT ?? '.';
  const handlerName = process.env._HANDLER ?? 'index.handler';
  const [moduleName = 'index', exportName = 'handler'] = handlerName.split(/\.(.*)/s);
  let userModule: Record<string, unknown>;
  try {
    userModule = await loadUserModule(taskRoot, moduleName);
  } catch (error) {
    if (error instanceof SyntaxError) throw Object.assign(new Error(String(error)), { name: 'Runtime.UserCodeSyntaxError' });
    const code = (error as { code?: string }).code;
    if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') {
      throw Object.assign(new Error(String(error)), { name: 'Runtime.ImportModuleError' });
    }
    throw error;
  }
  const handler = exportName.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], userModule);
  if (!handler) throw Object.assign(new Error(`${handlerName} is undefined or not exported`), { name: 'Runtime.HandlerNotFound' });
  if (typeof handler !== 'function')
    throw Object.assign(new Error(`${handlerName} is not a function`), { name: 'Runtime.HandlerNotFound' });
  return handler as Handler;
}

function respond(requestId: string, result: unknown): void {
  let payloadJson: string;
  try {
    payloadJson = JSON.stringify(result === undefined ? null : result);
  } catch {
    // nodejs22.x: postInvocationResponse throws this plain Error, which fails the invocation.
    fail(requestId, new Error('Unable to stringify response body'));
    return;
  }
  send(encodeResponse(requestId, payloadJson));
}

function fail(requestId: string, error: unknown): void {
  const runtimeError = toRuntimeError(error);
  logInvokeError('Invoke Error', runtimeError);
  send(encodeError(requestId, false, runtimeError));
}

function invoke(handler: Handler, isAsync: boolean, request: InvokeRequest): void {
  const { requestId } = request;
  const deadlineMs = Date.now() + config.timeoutMs;
  activeRequestId = requestId;
  globals[REQUEST_ID] = requestId;
  let finished = false;
  let waitForEmptyEventLoop = true;
  // Only the first outcome counts, as in the runtime's CallbackContext.
  const finish = (report: () => void) => {
    if (finished) return;
    finished = true;
    onBeforeExit = undefined;
    activeRequestId = undefined;
    // Before the answer, so a process stopped right after its first call still leaves its cache.
    const storeCache = afterFirstCall;
    afterFirstCall = undefined;
    storeCache?.();
    report();
    pipe.ref();
  };
  const succeed = (result: unknown) => finish(() => respond(requestId, result));
  const failWith = (error: unknown) => finish(() => fail(requestId, error ?? 'handled'));
  const done: Callback = (error, result) => (error !== undefined && error !== null ? failWith(error) : succeed(result));
  const callback: Callback = (error, result) => {
    if (error !== undefined && error !== null) failWith(error);
    else if (!waitForEmptyEventLoop) succeed(result);
    else onBeforeExit = () => setImmediate(() => succeed(result));
  };
  const context = {
    get callbackWaitsForEmptyEventLoop() {
      return waitForEmptyEventLoop;
    },
    set callbackWaitsForEmptyEventLoop(value: boolean) {
      waitForEmptyEventLoop = value;
    },
    succeed: (result: unknown) => done(null, result),
    fail: (error: unknown) => done(error ?? 'handled'),
    done,
    functionName: process.env.AWS_LAMBDA_FUNCTION_NAME,
    functionVersion: process.env.AWS_LAMBDA_FUNCTION_VERSION,
    invokedFunctionArn: config.invokedFunctionArn,
    memoryLimitInMB: process.env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE,
    awsRequestId: requestId,
    logGroupName: process.env.AWS_LAMBDA_LOG_GROUP_NAME,
    logStreamName: process.env.AWS_LAMBDA_LOG_STREAM_NAME,
    identity: undefined,
    clientContext: undefined,
    getRemainingTimeInMillis: () => deadlineMs - Date.now(),
  };
  // A handler that never answers: async ones fail when the loop drains, others answer null.
  onBeforeExit = isAsync
    ? () => failWith(Object.assign(new Error('Promise that was never settled'), { name: 'Runtime.NodeJsExit' }))
    : () => succeed(null);
  // Let the event loop drain while the handler runs, so 'beforeExit' means what it means in Lambda.
  pipe.unref();
  try {
    const result = handler(JSON.parse(request.eventJson), context, callback);
    if (result instanceof Object && typeof (result as PromiseLike<unknown>).then === 'function') {
      (result as PromiseLike<unknown>).then(succeed, failWith);
    }
  } catch (error) {
    callback(error);
  }
}

async function main(): Promise<void> {
  patchConsole();
  // The runner went away (closed the pipe or died): this environment ends with it.
  pipe.on('end', () => process.exit(0));
  pipe.on('error', () => process.exit(0));
  let handler: Handler | undefined;
  let isAsync = false;
  // The runner writes the config first, at spawn; the module loads once it is read (it names the code cache).
  let configured: () => void = () => {};
  const configRead = new Promise<void>((resolve) => (configured = resolve));
  const lines = new LineSplitter((line) => {
    let message: ReturnType<typeof parseRunnerLine>;
    try {
      message = parseRunnerLine(line);
    } catch {
      return;
    }
    if (message.kind === 'config') {
      config = message.config;
      configured();
    } else if (handler) invoke(handler, isAsync, message);
  });
  pipe.on('data', (chunk: Buffer) => lines.push(chunk));
  process.on('beforeExit', () => {
    const listener = onBeforeExit;
    onBeforeExit = undefined;
    listener?.();
  });
  process.on('uncaughtException', (error) => {
    const runtimeError = toRuntimeError(error);
    logInvokeError('Uncaught Exception', runtimeError);
    reportError(runtimeError, true, 129);
  });
  process.on('unhandledRejection', (reason) => {
    const runtimeError = { errorType: 'Runtime.UnhandledPromiseRejection', errorMessage: String(reason) };
    logInvokeError('Unhandled Promise Rejection', runtimeError);
    reportError(runtimeError, true, 128);
  });
  await configRead;
  try {
    handler = await loadHandler();
  } catch (error) {
    const runtimeError = toRuntimeError(error);
    logInvokeError('Init Error', runtimeError);
    reportError(runtimeError, true, 129);
    return;
  }
  isAsync = handler.constructor?.name === 'AsyncFunction';
  send(encodeReady());
}

void main();
