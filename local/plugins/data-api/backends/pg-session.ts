import type pg from 'pg';
import { ConnectionStatements, isStaleStatementError } from './prepared-statements.js';
import type { DatabaseSession, RawResult } from './types.js';

/**
 * Client `types` config that returns every value as the server's text; the type mapping works
 * from text (see types.ts). Set on the client, not per query: per query, node-postgres also sends
 * `types` as the parameter types of the Parse message.
 */
export const TEXT_VALUES = { getTypeParser: () => (value: string) => value } as unknown as pg.CustomTypesConfig;

/**
 * Runs one statement on a node-postgres client and returns it in the backend-neutral shape;
 * `name` runs it as that named prepared statement (parsed on the connection's first use).
 */
export async function runOnClient(
  client: pg.ClientBase,
  sql: string,
  values: readonly (string | null)[],
  name?: string,
): Promise<RawResult> {
  const result = await client.query({
    text: sql,
    values: [...values],
    rowMode: 'array',
    // The extended protocol refuses scripts, as the Data API does; pg would otherwise use the
    // simple protocol for parameterless SQL and run every statement in it.
    queryMode: 'extended',
    ...(name ? { name } : {}),
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

/** A node-postgres client as the sessions use it (`getTransactionStatus` is the last ReadyForQuery's status). */
type SessionClient = pg.ClientBase & { processID?: number | null; getTransactionStatus?: () => string | null };

/** Each connection's prepared statements, kept as long as the connection lives. */
const preparedOf = new WeakMap<SessionClient, ConnectionStatements>();

/**
 * A session over one node-postgres client. With `prepare`, statements that callers repeat run as
 * named prepared statements outside transaction blocks (prepared-statements.ts). A statement the
 * server refuses runs again unnamed; the connection is then closed on release where the backend
 * can open another (a pool), and otherwise prepares its statements afresh.
 */
export function createPgSession(
  client: SessionClient,
  hooks: { cancel: () => Promise<void>; release: (destroy: boolean) => void; prepare?: boolean },
): DatabaseSession {
  let statements = preparedOf.get(client);
  if (!statements && hooks.prepare) preparedOf.set(client, (statements = new ConnectionStatements()));
  let refused = false;
  const query = async (sql: string, values: readonly (string | null)[]): Promise<RawResult> => {
    // 'I': idle, outside a transaction block (null before the connection's first ReadyForQuery).
    const name = statements?.nameFor(sql, client.getTransactionStatus?.() !== 'I');
    if (!name) return runOnClient(client, sql, values);
    try {
      return await runOnClient(client, sql, values, name);
    } catch (error) {
      if (!isStaleStatementError(error)) throw error;
      statements!.refused();
      refused = true;
      return runOnClient(client, sql, values);
    }
  };
  return {
    processId: client.processID ?? 0,
    query,
    cancel: hooks.cancel,
    release: (options) => hooks.release((options?.destroy ?? false) || refused),
  };
}

/** Session settings that make PostgreSQL's text output match the Data API's formats. */
export const SESSION_SETTINGS = { TimeZone: 'UTC', DateStyle: 'ISO, MDY', IntervalStyle: 'postgres' } as const;

/** The settings as one script, run once on each new connection. */
export const SESSION_SETUP_SQL = Object.entries(SESSION_SETTINGS)
  .map(([name, value]) => `SET ${name} = '${value}'`)
  .join('; ');
