/**
 * The one small interface both database backends implement. Values travel as PostgreSQL text:
 * parameters are sent as text (their types come from casts in the SQL, see sql/parameters.ts)
 * and every result value comes back as the server's text form, so one type mapping
 * (types/to-field.ts) serves PGlite and the PostgreSQL server alike.
 */

/** One column of a result set, as PostgreSQL's RowDescription describes it. */
export interface RawField {
  name: string;
  /** OID of the table the column comes from, 0 for an expression. */
  tableOid: number;
  /** Attribute number in that table, 0 for an expression. */
  columnNumber: number;
  typeOid: number;
  /** Type modifier (e.g. numeric precision/scale, varchar length); -1 when none. */
  typeModifier: number;
}

/** A statement's outcome, values in PostgreSQL's text form (`null` for SQL NULL). */
export interface RawResult {
  /** Command tag verb: SELECT, INSERT, UPDATE, CREATE, ... */
  command: string;
  /** Rows affected or returned, from the command tag; null when the tag has no count. */
  rowCount: number | null;
  /** Columns, empty when the statement returns no result set. */
  fields: RawField[];
  rows: (string | null)[][];
}

/** One database connection, held by a call or by a whole transaction. */
export interface DatabaseSession {
  /** The server process id, reported as `dbConnectionId` on timeouts. */
  readonly processId: number;
  /** Runs exactly one statement with the extended protocol (a script is refused by the server). */
  query(sql: string, values: readonly (string | null)[]): Promise<RawResult>;
  /** Asks the server to cancel the statement this session is running, if any. */
  cancel(): Promise<void>;
  /** Gives the connection back; `destroy` closes it instead (state unknown). */
  release(options?: { destroy?: boolean }): void;
}

/** A source of sessions: PGlite (one session) or a PostgreSQL server (a pool). */
export interface DatabaseBackend {
  readonly kind: 'pglite' | 'postgres';
  /**
   * Whether `cancel()` can interrupt a running statement. PGlite runs a statement to completion
   * on the event loop, so nothing can interrupt it.
   */
  readonly canCancel: boolean;
  /** Waits for a free session; `signal` abandons the wait. */
  acquire(signal?: AbortSignal): Promise<DatabaseSession>;
  /**
   * Settles once the database is open; rejects with the reason it cannot open (a damaged PGlite
   * folder), unmasked, where a statement would get the Data API's InternalServerErrorException.
   */
  opened(): Promise<void>;
  close(): Promise<void>;
}
