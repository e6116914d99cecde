/** Names and formats the migration runner relies on. */
export const MigrationConstants = {
  /** The table that records applied migrations (name, checksum, applied_at). */
  HISTORY_TABLE: 'schema_migrations',
  /** A migration file name: four digits, an underscore, lower-case words, `.sql`. */
  FILE_NAME_PATTERN: /^(\d{4})_([a-z0-9_]+)\.sql$/,
} as const;
