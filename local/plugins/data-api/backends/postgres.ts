import type pg from 'pg';
import { createPgSession, SESSION_SETUP_SQL, TEXT_VALUES } from './pg-session.js';
import { DATA_API_ROLE, prepareDataApiRole } from './data-api-role.js';
import type { DatabaseBackend, DatabaseSession } from './types.js';

export interface PostgresBackendOptions {
  /** Connection URL, e.g. `postgres://postgres@127.0.0.1:5432/roam`. */
  url: string;
  /**
   * Most connections open at once; each open transaction holds one.
   * @default 10
   */
  maxConnections?: number;
  /**
   * Run statements as this non-superuser role, set up with `url` on first use (data-api-role.ts);
   * false runs them as the URL's user.
   * @default 'roam_data_api'
   */
  role?: string | false;
}

/**
 * A PostgreSQL server behind a connection pool. Each call or transaction holds its own
 * connection, so concurrent transactions really are concurrent (and block on locks as
 * PostgreSQL decides).
 */
export function createPostgresBackend(options: PostgresBackendOptions): DatabaseBackend {
  const role = options.role ?? DATA_API_ROLE;
  // The pool connects as the role once it is set up; an acquire waits for that, and tries again
  // after a failure (the server may have been down).
  let ready: Promise<pg.Pool> | undefined;
  const poolReady = (): Promise<pg.Pool> =>
    (ready ??= (role === false ? Promise.resolve(options.url) : prepareDataApiRole(options.url, role))
      .then(async (url) => openPool((await import('pg')).default, url, options))
      .catch((error: unknown) => {
        ready = undefined;
        throw error;
      }));

  const cancelBackend = async (processId: number): Promise<void> => {
    const { default: pg } = await import('pg');
    const canceller = new pg.Client({ connectionString: options.url });
    try {
      await canceller.connect();
      await canceller.query('select pg_cancel_backend($1)', [processId]);
    } finally {
      await canceller.end().catch(() => undefined);
    }
  };

  return {
    kind: 'postgres',
    canCancel: true,
    async acquire(signal?: AbortSignal): Promise<DatabaseSession> {
      const client = await connectUnlessAborted(await poolReady(), signal);
      return createPgSession(client, {
        cancel: () => cancelBackend((client as { processID?: number }).processID ?? 0),
        release: (destroy) => client.release(destroy),
        prepare: true,
      });
    },
    // A pool connects on demand: a server that is down is reported by the first statement.
    async opened(): Promise<void> {},
    async close(): Promise<void> {
      const pool = await ready?.catch(() => undefined);
      await pool?.end();
    },
  };
}

// pg is loaded on first use: a server on PGlite (the default) that never reaches it does not pay for it.
function openPool(pg: typeof import('pg').default, url: string, options: PostgresBackendOptions): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max: options.maxConnections ?? 10, types: TEXT_VALUES });
  // An idle client that loses its connection emits 'error' on the pool; without a listener that
  // would crash the process. The next acquire gets a fresh connection.
  pool.on('error', () => undefined);
  // Each new connection gets our settings before any statement (a client runs its queries in
  // order), whatever the URL's `options` or the role's defaults say.
  pool.on('connect', (client) => {
    client.query(SESSION_SETUP_SQL).catch(() => undefined);
  });
  return pool;
}

/** A pooled client, or the signal's reason if it aborts first (a late client goes back to the pool). */
function connectUnlessAborted(pool: pg.Pool, signal: AbortSignal | undefined): Promise<pg.PoolClient> {
  signal?.throwIfAborted();
  const connecting = pool.connect();
  if (!signal) return connecting;
  return new Promise((resolve, reject) => {
    const onAbort = (): void => {
      reject(signal.reason);
      void connecting.then(
        (client) => client.release(),
        () => undefined,
      );
    };
    signal.addEventListener('abort', onAbort, { once: true });
    connecting.then(
      (client) => {
        signal.removeEventListener('abort', onAbort);
        if (signal.aborted) client.release();
        else resolve(client);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
