import type { Field } from '@aws-sdk/client-rds-data';
import { BadRequestError } from '../errors.js';

/**
 * `formattedRecords` for `formatRecordsAs: JSON`: a JSON string of an array of objects keyed by
 * column label. Values follow the Field each column maps to (so resultSetOptions apply):
 * numbers stay numbers, decimals are strings unless DOUBLE_OR_LONG, bytes are base64, arrays
 * are arrays, NULL is null, everything else (dates, uuid, json, ...) is a string.
 */
export function formatJsonRecords(labels: readonly string[], records: readonly Field[][]): string {
  const seen = new Set<string>();
  for (const label of labels) {
    if (seen.has(label))
      throw new BadRequestError(`The result set contains duplicate column names (${label}); use column aliases to make them unique`);
    seen.add(label);
  }
  const rows = records.map((record) => Object.fromEntries(record.map((field, index) => [labels[index]!, fieldToJson(field)])));
  return JSON.stringify(rows);
}

function fieldToJson(field: Field): unknown {
  if (field.isNull) return null;
  if (field.blobValue !== undefined) return Buffer.from(field.blobValue).toString('base64');
  if (field.arrayValue !== undefined) {
    const array = field.arrayValue;
    return array.longValues ?? array.doubleValues ?? array.booleanValues ?? array.stringValues ?? [];
  }
  return field.longValue ?? field.doubleValue ?? field.booleanValue ?? field.stringValue ?? null;
}
