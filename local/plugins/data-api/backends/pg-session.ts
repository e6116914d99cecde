import type pg from 'pg';
import type { DatabaseSession, RawResult } from './types.js';

/**
 * Client `types` config that returns every value as the server's text; the type mapping works
 * from text (see types.ts). Set on the client, not per query: per query, node-postgres also sends
 * `types` as the parameter types of the Parse message.
 */
export const TEXT_VALUES = { getTypeParser: () => (value: string) => value } as unknown as pg.CustomTypesConfig;

/** Runs one statement on a node-postgres client and returns it in the backend-neutral shape. */
export async function runOnClient(client: pg.ClientBase, sql: string, values: readonly (string | null)[]): Promise<RawResult> {
  const result = await client.query({
    text: sql,
    values: [...values],
    rowMode: 'array',
    // The extended protocol refuses scripts, as the Data API does; pg would otherwise use the
    // simple protocol for parameterless SQL and run every statement in it.
    queryMode: 'extended',
  } as pg.QueryArrayConfig);
  return {
    command: result.command ?? '',
    rowCount: result.rowCount,
    fields: result.fields.map((field) => ({
      name: field.name,
      tableOid: field.tableID,
      columnNumber: field.columnID,
      typeOid: field.dataTypeID,
      typeModifier: field.dataTypeModifier,
    })),
    rows: result.rows as (string | null)[][],
  };
}

/** A session over one node-postgres client. */
export function createPgSession(
  client: pg.ClientBase & { processID?: number | null },
  hooks: { cancel: () => Promise<void>; release: (destroy: boolean) => void },
): DatabaseSession {
  return {
    processId: client.processID ?? 0,
    query: (sql, values) => runOnClient(client, sql, values),
    cancel: hooks.cancel,
    release: (options) => hooks.release(options?.destroy ?? false),
  };
}

/** Session settings that make PostgreSQL's text output match the Data API's formats. */
export const SESSION_SETTINGS = { TimeZone: 'UTC', DateStyle: 'ISO, MDY', IntervalStyle: 'postgres' } as const;

/** The settings as one script, run once on each new connection. */
export const SESSION_SETUP_SQL = Object.entries(SESSION_SETTINGS)
  .map(([name, value]) => `SET ${name} = '${value}'`)
  .join('; ');
