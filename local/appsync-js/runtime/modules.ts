/**
 * `createAppSyncModules()`: one runtime instance (see `types.ts` for the contract with the
 * executor). Pure ECMAScript, so the bundle can be evaluated inside the resolver sandbox.
 */
import { createExtensions } from './extensions.js';
import * as ai from './ai.js';
import * as dynamodb from './dynamodb/index.js';
import * as rds from './rds/index.js';
import { createRuntimeModule } from './runtime-module.js';
import { createRuntimeState, finishInvocation, resetRequest, startInvocation } from './state.js';
import type { AppSyncModules, InvocationInfo } from './types.js';
import { createUtil } from './util/index.js';
import { takeWarnings } from './warnings.js';

function deepFreeze<T>(value: T): T {
  if ((typeof value === 'object' && value !== null) || typeof value === 'function') {
    if (Object.isFrozen(value)) return value;
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

/** Create the modules a resolver imports, and the hooks the executor drives them with. */
export function createAppSyncModules(): AppSyncModules {
  const state = createRuntimeState();
  const util = createUtil(state);
  const extensions = createExtensions(state);
  const runtime = createRuntimeModule();
  // Frozen so that one resolver cannot replace a util function for the next one sharing the context.
  const modules = deepFreeze({
    '@aws-appsync/utils': { util, runtime, extensions },
    '@aws-appsync/utils/rds': { ...rds },
    '@aws-appsync/utils/dynamodb': { ...dynamodb },
    '@aws-appsync/utils/ai': { ...ai },
  });
  return {
    modules,
    beginRequest: () => resetRequest(state),
    beginInvocation: (info: InvocationInfo) => {
      takeWarnings(); // anything raised outside a handler call belongs to none
      startInvocation(state, info);
    },
    endInvocation: () => {
      const effects = finishInvocation(state);
      effects.warnings.push(...takeWarnings());
      return effects;
    },
  };
}
