import { fileURLToPath } from 'node:url';
import type { DataApiTarget } from '../../platform/data-api/types.js';
import { readMigrationSources } from './files.js';
import { prepareMigrations } from './prepare.js';
import { applyMigrations } from './runner.js';
import type { MigrateOptions, MigrationResult } from './types.js';

const DEFAULT_DIRECTORY = fileURLToPath(new URL('../migrations/', import.meta.url));

/** Options of {@link migrate}. */
export interface MigrateFromFilesOptions extends MigrateOptions {
  /** The folder holding the `NNNN_name.sql` files. @default this repository's db/migrations */
  directory?: string;
}

/**
 * Migrates a database from the SQL files on disk: what `npm run migrate` and `npm start` call.
 *
 * @example
 * await migrate(target, { log: console.log });
 */
export async function migrate(target: DataApiTarget, options: MigrateFromFilesOptions = {}): Promise<MigrationResult> {
  const sources = await readMigrationSources(options.directory ?? DEFAULT_DIRECTORY);
  return applyMigrations(target, await prepareMigrations(sources), options);
}
