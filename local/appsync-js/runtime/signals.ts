/**
 * Control-flow signals: the plain objects that `util.error`, `util.unauthorized` and
 * `runtime.earlyReturn` throw, and the check the executor uses to recognise them.
 * Plain objects (not Error instances) so that nothing of the host realm is involved and the
 * executor can tell them from a JavaScript error of the resolver.
 */
import { SIGNAL_KEY, SignalKind } from './constants.js';
import type { EarlyReturnSignal, ErrorSignal, Signal, UnauthorizedSignal } from './types.js';

/** Build the object `util.error` throws. */
export function errorSignal(message: unknown, errorType: unknown, data: unknown, errorInfo: unknown): ErrorSignal {
  return {
    [SIGNAL_KEY]: SignalKind.ERROR,
    message: String(message),
    errorType: errorType === undefined || errorType === null ? null : String(errorType),
    data: data === undefined ? null : data,
    errorInfo: errorInfo === undefined ? null : errorInfo,
  };
}

/**
 * Build the object `util.unauthorized` throws. In a GraphQL request AWS names the field; with no
 * field (an `EvaluateCode` call, whose context has none) its message is `Unauthorized`.
 */
export function unauthorizedSignal(fieldName: string, parentTypeName: string): UnauthorizedSignal {
  return {
    [SIGNAL_KEY]: SignalKind.UNAUTHORIZED,
    message: fieldName === '' ? 'Unauthorized' : `Not Authorized to access ${fieldName} on type ${parentTypeName}`,
    errorType: 'Unauthorized',
    data: null,
    errorInfo: null,
  };
}

/** Build the object `runtime.earlyReturn` throws. */
export function earlyReturnSignal(value: unknown, skipTo: 'END' | 'NEXT'): EarlyReturnSignal {
  return { [SIGNAL_KEY]: SignalKind.EARLY_RETURN, value, skipTo };
}

const KINDS: readonly string[] = Object.values(SignalKind);

/**
 * The signal `thrown` carries, or `undefined` when it is anything else (a resolver's own runtime
 * error). Reads only own data properties, so a getter planted by resolver code never runs.
 */
export function readSignal(thrown: unknown): Signal | undefined {
  if (typeof thrown !== 'object' || thrown === null) return undefined;
  const marker = Object.getOwnPropertyDescriptor(thrown, SIGNAL_KEY);
  if (!marker || !('value' in marker) || !KINDS.includes(marker.value as string)) return undefined;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(thrown)) {
    const descriptor = Object.getOwnPropertyDescriptor(thrown, key);
    if (descriptor && 'value' in descriptor) copy[key] = descriptor.value;
  }
  return copy as unknown as Signal;
}
