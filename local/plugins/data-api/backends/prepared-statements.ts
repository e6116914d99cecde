/**
 * Which statements a PostgreSQL connection runs as named prepared statements, so the server
 * plans a statement that callers send over and over once per connection instead of on every
 * call (a search of several CTEs spends more CPU in the planner than in running it). The Data
 * API's own driver, pgjdbc, does the same by default once a statement has been used
 * `prepareThreshold` (5) times: https://jdbc.postgresql.org/documentation/server-prepare/
 *
 * Only statements run outside a transaction block are named: if the server refuses a cached
 * statement (a table's columns changed under `SELECT *`, or the caller ran DEALLOCATE), the
 * statement has not run, so it runs again unnamed and the caller never sees the refusal; in a
 * transaction the refusal would abort the transaction.
 */

/** Uses of a text, in this process, after which connections prepare it. */
export const PREPARE_AFTER_USES = 5;
/** Most statements one connection keeps prepared; others run unnamed (pgjdbc keeps 256). */
export const MAX_PREPARED_PER_CONNECTION = 256;
/** Texts longer than this (bulk inserts, scripts) are never kept on the server. */
export const MAX_PREPARED_SQL_LENGTH = 20_000;
/** Distinct texts counted at most; past it the counts start again. */
const MAX_COUNTED_TEXTS = 2_000;

/** Statements whose plans can be reused: queries and DML, not transaction control or utility commands. */
const PLANNABLE = /^\s*(?:select|with|insert|update|delete|values)\b/i;

/** SQLSTATEs the server gives when a named statement cannot be used any more (raised before it runs). */
const STALE_STATEMENT_CODES = new Set([
  '0A000', // cached plan must not change result type
  '26000', // prepared statement "..." does not exist
]);
/** The server functions that raise them for a cached statement (not for the caller's own SQL). */
const STALE_STATEMENT_ROUTINES = new Set(['RevalidateCachedQuery', 'FetchPreparedStatement']);

/** Process-wide: how often each text was used, and the name it has once it is prepared. */
class StatementNames {
  private readonly uses = new Map<string, number>();
  private readonly names = new Map<string, string>();
  private next = 0;

  /** Counts a use of `sql`; its name once it has been used often enough. */
  use(sql: string): string | undefined {
    const known = this.names.get(sql);
    if (known) return known;
    if (sql.length > MAX_PREPARED_SQL_LENGTH || !PLANNABLE.test(sql)) return undefined;
    const count = (this.uses.get(sql) ?? 0) + 1;
    if (count < PREPARE_AFTER_USES) {
      if (this.uses.size >= MAX_COUNTED_TEXTS) this.uses.clear();
      this.uses.set(sql, count);
      return undefined;
    }
    this.uses.delete(sql);
    // Names are never reused for another text: a connection may still hold the old one.
    if (this.names.size >= MAX_COUNTED_TEXTS) this.names.clear();
    const name = `roam_data_api_${(this.next += 1)}`;
    this.names.set(sql, name);
    return name;
  }
}

const processNames = new StatementNames();

/** The prepared statements of one connection. */
export class ConnectionStatements {
  private readonly prepared = new Set<string>();
  /** Bumped when the server refuses a statement: the names the connection used before are not used again. */
  private generation = 0;

  /** The name to run `sql` under, or undefined to run it unnamed. */
  nameFor(sql: string, inTransaction: boolean): string | undefined {
    if (inTransaction) return undefined;
    const shared = processNames.use(sql);
    if (shared === undefined) return undefined;
    const name = `${shared}_${this.generation}`;
    if (!this.prepared.has(name)) {
      // Counts the names given up after a refusal too: they may still be held by the server.
      if (this.prepared.size >= MAX_PREPARED_PER_CONNECTION) return undefined;
      this.prepared.add(name);
    }
    return name;
  }

  /** The server refused a statement: later ones are parsed again under new names. */
  refused(): void {
    this.generation += 1;
  }
}

/** Whether `error` is the server refusing a cached statement (it did not run). */
export function isStaleStatementError(error: unknown): boolean {
  if (error === null || typeof error !== 'object') return false;
  const { code, routine } = error as { code?: unknown; routine?: unknown };
  return (
    typeof code === 'string' && STALE_STATEMENT_CODES.has(code) && typeof routine === 'string' && STALE_STATEMENT_ROUTINES.has(routine)
  );
}
