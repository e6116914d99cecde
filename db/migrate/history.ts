import { MigrationHistoryError } from './errors.js';
import type { AppliedMigration, PreparedMigration } from './types.js';

/**
 * Compares the database's applied history with the migration files and returns the migrations
 * still to apply, in order. Throws a {@link MigrationHistoryError} naming the first migration
 * that breaks the history: applied but missing from the files, changed since it was applied, or
 * pending while a later one is already applied.
 */
export function planMigrations(applied: readonly AppliedMigration[], files: readonly PreparedMigration[]): PreparedMigration[] {
  const filesByName = new Map(files.map((file) => [file.name, file]));
  const appliedNames = new Set<string>();
  for (const row of applied) {
    const file = filesByName.get(row.name);
    if (!file) {
      throw new MigrationHistoryError(
        `Migration ${row.name} is recorded as applied in this database but its file ${row.name}.sql is missing; ` +
          'restore it (applied migrations are never deleted or renamed).',
        row.name,
      );
    }
    if (file.checksum !== row.checksum) {
      throw new MigrationHistoryError(
        `Migration ${row.name} has changed since it was applied (applied checksum ${row.checksum.slice(0, 12)}…, ` +
          `file checksum ${file.checksum.slice(0, 12)}…); revert the edit and add a new migration instead.`,
        row.name,
      );
    }
    appliedNames.add(row.name);
  }
  const lastApplied = [...appliedNames].sort().at(-1);
  const pending = files.filter((file) => !appliedNames.has(file.name));
  const outOfOrder = lastApplied === undefined ? undefined : pending.find((file) => file.name < lastApplied);
  if (outOfOrder && lastApplied) {
    throw new MigrationHistoryError(
      `Migration ${outOfOrder.name} is not applied but sorts before ${lastApplied}, which is; ` +
        'migrations apply in name order, so give it a number after the last applied one.',
      outOfOrder.name,
    );
  }
  return pending;
}
