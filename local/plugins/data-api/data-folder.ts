/**
 * The PGlite database folder: refuses a folder that is not a PostgreSQL data directory before
 * PGlite would write a fresh database into it, turns PGlite's opaque start-up failures
 * (`RuntimeError: Aborted()`, "failed to initialize") into an error that names the folder and
 * what to do, and deletes it when the user asks for a fresh database.
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** The command that starts over with an empty database, named in every error below. */
export const RESET_ADVICE = 'npm start -- --reset-data deletes it and creates an empty database (it asks first; --yes skips the question)';

/** A data folder PGlite cannot use, with what is wrong and what to do. */
export class DataFolderError extends Error {
  override readonly name = 'DataFolderError';
  constructor(
    readonly folder: string,
    problem: string,
    options?: ErrorOptions,
  ) {
    super(
      [
        `The database folder ${folder} ${problem}`,
        `To keep its data, move it aside (or point --data-dir elsewhere). To start afresh: ${RESET_ADVICE}.`,
      ].join('\n'),
      options,
    );
  }
}

/** The PostgreSQL major version a data folder says it was made by, if it says. */
function pgVersionOf(folder: string): string | undefined {
  try {
    return readFileSync(join(folder, 'PG_VERSION'), 'utf8').trim();
  } catch {
    return undefined;
  }
}

/**
 * Checks a folder before PGlite opens it: missing or empty is fine (PGlite creates the database);
 * files without a `PG_VERSION` are someone else's, and PGlite would initialise a database over them.
 * @throws DataFolderError
 */
export function assertDatabaseFolder(folder: string): void {
  if (!existsSync(folder)) return;
  const entries = readdirSync(folder);
  if (entries.length === 0 || pgVersionOf(folder) !== undefined) return;
  const sample = entries.slice(0, 3).join(', ') + (entries.length > 3 ? ', \u2026' : '');
  throw new DataFolderError(folder, `is not a PGlite database: it holds other files (${sample}) and no PG_VERSION.`);
}

/** Why PGlite could not open a folder, said for the person who has to fix it. */
export function openFailure(folder: string, cause: unknown): DataFolderError {
  const detail = cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause);
  const version = pgVersionOf(folder);
  const what =
    version === undefined
      ? 'could not be opened as a PGlite database'
      : `(PostgreSQL ${version} files, by its PG_VERSION) could not be opened by this PGlite`;
  return new DataFolderError(
    folder,
    `${what}: it is damaged (a process stopped in the middle of a write, files removed) or was made by another PGlite or PostgreSQL version.\n  PGlite said: ${detail}`,
    { cause },
  );
}

/** Deletes the database folder (the keys and API key beside it stay). */
export function deleteDatabaseFolder(folder: string): void {
  rmSync(folder, { recursive: true, force: true });
}
