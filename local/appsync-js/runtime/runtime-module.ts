/** The `runtime` export of `@aws-appsync/utils`. */
import { earlyReturnSignal } from './signals.js';

/** `runtime.earlyReturn(value?, { skipTo? })`: throws the early-return signal. */
export function createRuntimeModule() {
  return {
    earlyReturn(value?: unknown, options?: { skipTo?: unknown }): never {
      const skipTo = options?.skipTo ?? 'END';
      if (skipTo !== 'END' && skipTo !== 'NEXT') throw new Error(`earlyReturn skipTo must be 'END' or 'NEXT'`);
      throw earlyReturnSignal(value === undefined ? null : value, skipTo);
    },
  };
}
