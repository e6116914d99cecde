/**
 * `roam:migrations` is not a file: the deploy bundler (infra/build/migrations-plugin.ts) generates
 * it from db/migrations/*.sql, so the migration Lambda carries the exact files of its commit.
 */
declare module 'roam:migrations' {
  /** Each migration file's name and text, in name order (a `MigrationSource` of db/migrate). */
  export const migrationSources: readonly { readonly fileName: string; readonly sql: string }[];
}
