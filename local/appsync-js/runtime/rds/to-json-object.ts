/**
 * `toJsonObject(result)`: the Data API result (a JSON string, as AWS passes it, or the
 * parsed object) → one array per statement of row objects keyed by column label.
 * Accepts both Field naming families: ExecuteStatement's (`booleanValue`, `longValue`,
 * `arrayValue`, …) and the older ExecuteSql names the d.ts describes (`bitValue`, `bigIntValue`,
 * `intValue`, `realValue`, `arrayValues`, `structValue`). A SQL NULL column (`isNull: true`) is
 * left out of its row, as AWS does (its `EvaluateCode` output for such a row has no key for it).
 */
import { isPlainObject } from './fragment.js';

const SCALAR_FIELDS = [
  'booleanValue',
  'bitValue',
  'longValue',
  'bigIntValue',
  'intValue',
  'doubleValue',
  'realValue',
  'stringValue',
  'blobValue',
] as const;
const ARRAY_KINDS = ['booleanValues', 'longValues', 'doubleValues', 'stringValues'] as const;

/** The plain value of one Data API field. */
export function fieldValue(field: unknown): unknown {
  if (!isPlainObject(field)) return field ?? null;
  if (field.isNull === true) return null;
  for (const name of SCALAR_FIELDS) if (name in field) return field[name];
  if ('arrayValue' in field) return arrayValue(field.arrayValue);
  if ('arrayValues' in field) return arrayValue(field.arrayValues);
  if ('structValue' in field) {
    const attributes = isPlainObject(field.structValue) ? field.structValue.attributes : undefined;
    return Array.isArray(attributes) ? attributes.map(fieldValue) : null;
  }
  return null;
}

function arrayValue(array: unknown): unknown {
  if (Array.isArray(array)) return array.map(fieldValue);
  if (!isPlainObject(array)) return null;
  for (const kind of ARRAY_KINDS) if (Array.isArray(array[kind])) return array[kind];
  if (Array.isArray(array.arrayValues)) return array.arrayValues.map(arrayValue);
  return [];
}

function statementRows(result: unknown): Record<string, unknown>[] {
  if (!isPlainObject(result)) return [];
  if (typeof result.formattedRecords === 'string') {
    const rows: unknown = JSON.parse(result.formattedRecords);
    return Array.isArray(rows) ? (rows as Record<string, unknown>[]) : [];
  }
  const { records, columnMetadata } = result;
  if (!Array.isArray(records) || !Array.isArray(columnMetadata)) return [];
  const labels = columnMetadata.map((column, index) => {
    const meta = isPlainObject(column) ? column : {};
    return String(meta.label ?? meta.name ?? `column${index + 1}`);
  });
  return records.map((record) => {
    const row: Record<string, unknown> = {};
    const fields: unknown[] = Array.isArray(record) ? record : [];
    labels.forEach((label, index) => {
      const field = fields[index];
      if (isPlainObject(field) && field.isNull === true) return;
      row[label] = fieldValue(field);
    });
    return row;
  });
}

/** The `toJsonObject` export of `@aws-appsync/utils/rds` (also `util.rds.toJsonObject`). */
export function toJsonObject(result: unknown): Record<string, unknown>[][] {
  let parsed: unknown = result;
  if (typeof result === 'string') {
    try {
      parsed = JSON.parse(result);
    } catch {
      throw new Error('toJsonObject: the result is not valid JSON');
    }
  }
  if (!isPlainObject(parsed) || !Array.isArray(parsed.sqlStatementResults)) {
    throw new Error('toJsonObject: expected a Data API result with "sqlStatementResults"');
  }
  return parsed.sqlStatementResults.map(statementRows);
}
