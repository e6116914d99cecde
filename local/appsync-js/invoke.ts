import { CODE_FILE_NAME, type HandlerName } from '../../platform/appsync-js/constants.js';
import type { ResolverCode } from './load.js';
import type { HarnessInput, HarnessOutput } from './sandbox/protocol.js';
import { recordHandlerCall } from './record.js';
import { warningLines } from './warn-once.js';
import { parseHarnessOutput, SandboxOutputTooLargeError, SandboxTimeoutError } from './sandbox/sandbox.js';
import { nonePayload } from './none-data-source.js';
import type { DataSourceError, FieldContextInput, FieldErrorEntry, HandlerOutcome, ResolverLogLine } from './types.js';
import { AppSyncErrorTypes } from '../plugins/shared/error-types.js';

/** The `ctx` of one handler call: the field's context plus the executor's parts. */
export interface HandlerContext extends FieldContextInput {
  stash: Record<string, unknown>;
  /** Pipeline steps after the first: the previous step's result. */
  prev?: { result: unknown };
  /** Response handlers: what the data source returned. */
  result?: unknown;
  /** Response handlers: the data source's failure. */
  error?: DataSourceError;
}

/** When and for which GraphQL request a handler runs. */
export interface InvokeOptions {
  /** Epoch milliseconds by which the whole GraphQL request must end (30 s after it started). */
  deadline: number;
  /** Identifies the GraphQL request; a new id resets the runtime's request-wide limits. */
  requestId: string;
}

function noEffects(): HandlerOutcome['effects'] {
  return { subscriptionFilter: null, subscriptionInvalidationFilter: null, invalidations: [], cacheEvictions: [], responseHeaders: {} };
}

function failure(message: string, errorType: string): FieldErrorEntry {
  return { message, errorType, data: null, errorInfo: null };
}

/** An outcome for a call that never produced output (deadline, oversized output). */
function failedOutcome(ctx: HandlerContext, error: FieldErrorEntry, logs: ResolverLogLine[] = []): HandlerOutcome {
  return { end: { kind: 'error', error }, appendedErrors: [], stash: ctx.stash, logs, effects: noEffects() };
}

// The executed copy reaches imports through esbuild's CommonJS bindings (`import_utils.util`);
// AppSync runs the ES module itself, so messages name the import as written (`util`).
const COMMONJS_BINDING = /\bimport_[A-Za-z0-9_$]+\./g;

/** Turns a JavaScript exception into AppSync's `Code` error: `code.js:line:col: Name: message`. */
function exceptionEntry(
  code: ResolverCode,
  handler: HandlerName,
  end: Extract<HarnessOutput['end'], { kind: 'exception' }>,
): { error: FieldErrorEntry; log: ResolverLogLine } {
  const deployed = end.line !== null && end.column !== null ? code.executedToDeployed.toSource(end.line, end.column) : undefined;
  const message = end.message.replace(COMMONJS_BINDING, '');
  const where = deployed ? `${CODE_FILE_NAME}:${deployed.line}:${deployed.column}: ` : '';
  const source = deployed ? code.deployedToSource.toSource(deployed.line, deployed.column) : undefined;
  const at = source ? ` (at ${source.file}:${source.line}:${source.column})` : '';
  // The built-in modules' errors have no name: AWS reports their sentence alone (runtime/module-error.ts).
  const text = end.name === '' ? message : `${end.name}: ${message}`;
  return {
    error: failure(`${where}${text}`, AppSyncErrorTypes.CODE),
    log: { level: 'ERROR', message: `${text}${at}`, file: code.file, handler },
  };
}

function timedOut(ctx: HandlerContext): HandlerOutcome {
  return failedOutcome(ctx, failure('Execution timed out.', AppSyncErrorTypes.EXECUTION_TIMEOUT));
}

function harnessInput(handler: HandlerName, ctx: HandlerContext, options: InvokeOptions): HarnessInput {
  const { authMode, ...context } = ctx;
  const invocation = { fieldName: ctx.info.fieldName, parentTypeName: ctx.info.parentTypeName, authMode: authMode ?? 'API_KEY' };
  return { handler, ctx: context, invocation, requestId: options.requestId };
}

