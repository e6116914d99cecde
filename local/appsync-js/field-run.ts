import type { HandlerName } from '../../platform/appsync-js/constants.js';
import { invokeHandler, invokeThroughNone, type HandlerContext, type InvokeOptions } from './invoke.js';
import type { ResolverCode } from './load.js';
import type {
  DataSourceCall,
  DataSourceOutcome,
  FieldContextInput,
  FieldErrorEntry,
  FieldResolution,
  HandlerEnd,
  HandlerOutcome,
  RuntimeSideEffects,
  ResolverLogLine,
} from './types.js';

/** What a step adds to `ctx` besides the field's context and the stash. */
export type StepExtras = Pick<HandlerContext, 'prev' | 'result' | 'error'>;

/**
 * The state of one field resolution: the stash shared by every step, and the errors, logs and
 * effects collected so far, in order.
 */
export class FieldRun {
  #stash: Record<string, unknown> = {};
  readonly #errors: FieldErrorEntry[] = [];
  readonly #logs: ResolverLogLine[] = [];
  readonly #effects: RuntimeSideEffects[] = [];

  constructor(
    private readonly field: FieldContextInput,
    private readonly options: InvokeOptions,
  ) {}

  /** Runs one handler with the current stash, records what it produced, and says how it ended. */
  step(code: ResolverCode, handler: HandlerName, extras: StepExtras): HandlerEnd {
    const ctx: HandlerContext = { ...this.field, ...extras, stash: this.#stash };
    return this.#keep(invokeHandler(code, handler, ctx, this.options));
  }

  /**
   * A unit resolver on a NONE data source: `request` and, when it returns, `response` with its
   * `payload` as `ctx.result`, in one call to the sandbox; recorded as two steps.
   */
  stepsThroughNone(code: ResolverCode): { request: HandlerEnd; response?: HandlerEnd } {
    const { request, response } = invokeThroughNone(code, { ...this.field, stash: this.#stash }, this.options);
    return { request: this.#keep(request), ...(response && { response: this.#keep(response) }) };
  }

  #keep(outcome: HandlerOutcome): HandlerEnd {
    this.#stash = outcome.stash;
    this.#errors.push(...outcome.appendedErrors);
    this.#logs.push(...outcome.logs);
    this.#effects.push(outcome.effects);
    return outcome.end;
  }

  /** Calls the data source with what a request handler returned, as `ctx.result` / `ctx.error`. */
  async callDataSource(dataSource: DataSourceCall, request: unknown): Promise<Pick<HandlerContext, 'result' | 'error'>> {
    // Past the request's deadline its answer is already ExecutionTimeout: no statement or Lambda call starts for it.
    if (Date.now() >= this.options.deadline) return { result: null, error: { message: 'Execution timed out.', type: 'ExecutionTimeout' } };
    const outcome: DataSourceOutcome = await dataSource(request);
    return 'error' in outcome ? { result: null, error: outcome.error } : { result: outcome.result ?? null };
  }

  /** The field resolved to `value`. */
  succeed(value: unknown): FieldResolution {
    return {
      value: value === undefined ? null : value,
      errors: this.#errors,
      logs: this.#logs,
      effects: this.#effects,
      stash: this.#stash,
    };
  }

  /** The field failed: `null`, plus the error entry after those appended so far. */
  fail(error: FieldErrorEntry): FieldResolution {
    this.#errors.push(error);
    return this.succeed(null);
  }
}

/** The options every resolution needs. */
export type ResolveOptions = InvokeOptions;
