// Imported from its own module, not the plugin's index, so a migration Lambda bundles the
// splitter without PGlite or pg.
import { splitSqlStatements } from '../../platform/sql/split.js';
import { migrationChecksum } from './checksum.js';
import { MigrationConstants } from './constants.js';
import { MigrationFileError } from './errors.js';
import type { PreparedMigration } from './types.js';

/** A migration file's name and text, however it was read (disk, or bundled into a Lambda). */
export interface MigrationSource {
  /** The file name, e.g. `0003_inventory.sql`. */
  fileName: string;
  sql: string;
}

/**
 * Validates migration sources and prepares them for the runner: checks the names, sorts them,
 * computes checksums and splits each file into single statements (the Data API refuses
 * multi-statement calls).
 */
export async function prepareMigrations(sources: readonly MigrationSource[]): Promise<PreparedMigration[]> {
  const byNumber = new Map<string, string>();
  const prepared: PreparedMigration[] = [];
  for (const source of [...sources].sort((a, b) => a.fileName.localeCompare(b.fileName))) {
    const match = MigrationConstants.FILE_NAME_PATTERN.exec(source.fileName);
    if (!match) {
      throw new MigrationFileError(`Migration file ${source.fileName} must be named NNNN_lower_case_words.sql`);
    }
    const number = match[1] as string;
    const clash = byNumber.get(number);
    if (clash) throw new MigrationFileError(`Migrations ${clash} and ${source.fileName} share the number ${number}`);
    byNumber.set(number, source.fileName);
    const statements = splitSqlStatements(source.sql);
    if (statements.length === 0) throw new MigrationFileError(`Migration ${source.fileName} has no statements`);
    prepared.push({
      name: source.fileName.replace(/\.sql$/, ''),
      checksum: await migrationChecksum(source.sql),
      statements,
    });
  }
  return prepared;
}
