/**
 * `typeHint.*`: mark a value with the SQL type the Data API should convert it to.
 * AWS returns the plain object `{ type, value }` (captured: `typeHint.UUID('abc123')`).
 */
import { RDS_TYPE_HINTS } from '../constants.js';

/** One of the Data API type hints. */
export type TypeHintName = (typeof RDS_TYPE_HINTS)[number];

/** What a `typeHint.*` call returns. */
export interface TypeHint {
  type: TypeHintName;
  value: unknown;
}

function hint(type: TypeHintName) {
  return (value: unknown): TypeHint => ({ type, value });
}

/** The `typeHint` export of `@aws-appsync/utils/rds`. */
export const typeHint = {
  DECIMAL: hint('DECIMAL'),
  JSON: hint('JSON'),
  TIMESTAMP: hint('TIMESTAMP'),
  TIME: hint('TIME'),
  UUID: hint('UUID'),
  DATE: hint('DATE'),
};

/** True for `{ type, value }` with exactly those keys and a known type. */
export function isTypeHint(candidate: unknown): candidate is TypeHint {
  if (typeof candidate !== 'object' || candidate === null || Array.isArray(candidate)) return false;
  const keys = Object.keys(candidate);
  const type = (candidate as { type?: unknown }).type;
  return keys.length === 2 && 'value' in candidate && (RDS_TYPE_HINTS as readonly unknown[]).includes(type);
}
