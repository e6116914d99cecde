import { AsyncResource } from 'node:async_hooks';
import { DatabaseUnavailableError } from '../errors.js';
import type { DatabaseBackend } from './types.js';

/** A backend whose sessions wait for the database to be prepared, and `ready()` to start that early. */
export interface PreparedBackend extends DatabaseBackend {
  /**
   * Opens and prepares the database now if nothing has yet; settles when it is ready, or rejects
   * with the reason it could not open or be prepared (unmasked, for the person starting the server).
   */
  ready(): Promise<void>;
}

/**
 * Wraps `backend` so that its first use (a session, `opened()` or `ready()`) opens the database
 * and runs `prepare` (the project's migrations and seed) before any session is handed out. The
 * preparation runs once; `prepare` itself must use `backend`, not this wrapper. A server whose
 * API never reaches its database then never opens it, and one that does answers its other
 * queries while the database gets ready.
 */
export function preparedBackend(backend: DatabaseBackend, prepare: () => Promise<void>): PreparedBackend {
  let preparing: Promise<void> | undefined;
  // Run in the context the wrapper was made in, not the first caller's: the migrations' SQL is
  // the server's own, not part of the request that happened to come first (request traces).
  const outside = new AsyncResource('DatabasePreparation');
  const ready = (): Promise<void> => (preparing ??= outside.runInAsyncScope(() => backend.opened().then(prepare)));
  return {
    kind: backend.kind,
    canCancel: backend.canCancel,
    async acquire(signal) {
      await settledOrAborted(ready(), signal).catch((error: unknown) => {
        if (signal?.aborted) throw error;
        // Said on every statement until the server restarts, as a database that is down would be.
        const reason = error instanceof Error ? error.message : String(error);
        throw new DatabaseUnavailableError(`it could not be opened and prepared (${reason})`, { cause: error });
      });
      return backend.acquire(signal);
    },
    opened: ready,
    ready,
    async close() {
      // A preparation under way finishes its statement first; closing makes its next one fail.
      await backend.close();
    },
  };
}

/** Settles as `work` does, or rejects with the signal's reason once it aborts, whichever is first. */
function settledOrAborted(work: Promise<void>, signal: AbortSignal | undefined): Promise<void> {
  if (!signal) return work;
  signal.throwIfAborted();
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
