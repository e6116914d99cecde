/** Opens a Data API target on PGlite or a PostgreSQL server, for the command-line tools. */
import { mkdirSync } from 'node:fs';
import {
  createDataApiCore, createPgliteBackend, createPostgresBackend, DEFAULT_RESOURCE_ARN, DEFAULT_SECRET_ARN,
} from '../../local/plugins/data-api/index.js';
import type { DataApiTarget } from '../data-api.js';

/** Where the embedded database lives unless --data-dir says otherwise. */
export const DEFAULT_DATA_DIR = '.data/pglite';

/** Options of {@link openLocalTarget}. */
export interface LocalTargetOptions {
  /** PGlite folder. @default '.data/pglite' */
  dataDir?: string;
  /** PostgreSQL connection URL; when set, used instead of PGlite. */
  dbUrl?: string;
}

/** A Data API target backed by the offline core, and the function that closes it. */
export interface LocalTarget {
  target: DataApiTarget;
  description: string;
  close(): Promise<void>;
}

/** Builds the offline Data API core on the chosen database. */
export function openLocalTarget(options: LocalTargetOptions = {}): LocalTarget {
  const dataDir = options.dataDir ?? DEFAULT_DATA_DIR;
  // PGlite creates its own folder but not the parents (.data/ on a fresh clone).
  if (!options.dbUrl) mkdirSync(dataDir, { recursive: true });
  const backend = options.dbUrl ? createPostgresBackend({ url: options.dbUrl }) : createPgliteBackend({ dataDir });
  const core = createDataApiCore({ backend });
  return {
    target: { api: core, resourceArn: DEFAULT_RESOURCE_ARN, secretArn: DEFAULT_SECRET_ARN },
    description: options.dbUrl ? `PostgreSQL ${redactPassword(options.dbUrl)}` : `PGlite ${dataDir}`,
    close: () => core.close(),
  };
}

function redactPassword(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}
