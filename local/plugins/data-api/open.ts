/**
 * Opens the database a project runs on offline: the embedded PGlite under the data folder, or a
 * PostgreSQL server when a URL is given. The server and the task command open it the same way.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createPgliteBackend } from './backends/pglite.js';
import { lockDataFolder } from './data-folder-lock.js';
import { assertDatabaseFolder, deleteDatabaseFolder } from './data-folder.js';
import { createPostgresBackend } from './backends/postgres.js';
import { createDataApiCore, type DataApiCore } from './core.js';

/** Where the embedded database lives. */
export interface LocalDatabaseOptions {
  /** The data folder; PGlite keeps its files in its `pglite` subfolder. */
  readonly dataDir: string;
  /** A PostgreSQL server to use instead. */
  readonly dbUrl?: string;
  /** Delete the PGlite database first (after the caller has asked the user). @default false */
  readonly resetData?: boolean;
}

/** The Data API core on the chosen database, and a line that says which database it is. */
export function openLocalDatabase(options: LocalDatabaseOptions): { core: DataApiCore; description: string } {
  if (options.dbUrl) {
    return {
      core: createDataApiCore({ backend: createPostgresBackend({ url: options.dbUrl }) }),
      description: `PostgreSQL ${redactPassword(options.dbUrl)}`,
    };
  }
  const pgliteDir = join(options.dataDir, 'pglite');
  // PGlite creates its own folder but not its parents (.data/ on a fresh clone).
  mkdirSync(options.dataDir, { recursive: true });
  // Claimed before anything reads or deletes the folder; freed when the core closes.
  const lock = lockDataFolder(options.dataDir);
  let backend;
  try {
    if (options.resetData) deleteDatabaseFolder(pgliteDir);
    assertDatabaseFolder(pgliteDir);
    backend = createPgliteBackend({ dataDir: pgliteDir });
  } catch (error) {
    lock.release();
    throw error;
  }
  const owned = {
    ...backend,
    async close() {
      try {
        await backend.close();
      } finally {
        lock.release();
      }
    },
  };
  const tookOver = lock.tookOverFrom === undefined ? '' : ` (took over the lock left by process ${lock.tookOverFrom}, which is gone)`;
  return { core: createDataApiCore({ backend: owned }), description: `PGlite ${pgliteDir}${tookOver}` };
}

function redactPassword(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}
