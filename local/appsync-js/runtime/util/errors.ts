/**
 * `util.error`, `util.appendError`, `util.unauthorized` and `util.authType`: the
 * functions that read or write the state of the current handler call.
 */
import { AuthTypeNames } from '../constants.js';
import { errorSignal, unauthorizedSignal } from '../signals.js';
import type { RuntimeState } from '../state.js';

/** The error and auth members of `util`, bound to one runtime state. */
export function createErrorUtils(state: RuntimeState) {
  return {
    /** Throws: the field resolves to null with one error entry. */
    error(message: unknown, errorType?: unknown, data?: unknown, errorInfo?: unknown): never {
      throw errorSignal(message, errorType, data, errorInfo);
    },
    /** Records an error and returns; the handler's value is still used. */
    appendError(message: unknown, errorType?: unknown, data?: unknown, errorInfo?: unknown): void {
      const { __appsyncSignal: _marker, ...entry } = errorSignal(message, errorType, data, errorInfo);
      state.effects.errors.push(entry);
    },
    /** Throws `Unauthorized` for the current field. */
    unauthorized(): never {
      throw unauthorizedSignal(state.call.fieldName, state.call.parentTypeName);
    },
    /** The auth mode of the request, in AppSync's words; API key when none was given. */
    authType(): string {
      return AuthTypeNames[state.call.authMode ?? 'API_KEY'];
    },
  };
}
