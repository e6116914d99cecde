import type { Field, SqlParameter } from '@aws-sdk/client-rds-data';
import { BadRequestError, ValidationError } from '../errors.js';
import { tokenizeSql, type SqlToken } from '../../../../platform/sql/lexer.js';

/** SQL ready for PostgreSQL: `$n` placeholders and their values in text form. */
export interface BoundStatement {
  sql: string;
  values: (string | null)[];
  /** Maps a 1-based character position in `sql` back to the caller's SQL (error positions). */
  originalPosition(position: number): number;
}

/** One `:name` → `$n::type` replacement, as offsets in the original and in the bound SQL. */
interface Replacement {
  originalStart: number;
  boundStart: number;
  boundEnd: number;
  delta: number;
}

/** The PostgreSQL type a `stringValue` takes for each Data API `typeHint`. */
const HINT_TYPES: Record<string, string> = {
  DATE: 'date',
  TIME: 'time',
  TIMESTAMP: 'timestamp',
  DECIMAL: 'numeric',
  JSON: 'json',
  UUID: 'uuid',
};

/**
 * Replaces each `:name` that names a given parameter with `$n::type`, where the type is what the
 * Data API binds (string → text unless a typeHint says otherwise, long → int8, double → float8,
 * boolean → bool, blob → bytea; NULL stays untyped). The cast types the parameter as the Data
 * API does, so `WHERE int_col = :s` with a stringValue fails as it does on AWS. A name used twice
 * binds one `$n`. A `:name` with no matching parameter is left as it is (array slices like
 * `a[1:2]` stay intact; a forgotten parameter becomes PostgreSQL's syntax error).
 */
export function bindParameters(
  sql: string,
  parameters: readonly SqlParameter[] = [],
  tokens: readonly SqlToken[] = tokenizeSql(sql),
): BoundStatement {
  const byName = new Map<string, SqlParameter>();
  if (!Array.isArray(parameters)) throw new BadRequestError('parameters must be a list');
  for (const parameter of parameters) {
    if (parameter === null || typeof parameter !== 'object')
      throw new BadRequestError('Each parameter must be an object with a name and a value');
    if (typeof parameter.name !== 'string' || !parameter.name) throw new BadRequestError('Parameter name must be a non-empty string');
    byName.set(parameter.name.replace(/^:/, ''), parameter);
  }
  if (byName.size === 0) return { sql, values: [], originalPosition: (position) => position };

  const slots = new Map<string, string>();
  const values: (string | null)[] = [];
  const replacements: Replacement[] = [];
  let out = '';
  let copied = 0;
  for (const token of tokens) {
    if (token.kind !== 'placeholder') continue;
    const parameter = byName.get(token.name!);
    if (!parameter) continue;
    let slot = slots.get(token.name!);
    if (slot === undefined) {
      const { text, type } = encodeParameter(parameter);
      values.push(text);
      slot = `$${values.length}${type ? `::${type}` : ''}`;
      slots.set(token.name!, slot);
    }
    out += sql.slice(copied, token.start);
    replacements.push({
      originalStart: token.start,
      boundStart: out.length,
      boundEnd: out.length + slot.length,
      delta: slot.length - (token.end - token.start),
    });
    out += slot;
    copied = token.end;
  }
  return { sql: out + sql.slice(copied), values, originalPosition: (position) => originalPosition(replacements, position) };
}

function originalPosition(replacements: readonly Replacement[], position: number): number {
  let shift = 0;
  for (const replacement of replacements) {
    const offset = position - 1;
    if (offset < replacement.boundStart) break;
    if (offset < replacement.boundEnd) return replacement.originalStart + 1;
    shift += replacement.delta;
  }
  return position - shift;
}

/** The text value and PostgreSQL type of one parameter. */
function encodeParameter(parameter: SqlParameter): { text: string | null; type: string | undefined } {
  const value = parameter.value as Field | undefined;
  const name = parameter.name;
  if (value === undefined || value === null) throw new BadRequestError(`Parameter ${name} has no value`);
  if (value.isNull === true) return { text: null, type: undefined };
  if (value.stringValue !== undefined && value.stringValue !== null) {
    const hint = parameter.typeHint;
    if (hint !== undefined && !(hint in HINT_TYPES)) throw new BadRequestError(`Invalid typeHint ${String(hint)} for parameter ${name}`);
    return { text: value.stringValue, type: hint ? HINT_TYPES[hint] : 'text' };
  }
  if (value.longValue !== undefined && value.longValue !== null) return { text: integerText(value.longValue, name), type: 'int8' };
  if (value.doubleValue !== undefined && value.doubleValue !== null) return { text: String(value.doubleValue), type: 'float8' };
  if (value.booleanValue !== undefined && value.booleanValue !== null) return { text: String(value.booleanValue), type: 'bool' };
  if (value.blobValue !== undefined && value.blobValue !== null) return { text: byteaText(value.blobValue), type: 'bytea' };
  if (value.arrayValue !== undefined && value.arrayValue !== null) throw new ValidationError('Array parameters are not supported.');
  throw new BadRequestError(`Parameter ${name} has no value`);
}

function integerText(value: unknown, name: string | undefined): string {
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number' && Number.isInteger(value)) return value.toFixed(0);
  throw new BadRequestError(`Parameter ${name} longValue is not an integer`);
}

/** bytea in PostgreSQL's hex input form; the wire carries base64, in-process callers bytes. */
function byteaText(blob: Uint8Array | string): string {
  const bytes = typeof blob === 'string' ? Buffer.from(blob, 'base64') : Buffer.from(blob.buffer, blob.byteOffset, blob.byteLength);
  return `\\x${bytes.toString('hex')}`;
}
