/**
 * A thin typed layer over the Data API (the SDK's RDSData client) for every money Lambda: statements with named parameters,
 * rows as objects (formatRecordsAs JSON), transactions that roll back on any failure, and retries
 * of DatabaseResumingException by the platform's one policy (platform/data-api/resume-retry.ts).
 */
import type { SqlParameter } from '@aws-sdk/client-rds-data';
import type { DataApi } from '../../../platform/data-api/types.js';
import { isDatabaseResuming, withResumeRetry } from '../../../platform/data-api/resume-retry.js';

/** A parameter value. Strings are sent as text: cast in SQL (`:id::uuid`, `:at::timestamptz`). */
export type SqlValue = string | number | boolean | null;

/** Runs statements, inside a transaction or not. */
export interface SqlExecutor {
  /** Rows of a statement that returns rows. */
  query<Row>(sql: string, params?: Record<string, SqlValue>): Promise<Row[]>;
  /** A statement's updated row count. */
  execute(sql: string, params?: Record<string, SqlValue>): Promise<number>;
}

/** The database of the money Lambdas. */
export interface DataAccess extends SqlExecutor {
  /** Runs `work` in one Data API transaction: commit on success, rollback on any failure. */
  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T>;
}

export interface DataAccessOptions {
  /** The SDK's aggregated `RDSData` client in AWS and offline; the in-process Data API core in tests. */
  readonly api: DataApi;
  readonly resourceArn: string;
  readonly secretArn: string;
  readonly database: string;
  /** The waits between attempts while the database resumes. @default the platform's policy (platform/data-api/resume-retry.ts) */
  readonly resumeDelaysMs?: readonly number[];
}

function toParameters(params: Record<string, SqlValue>): SqlParameter[] {
  return Object.entries(params).map(([name, value]): SqlParameter => {
    if (value === null) return { name, value: { isNull: true } };
    if (typeof value === 'boolean') return { name, value: { booleanValue: value } };
    if (typeof value === 'number') return { name, value: Number.isInteger(value) ? { longValue: value } : { doubleValue: value } };
    return { name, value: { stringValue: value } };
  });
}

/** True for Aurora's "resuming after auto-pause" answer, by name or by text. */
export const isResuming = isDatabaseResuming;

/** The SQLSTATE in a DatabaseErrorException message (`...; SQLState: 23514`), if any. */
export function sqlStateOf(error: unknown): string | null {
  const match = /SQLState: ([0-9A-Z]{5})/.exec((error as { message?: string })?.message ?? '');
  return match?.[1] ?? null;
}

/** The money Lambdas' data access over one RDSDataClient. */
export function createDataAccess(options: DataAccessOptions): DataAccess {
  const target = { resourceArn: options.resourceArn, secretArn: options.secretArn, database: options.database };
  const api = withResumeRetry(options.api, options.resumeDelaysMs ? { delaysMs: options.resumeDelaysMs } : {});

  function executor(transactionId?: string): SqlExecutor {
    const send = (sql: string, params: Record<string, SqlValue>, rows: boolean) =>
      api.executeStatement({
        ...target,
        sql,
        parameters: toParameters(params),
        ...(transactionId ? { transactionId } : {}),
        ...(rows ? { formatRecordsAs: 'JSON' } : {}),
      });
    return {
      async query<Row>(sql: string, params: Record<string, SqlValue> = {}) {
        const output = await send(sql, params, true);
        return (output.formattedRecords ? JSON.parse(output.formattedRecords) : []) as Row[];
      },
      async execute(sql: string, params: Record<string, SqlValue> = {}) {
        const output = await send(sql, params, false);
        return output.numberOfRecordsUpdated ?? 0;
      },
    };
  }

  return {
    ...executor(),
    async transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
      const { transactionId } = await api.beginTransaction(target);
      if (!transactionId) throw new Error('BeginTransaction returned no transaction id');
      let result: T;
      try {
        result = await work(executor(transactionId));
      } catch (error) {
        // The transaction may already be gone (aborted or timed out); the original error matters.
        await api.rollbackTransaction({ ...target, transactionId }).catch(() => undefined);
        throw error;
      }
      await api.commitTransaction({ ...target, transactionId });
      return result;
    },
  };
}

/** A Data API `timestamptz` string (`YYYY-MM-DD HH:MM:SS[.ffffff]`, UTC) as a Date. */
export function parseInstant(value: string): Date {
  return new Date(`${value.replace(' ', 'T')}Z`);
}

/**
 * An instant as AWSDateTime in UTC. A stored instant keeps its microseconds
 * (`2026-01-01T00:00:00.123456Z`, as the reads part's `api_instant` writes it), so both parts show
 * the same value; a Date has milliseconds.
 */
export function isoInstant(value: string | Date): string {
  if (typeof value !== 'string') return value.toISOString();
  const [date, time = '00:00:00'] = value.split(' ');
  const [seconds, fraction = ''] = time.split('.');
  return `${date}T${seconds}.${fraction.padEnd(6, '0').slice(0, 6)}Z`;
}
