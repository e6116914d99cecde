/**
 * An esbuild plugin that answers `import { migrationSources } from 'roam:migrations'` with the
 * SQL files of db/migrations, so the migration Lambda needs no files beside its bundle.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Plugin } from 'esbuild';
import { readMigrationSources, type MigrationSource } from '../../db/migrate/index.js';

export const MIGRATIONS_MODULE = 'roam:migrations';

/** A fingerprint of the migration files: the custom resource re-runs when it changes. */
export function migrationsFingerprint(sources: readonly MigrationSource[]): string {
  const hash = createHash('sha256');
  for (const source of sources) hash.update(`${source.fileName}\0${source.sql}\0`);
  return hash.digest('hex');
}

/** The plugin; `directory` holds the `NNNN_name.sql` files. */
export function migrationsModulePlugin(directory: string): Plugin {
  return {
    name: 'roam-migrations',
    setup(build) {
      build.onResolve({ filter: /^roam:migrations$/ }, () => ({ path: MIGRATIONS_MODULE, namespace: 'roam-migrations' }));
      build.onLoad({ filter: /.*/, namespace: 'roam-migrations' }, async () => {
        const sources = await readMigrationSources(directory);
        return {
          contents: `export const migrationSources = ${JSON.stringify(sources)};`,
          loader: 'js',
          watchFiles: sources.map((source) => path.join(directory, source.fileName)),
        };
      });
    },
  };
}
