/**
 * Per-request and per-invocation state of one runtime instance. `util` and `extensions` write
 * into it; the executor resets and collects it through `beginRequest` / `beginInvocation` /
 * `endInvocation` (see `types.ts`).
 */
import type { AuthMode, Effects, InvocationInfo } from './types.js';

/** What the current handler call is (primitives copied from the executor's `InvocationInfo`). */
export interface CurrentCall {
  fieldName: string;
  parentTypeName: string;
  authMode: AuthMode | undefined;
}

/** Mutable state shared by the runtime's modules. */
export interface RuntimeState {
  call: CurrentCall;
  effects: Effects;
  /** JSON keys of the distinct invalidations made so far in this request. */
  invalidationKeys: string[];
  /** Every response header set so far in this request, for the 4 KB budget (last one wins). */
  requestHeaders: Record<string, string>;
}

/** Fresh, empty effects. */
export function emptyEffects(): Effects {
  return {
    errors: [],
    subscriptionFilter: null,
    subscriptionInvalidationFilter: null,
    invalidations: [],
    cacheEvictions: [],
    responseHeaders: {},
    warnings: [],
  };
}

/** A new state, as before any request. */
export function createRuntimeState(): RuntimeState {
  return {
    call: { fieldName: '', parentTypeName: '', authMode: undefined },
    effects: emptyEffects(),
    invalidationKeys: [],
    requestHeaders: {},
  };
}

/** Forget the request-wide state. */
export function resetRequest(state: RuntimeState): void {
  state.invalidationKeys = [];
  state.requestHeaders = {};
}

/** Start a handler call: copy the primitives of `info`, clear the effects. */
export function startInvocation(state: RuntimeState, info: InvocationInfo): void {
  state.call = {
    fieldName: String(info.fieldName),
    parentTypeName: String(info.parentTypeName),
    authMode: info.authMode === undefined ? undefined : (String(info.authMode) as AuthMode),
  };
  state.effects = emptyEffects();
}

/** End a handler call: hand back its effects and start an empty set. */
export function finishInvocation(state: RuntimeState): Effects {
  const effects = state.effects;
  state.effects = emptyEffects();
  return effects;
}
