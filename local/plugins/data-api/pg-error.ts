import { DatabaseError, ValidationError, type DataApiError } from './errors.js';

/** The fields of a PostgreSQL error report that node-postgres exposes. */
interface PgErrorReport {
  message: string;
  code?: string;
  severity?: string;
  detail?: string;
  hint?: string;
  where?: string;
  position?: string;
}

/** Whether `error` is an error reported by the PostgreSQL server (it has a SQLSTATE). */
export function isPgError(error: unknown): error is Error & PgErrorReport {
  return (
    error instanceof Error && typeof (error as PgErrorReport).code === 'string' && /^[0-9A-Z]{5}$/.test((error as PgErrorReport).code!)
  );
}

/**
 * The Data API error for a PostgreSQL error, in the v2 message layout:
 * `ERROR: <msg>[; Detail: …][; Hint: …][; Where: …][; Position: N]; SQLState: XXXXX`.
 * `toOriginalPosition` maps the position back to the caller's SQL (before `:name` binding).
 */
export function fromPgError(error: Error & PgErrorReport, toOriginalPosition: (position: number) => number = (p) => p): DataApiError {
  // A script sent as one statement: PostgreSQL refuses it in the extended protocol.
  if (error.code === '42601' && /multiple commands/.test(error.message)) return new ValidationError("Multistatements aren't supported.");
  const parts = [`${error.severity ?? 'ERROR'}: ${error.message}`];
  if (error.detail) parts.push(`Detail: ${error.detail}`);
  if (error.hint) parts.push(`Hint: ${error.hint}`);
  if (error.where) parts.push(`Where: ${error.where}`);
  if (error.position) parts.push(`Position: ${toOriginalPosition(Number(error.position))}`);
  parts.push(`SQLState: ${error.code}`);
  return new DatabaseError(parts.join('; '), error.code, { cause: error });
}
