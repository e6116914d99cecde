import { mkdir } from 'node:fs/promises';
import type { PGlite } from '@electric-sql/pglite';
import type pg from 'pg';
import { openFailure } from '../data-folder.js';
import { clusterTarball, createClusterFromTemplate, hasCluster } from './pglite-template.js';
import { createPgSession, SESSION_SETUP_SQL, TEXT_VALUES } from './pg-session.js';
import { SessionLock } from './session-lock.js';
import type { DatabaseBackend, DatabaseSession } from './types.js';

export interface PgliteBackendOptions {
  /**
   * Folder that holds the database files; created on first use.
   * @default undefined (in memory, gone when closed)
   */
  dataDir?: string;
}

/**
 * The embedded PGlite database. It is a single PostgreSQL session, so it serves one statement
 * (or one open transaction) at a time; other calls wait. We talk to it through node-postgres
 * over PGlite's in-process stream, so both backends share one query path and PGlite reports
 * the same column descriptions (table, attribute, type modifier) as a server.
 *
 * It opens on first use (`acquire()` or `opened()`), not when created: PGlite costs a second or
 * more of CPU to open and 150-300 MB of memory, which an API that never reaches its database
 * should not pay.
 */
export function createPgliteBackend(options: PgliteBackendOptions = {}): DatabaseBackend {
  const lock = new SessionLock();
  let opening: Promise<{ lite: PGlite; client: pg.Client }> | undefined;
  const ready = () => (opening ??= open(options.dataDir));
  let session: DatabaseSession | undefined;

  return {
    kind: 'pglite',
    canCancel: false,
    async acquire(signal?: AbortSignal): Promise<DatabaseSession> {
      const { client } = await ready();
      await lock.acquire(signal);
      session ??= createPgSession(client, {
        // A PGlite statement runs to completion on the event loop; nothing can interrupt it.
        cancel: async () => undefined,
        release: () => lock.release(),
        prepare: true,
      });
      return session;
    },
    async opened(): Promise<void> {
      await ready();
    },
    async close(): Promise<void> {
      const opened = await opening?.catch(() => undefined);
      if (!opened) return; // it never opened: nothing to close
      const { lite, client } = opened;
      await client.end().catch(() => undefined);
      await lite.close();
    },
  };
}

/**
 * PostgreSQL's 128 MB default of shared buffers is most of an offline server's resident memory
 * (about 140 MB of the server's 420 MB, measured with bench/realtime.ts), while the local data set
 * fits in a few MB; 32 MB keeps it cached with room to spare.
 */
const SHARED_BUFFERS = ['-c', 'shared_buffers=32MB'];

async function open(dataDir: string | undefined): Promise<{ lite: PGlite; client: pg.Client }> {
  // Loaded here, not with this module: a server that never opens its database never loads them.
  const [{ PGlite }, { createPgConfig }, { default: pg }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('@electric-sql/pglite/node-postgres'),
    import('pg'),
  ]);
  const startParams = [...PGlite.defaultStartParams, ...SHARED_BUFFERS];
  // PGlite creates its own folder but not missing parents (`.data/` on a fresh clone).
  let lite: PGlite;
  try {
    if (dataDir !== undefined) {
      await mkdir(dataDir, { recursive: true });
      if (!hasCluster(dataDir)) await createClusterFromTemplate(dataDir);
    }
    lite =
      dataDir === undefined
        ? await PGlite.create({ loadDataDir: await clusterTarball(), startParams })
        : await PGlite.create(dataDir, { startParams });
  } catch (error) {
    throw dataDir === undefined ? error : openFailure(dataDir, error);
  }
  const client = new pg.Client({ ...(createPgConfig(lite) as unknown as pg.ClientConfig), types: TEXT_VALUES });
  await client.connect();
  await client.query(SESSION_SETUP_SQL);
  return { lite, client };
}
