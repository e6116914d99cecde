/**
 * The Lambda data source as AppSync calls it: `Invoke` sends the payload itself
 * as the event; `BatchInvoke` sends the array of payloads once and expects an array of the same
 * length back. Any failure becomes `{ message, type: 'Lambda:Unhandled' }`, whatever error type
 * the function used: only the message crosses. Collecting a batch is the GraphQL server's job.
 */
import { APPSYNC_LAMBDA_ERROR_TYPE } from './constants.js';
import type { LambdaInvokeOutcome, LambdaRunner } from './types.js';

/** What a resolver sees: `ctx.result`, or `ctx.error` as AppSync fills it. */
export type LambdaDataSourceResult =
  { readonly result: unknown } | { readonly error: { readonly message: string; readonly type: typeof APPSYNC_LAMBDA_ERROR_TYPE } };

/** One Lambda function seen as an AppSync data source. */
export interface LambdaDataSource {
  /** `operation: 'Invoke'`: the event is `payload` itself. */
  invoke(payload: unknown): Promise<LambdaDataSourceResult>;
  /** `operation: 'BatchInvoke'`: one call with the array; item i of the answer belongs to payload i. */
  batchInvoke(payloads: readonly unknown[]): Promise<LambdaDataSourceResult[]>;
}

const unhandled = (message: string): LambdaDataSourceResult => ({ error: { message, type: APPSYNC_LAMBDA_ERROR_TYPE } });

function toResult(outcome: LambdaInvokeOutcome): LambdaDataSourceResult {
  return outcome.ok ? { result: outcome.result } : unhandled(outcome.errorMessage);
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return `an array of ${value.length} items`;
  return value === null ? 'null' : `a value of type ${typeof value}`;
}

/**
 * Wraps a runner's function as an AppSync Lambda data source.
 * @example
 * const ds = createLambdaDataSource(runner, 'priceRooms');
 * const [first, second] = await ds.batchInvoke([{ source: a }, { source: b }]);
 */
export function createLambdaDataSource(runner: Pick<LambdaRunner, 'invoke'>, functionName: string): LambdaDataSource {
  return {
    async invoke(payload) {
      return toResult(await runner.invoke(functionName, payload));
    },
    async batchInvoke(payloads) {
      if (payloads.length === 0) return [];
      const outcome = await runner.invoke(functionName, payloads);
      if (!outcome.ok) return payloads.map(() => unhandled(outcome.errorMessage));
      const { result } = outcome;
      if (!Array.isArray(result) || result.length !== payloads.length) {
        const message =
          `BatchInvoke of Lambda function "${functionName}" with ${payloads.length} payloads returned ${describe(result)}; ` +
          'it must return an array of the same length and order';
        return payloads.map(() => unhandled(message));
      }
      return result.map((item: unknown) => ({ result: item }));
    },
  };
}
