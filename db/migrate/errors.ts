/** Errors of the migration runner. Each message names the migration it is about. */

/** A migration file is unusable (bad name, empty, duplicate number). */
export class MigrationFileError extends Error {
  override readonly name = 'MigrationFileError';
}

/**
 * The database's applied history does not match the migration files: a file changed after it
 * was applied, an applied migration has no file, or a pending file sorts before an applied one.
 * The runner applies nothing in that case.
 */
export class MigrationHistoryError extends Error {
  override readonly name = 'MigrationHistoryError';
  constructor(
    message: string,
    readonly migration: string,
  ) {
    super(message);
  }
}

/** A statement of a migration failed; its transaction was rolled back. */
export class MigrationFailedError extends Error {
  override readonly name = 'MigrationFailedError';
  constructor(
    message: string,
    readonly migration: string,
    readonly statementIndex: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
