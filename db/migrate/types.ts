/** A migration ready to run: its statements split one per Data API call. */
export interface PreparedMigration {
  /** The file name without `.sql`, e.g. `0003_inventory`; migrations run in name order. */
  name: string;
  /** SHA-256 (hex) of the file text with line endings normalised to `\n`. */
  checksum: string;
  /** The file's statements, one per ExecuteStatement call. */
  statements: string[];
}

/** A row of the history table. */
export interface AppliedMigration {
  name: string;
  checksum: string;
}

/** What a run did. */
export interface MigrationResult {
  /** Names applied by this run, in order. */
  applied: string[];
  /** Names that were already applied before this run. */
  alreadyApplied: string[];
}

/** Options of a migration run. */
export interface MigrateOptions {
  /** Receives one line per step. @default no output */
  log?: (line: string) => void;
}
