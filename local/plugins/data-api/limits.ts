import type { ColumnMetadata, Field } from '@aws-sdk/client-rds-data';
import { DataApiLimits } from './constants.js';
import { BadRequestError, UnsupportedResultError } from './errors.js';

/** JSON as the wire carries it: bytes as base64. */
function wireJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => (item instanceof Uint8Array ? Buffer.from(item).toString('base64') : item));
}

/** Bytes `value` takes in a JSON response body. */
export function wireSize(value: unknown): number {
  return Buffer.byteLength(wireJson(value));
}

/**
 * An upper bound of a row's serialized size from its values' text: a text character becomes at
 * most 6 bytes (JSON escapes like `\u001f`, UTF-8, quotes and commas of array elements), and a
 * Field's wrapper (`{"arrayValue":{"booleanValues":[]}}`) is under 40 bytes.
 */
function sizeBound(row: readonly (string | null)[]): number {
  let bound = 2;
  for (const text of row) bound += 40 + 6 * (text?.length ?? 0);
  return bound;
}

/**
 * Enforces the per-row (64 KB) and per-response (1 MiB) limits on a result set, measured as the
 * serialized response, as the Data API has no paging: callers must LIMIT their queries. Rows are
 * serialized to measure them only when the cheap bound from their text does not settle it.
 */
export function checkResultSize(
  records: readonly Field[][],
  metadata: readonly ColumnMetadata[] | undefined,
  rawRows: readonly (readonly (string | null)[])[],
): void {
  let total = metadata ? wireSize(metadata) : 0;
  const bounds = rawRows.map(sizeBound);
  const boundTotal = bounds.reduce((sum, bound) => sum + bound + 1, total);
  if (boundTotal <= DataApiLimits.MAX_RESPONSE_BYTES && bounds.every((bound) => bound <= DataApiLimits.MAX_ROW_BYTES)) return;
  for (const record of records) {
    const size = wireSize(record);
    if (size > DataApiLimits.MAX_ROW_BYTES) {
      throw new UnsupportedResultError('Database response exceeded size limit: a row is larger than 64 KB');
    }
    total += size + 1;
    if (total > DataApiLimits.MAX_RESPONSE_BYTES) {
      throw new UnsupportedResultError('Database response exceeded size limit: the result is larger than 1 MiB');
    }
  }
}

/** Enforces the 10 MB limit on `formattedRecords`. */
export function checkFormattedSize(formattedRecords: string): void {
  if (Buffer.byteLength(formattedRecords) > DataApiLimits.MAX_JSON_RECORDS_BYTES) {
    throw new BadRequestError('Database response exceeded size limit: formattedRecords is larger than 10 MB');
  }
}
