/**
 * The migration runner. It talks only to the Data API (db/data-api.ts), so the same code
 * migrates PGlite and PostgreSQL through the offline core and Aurora through the SDK's RDSData
 * client (from a CDK custom resource Lambda). It reads no files: callers pass prepared
 * migrations (see prepare.ts and files.ts).
 */
import type { DataApiTarget } from '../../platform/data-api/types.js';
import { MigrationConstants } from './constants.js';
import { MigrationFailedError } from './errors.js';
import { planMigrations } from './history.js';
import type { AppliedMigration, MigrateOptions, MigrationResult, PreparedMigration } from './types.js';

const TABLE = MigrationConstants.HISTORY_TABLE;

/**
 * Applies the pending migrations, each once, each in its own Data API transaction (Begin, one
 * ExecuteStatement per statement plus the history row, Commit; Rollback on failure).
 * Refuses to apply anything when the applied history differs from `migrations`.
 *
 * @example
 * const result = await applyMigrations(target, await readMigrations('db/migrations'));
 * console.log(result.applied);
 */
export async function applyMigrations(
  target: DataApiTarget,
  migrations: readonly PreparedMigration[],
  options: MigrateOptions = {},
): Promise<MigrationResult> {
  const log = options.log ?? (() => {});
  await ensureHistoryTable(target);
  const pending = planMigrations(await readHistory(target), migrations);
  const alreadyApplied = migrations.filter((m) => !pending.includes(m)).map((m) => m.name);
  const applied: string[] = [];
  for (const migration of pending) {
    if (await applyOne(target, migration, migrations)) {
      applied.push(migration.name);
      log(`applied ${migration.name} (${migration.statements.length} statements)`);
    } else {
      alreadyApplied.push(migration.name);
    }
  }
  if (applied.length === 0) log(`nothing to apply (${alreadyApplied.length} migrations already applied)`);
  return { applied, alreadyApplied };
}

/** Reads the applied history, in name order. */
export async function readHistory(target: DataApiTarget, transactionId?: string): Promise<AppliedMigration[]> {
  const result = await target.api.executeStatement({
    ...base(target),
    transactionId,
    sql: `SELECT name, checksum FROM ${TABLE} ORDER BY name`,
  });
  return (result.records ?? []).map((record) => ({
    name: record[0]?.stringValue ?? '',
    checksum: record[1]?.stringValue ?? '',
  }));
}

/**
 * Creates the history table if needed. Two runners racing here can both pass IF NOT EXISTS and
 * one fails on the catalog's unique index; that one carries on if the table now exists.
 */
async function ensureHistoryTable(target: DataApiTarget): Promise<void> {
  try {
    await target.api.executeStatement({
      ...base(target),
      sql:
        `CREATE TABLE IF NOT EXISTS ${TABLE} (` +
        'name text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
    });
  } catch (error) {
    const check = await target.api.executeStatement({ ...base(target), sql: `SELECT to_regclass('${TABLE}') IS NOT NULL` });
    if (check.records?.[0]?.[0]?.booleanValue !== true) throw error;
  }
}

/**
 * Applies one migration in one transaction. The history table is locked first and the history
 * re-checked, so two runners started together apply each migration once: the second one finds
 * it applied and returns false.
 */
async function applyOne(target: DataApiTarget, migration: PreparedMigration, all: readonly PreparedMigration[]): Promise<boolean> {
  const { transactionId } = await target.api.beginTransaction(base(target));
  const run = (sql: string, parameters?: { name: string; value: { stringValue: string } }[]) =>
    target.api.executeStatement({ ...base(target), transactionId, sql, parameters });
  let statementIndex = -1;
  try {
    await run(`LOCK TABLE ${TABLE} IN EXCLUSIVE MODE`);
    const pendingNow = planMigrations(await readHistory(target, transactionId), all);
    if (!pendingNow.some((m) => m.name === migration.name)) {
      await target.api.rollbackTransaction({ ...base(target), transactionId });
      return false;
    }
    for (statementIndex = 0; statementIndex < migration.statements.length; statementIndex++) {
      await run(migration.statements[statementIndex] as string);
    }
    statementIndex = -1;
    await run(`INSERT INTO ${TABLE} (name, checksum) VALUES (:name, :checksum)`, [
      { name: 'name', value: { stringValue: migration.name } },
      { name: 'checksum', value: { stringValue: migration.checksum } },
    ]);
    await target.api.commitTransaction({ ...base(target), transactionId });
    return true;
  } catch (error) {
    await target.api.rollbackTransaction({ ...base(target), transactionId }).catch(() => undefined);
    if (statementIndex < 0) throw error;
    const detail = error instanceof Error ? error.message : String(error);
    throw new MigrationFailedError(
      `Migration ${migration.name} failed at statement ${statementIndex + 1} of ${migration.statements.length} ` +
        `and was rolled back: ${detail}`,
      migration.name,
      statementIndex,
      { cause: error },
    );
  }
}

function base(target: DataApiTarget) {
  return { resourceArn: target.resourceArn, secretArn: target.secretArn, database: target.database };
}
