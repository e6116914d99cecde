/** Sends seed rows through the Data API in batches that stay well under its 4 MiB request limit. */
import type { SqlParameter } from '@aws-sdk/client-rds-data';
import type { DataApiTarget } from '../../platform/data-api/types.js';
import { SeedLimits } from './constants.js';

/** A column of a JSON-fed insert: its name and SQL type (as jsonb_to_recordset needs it). */
export type Column = readonly [name: string, type: string];

/** Runs one statement (autocommit) and returns the records. */
export async function execute(target: DataApiTarget, sql: string, parameters: SqlParameter[] = []) {
  const result = await target.api.executeStatement({
    resourceArn: target.resourceArn,
    secretArn: target.secretArn,
    database: target.database,
    sql,
    parameters,
  });
  return result;
}

/** A JSON parameter (the Data API's `typeHint: 'JSON'`). */
export function jsonParameter(name: string, value: unknown): SqlParameter {
  return { name, value: { stringValue: JSON.stringify(value) }, typeHint: 'JSON' };
}

/** A text parameter. */
export function textParameter(name: string, value: string): SqlParameter {
  return { name, value: { stringValue: value } };
}

/**
 * Inserts rows with `INSERT ... SELECT FROM jsonb_to_recordset(:rows)`: one statement per batch,
 * batches cut by serialised size.
 */
export async function insertRows(
  target: DataApiTarget,
  table: string,
  columns: readonly Column[],
  rows: readonly object[],
  onBatch?: (done: number) => void,
): Promise<void> {
  const names = columns.map(([name]) => name).join(', ');
  const definition = columns.map(([name, type]) => `${name} ${type}`).join(', ');
  const sql = `INSERT INTO ${table} (${names}) SELECT ${names} FROM jsonb_to_recordset(:rows::jsonb) AS r(${definition})`;
  for (const batch of batchesBySize(rows)) {
    await execute(target, sql, [jsonParameter('rows', batch.rows)]);
    onBatch?.(batch.end);
  }
}

function* batchesBySize(rows: readonly object[]): Generator<{ rows: object[]; end: number }> {
  let current: object[] = [];
  let bytes = 0;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as object;
    const size = JSON.stringify(row).length + 1;
    if (current.length > 0 && bytes + size > SeedLimits.MAX_BATCH_JSON_BYTES) {
      yield { rows: current, end: i };
      current = [];
      bytes = 0;
    }
    current.push(row);
    bytes += size;
  }
  if (current.length > 0) yield { rows: current, end: rows.length };
}
