import { AppSyncJsLimits } from '../../platform/appsync-js/constants.js';
import { PipelineConfigError } from '../../platform/appsync-js/errors.js';
import { FieldRun, type ResolveOptions } from './field-run.js';
import type { ResolverCode } from './load.js';
import type { DataSourceCall, FieldContextInput, FieldResolution, HandlerEnd } from './types.js';

/** One function of a pipeline: its code and its data source. */
export interface PipelineFunction {
  readonly code: ResolverCode;
  readonly dataSource: DataSourceCall;
}

/** A pipeline resolver: optional before/after code around 1-10 functions. */
export interface PipelineResolver {
  /** Without code: `request` returns `{}` and `response` returns `ctx.prev.result`. */
  readonly code: ResolverCode | undefined;
  readonly functions: readonly PipelineFunction[];
}

/**
 * Checks a pipeline the way AppSync does when it is created.
 * @throws PipelineConfigError for no functions or more than 10
 */
export function createPipelineResolver(code: ResolverCode | undefined, functions: readonly PipelineFunction[]): PipelineResolver {
  const max = AppSyncJsLimits.MAX_PIPELINE_FUNCTIONS;
  if (functions.length === 0 || functions.length > max) {
    throw new PipelineConfigError(`A pipeline resolver has 1 to ${max} functions; this one has ${functions.length}`);
  }
  return { code, functions: [...functions] };
}

/** Where the pipeline goes after a handler ended: on with `prev`, straight to the end, or failed. */
type Next = { go: 'next' | 'end'; prev: unknown } | { go: 'fail'; end: Extract<HandlerEnd, { kind: 'error' }> };

function afterFunctionHandler(end: HandlerEnd): Next {
  if (end.kind === 'error') return { go: 'fail', end };
  if (end.kind === 'earlyReturn') return { go: end.skipTo === 'END' ? 'end' : 'next', prev: end.value };
  return { go: 'next', prev: end.value };
}

async function runFunction(run: FieldRun, fn: PipelineFunction, prev: unknown): Promise<Next> {
  const request = run.step(fn.code, 'request', { prev: { result: prev } });
  if (request.kind !== 'return') return afterFunctionHandler(request);
  const answer = await run.callDataSource(fn.dataSource, request.value);
  const response = run.step(fn.code, 'response', { prev: { result: prev }, ...answer });
  return afterFunctionHandler(response);
}

/**
 * Resolves a field with a pipeline resolver (https://docs.aws.amazon.com/appsync/latest/devguide/pipeline-resolvers-js.html): resolver `request`,
 * each function's `request` → data source → `response` (each return value is the next
 * `ctx.prev.result`), then resolver `response`. One stash is shared by every step.
 * `runtime.earlyReturn` in the resolver request skips every function; in a function request it
 * skips that function's data source and response (`skipTo: 'END'` skips the remaining functions
 * too). `util.error` or a JavaScript error anywhere stops the pipeline with the field `null`.
 */
export async function runPipelineResolver(
  pipeline: PipelineResolver,
  field: FieldContextInput,
  options: ResolveOptions,
): Promise<FieldResolution> {
  const run = new FieldRun(field, options);
  let prev: unknown = {};
  let skipFunctions = false;
  if (pipeline.code) {
    const before = run.step(pipeline.code, 'request', {});
    if (before.kind === 'error') return run.fail(before.error);
    prev = before.value;
    skipFunctions = before.kind === 'earlyReturn';
  }
  for (const fn of skipFunctions ? [] : pipeline.functions) {
    const next = await runFunction(run, fn, prev);
    if (next.go === 'fail') return run.fail(next.end.error);
    prev = next.prev;
    if (next.go === 'end') break;
  }
  if (!pipeline.code) return run.succeed(prev);
  const after = run.step(pipeline.code, 'response', { prev: { result: prev } });
  if (after.kind === 'error') return run.fail(after.error);
  return run.succeed(after.value);
}
