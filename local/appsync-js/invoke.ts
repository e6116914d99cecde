import { CODE_FILE_NAME, type HandlerName } from '../../platform/appsync-js/constants.js';
import type { ResolverCode } from './load.js';
import type { HarnessOutput } from './sandbox/protocol.js';
import { recordHandlerCall } from './record.js';
import { warningLines } from './warn-once.js';
import { SandboxOutputTooLargeError, SandboxTimeoutError } from './sandbox/sandbox.js';
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

/**
 * Runs `request` or `response` of a loaded file with `ctx`, synchronously, stopped at the deadline.
 * Never throws for anything the resolver does: errors come back in the outcome.
 */
export function invokeHandler(code: ResolverCode, handler: HandlerName, ctx: HandlerContext, options: InvokeOptions): HandlerOutcome {
  const timeLeft = options.deadline - Date.now();
  if (timeLeft <= 0) return failedOutcome(ctx, failure('Execution timed out.', AppSyncErrorTypes.EXECUTION_TIMEOUT));
  const { authMode, ...context } = ctx;
  recordHandlerCall(code.file, handler, ctx);
  const invocation = { fieldName: ctx.info.fieldName, parentTypeName: ctx.info.parentTypeName, authMode: authMode ?? 'API_KEY' };
  let output: HarnessOutput;
  try {
    output = code.sandbox.invoke({ handler, ctx: context, invocation, requestId: options.requestId }, timeLeft);
  } catch (error) {
    const log = (message: string): ResolverLogLine[] => [{ level: 'ERROR', message, file: code.file, handler }];
    if (error instanceof SandboxTimeoutError) {
      return failedOutcome(ctx, failure('Execution timed out.', AppSyncErrorTypes.EXECUTION_TIMEOUT), log(error.message));
    }
    if (error instanceof SandboxOutputTooLargeError) {
      return failedOutcome(ctx, failure(error.message, AppSyncErrorTypes.RESOLVER_OUTPUT_TOO_LARGE), log(error.message));
    }
    throw error;
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