/** The outcome of a call the sandbox could not finish (deadline, oversized output). */
function sandboxFailure(code: ResolverCode, handler: HandlerName, ctx: HandlerContext, error: unknown): HandlerOutcome {
  const log = (message: string): ResolverLogLine[] => [{ level: 'ERROR', message, file: code.file, handler }];
  if (error instanceof SandboxTimeoutError) {
    return failedOutcome(ctx, failure('Execution timed out.', AppSyncErrorTypes.EXECUTION_TIMEOUT), log(error.message));
  }
  if (error instanceof SandboxOutputTooLargeError) {
    return failedOutcome(ctx, failure(error.message, AppSyncErrorTypes.RESOLVER_OUTPUT_TOO_LARGE), log(error.message));
  }
  throw error;
}

/** Turns what the sandbox produced into the outcome, with logs, warnings and AppSync's error shapes. */
function handlerOutcome(code: ResolverCode, handler: HandlerName, ctx: HandlerContext, produce: () => HarnessOutput): HandlerOutcome {
  let output: HarnessOutput;
  try {
    output = produce();
  } catch (error) {
    return sandboxFailure(code, handler, ctx, error);
  }
  const { warnings, ...rest } = output;
  const logs: ResolverLogLine[] = [
    ...output.logs.map((line) => ({ ...line, file: code.file, handler })),
    ...warningLines(code, handler, warnings),
  ];
  const { end } = rest;
  if (end.kind !== 'exception') return { ...rest, end, logs };
  const { error, log } = exceptionEntry(code, handler, end);
  return { ...rest, end: { kind: 'error', error }, logs: [...logs, log] };
}

/**
 * Runs `request` or `response` of a loaded file with `ctx`, synchronously, stopped at the deadline.
 * Never throws for anything the resolver does: errors come back in the outcome.
 */
export function invokeHandler(code: ResolverCode, handler: HandlerName, ctx: HandlerContext, options: InvokeOptions): HandlerOutcome {
  const timeLeft = options.deadline - Date.now();
  if (timeLeft <= 0) return timedOut(ctx);
  recordHandlerCall(code.file, handler, ctx);
  return handlerOutcome(code, handler, ctx, () => code.sandbox.invoke(harnessInput(handler, ctx, options), timeLeft));
}

/**
 * A unit resolver on a NONE data source: `request`, then (when it returns) `response` with its
 * `payload` as `ctx.result`, in one call to the sandbox. Each outcome is what `invokeHandler`
 * would give for that handler; there is no `response` when `request` did not return.
 */
export function invokeThroughNone(
  code: ResolverCode,
  ctx: HandlerContext,
  options: InvokeOptions,
): { request: HandlerOutcome; response?: HandlerOutcome } {
  const timeLeft = options.deadline - Date.now();
  if (timeLeft <= 0) return { request: timedOut(ctx) };
  recordHandlerCall(code.file, 'request', ctx);
  let texts: { request: string; response?: string };
  try {
    texts = code.sandbox.invokeThroughNone(harnessInput('request', ctx, options), timeLeft);
  } catch (error) {
    return { request: sandboxFailure(code, 'request', ctx, error) };
  }
  const { response: responseText } = texts;
  const request = handlerOutcome(code, 'request', ctx, () => parseHarnessOutput(texts.request));
  if (responseText === undefined || request.end.kind !== 'return') return { request };
  const responseCtx: HandlerContext = { ...ctx, result: nonePayload(request.end.value), stash: request.stash };
  recordHandlerCall(code.file, 'response', responseCtx);
  // Past the deadline no data source answers and no handler starts (field-run.ts, invokeHandler).
  if (Date.now() >= options.deadline) return { request, response: timedOut(responseCtx) };
  return { request, response: handlerOutcome(code, 'response', responseCtx, () => parseHarnessOutput(responseText)) };
}
