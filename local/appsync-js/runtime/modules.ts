/**
 * `createAppSyncModules()`: one runtime instance (see `types.ts` for the contract with the
 * executor). Pure ECMAScript, so the bundle can be evaluated inside the resolver sandbox.
 */
import { createExtensions } from './extensions.js';
import * as rds from './rds/index.js';
import { createRuntimeModule } from './runtime-module.js';
import { createRuntimeState, finishInvocation, resetRequest, startInvocation } from './state.js';
import type { AppSyncModules, InvocationInfo } from './types.js';
import { createUtil } from './util/index.js';

/** Create the modules a resolver imports, and the hooks the executor drives them with. */
export function createAppSyncModules(): AppSyncModules {
  const state = createRuntimeState();
  const util = createUtil(state);
  const extensions = createExtensions(state);
  const runtime = createRuntimeModule();
  return {
    modules: {
      '@aws-appsync/utils': { util, runtime, extensions },
      '@aws-appsync/utils/rds': { ...rds },
    },
    beginRequest: () => resetRequest(state),
    beginInvocation: (info: InvocationInfo) => startInvocation(state, info),
    endInvocation: () => finishInvocation(state),
  };
}
