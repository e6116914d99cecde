/**
 * `insert`, `update` and `remove` (§B1):
 * `INSERT INTO "t" ("a", "b") VALUES (:P0, :P1) [RETURNING …]`,
 * `UPDATE "t" SET "a" = :P0 [WHERE …] [RETURNING …]`, `DELETE FROM "t" [WHERE …] [RETURNING …]`.
 * A `null` value is written inline as `NULL`; an `undefined` one is left out, as JSON would.
 */
import { requireName, returningParts, tableParts, whereParts, type TablePayload } from './clauses.js';
import { ident, isPlainObject, joinParts, makeStatement, text, value, type Part, type Statement } from './fragment.js';

/** Options `insert`, `update` and `remove` read. */
export interface MutationPayload extends TablePayload { values?: unknown; where?: unknown; returning?: unknown }

function valueEntries(payload: MutationPayload, kind: string): [string, unknown][] {
  if (!isPlainObject(payload.values)) throw new Error(`${kind} needs a "values" object`);
  const values = payload.values;
  const entries = Object.keys(values)
    .filter((column) => values[column] !== undefined)
    .map((column): [string, unknown] => [requireName(column, kind), values[column]]);
  if (entries.length === 0) throw new Error(`${kind} needs at least one value`);
  return entries;
}

const bound = (item: unknown): Part => (item === null ? text('NULL') : value(item));

/** The `insert` export of `@aws-appsync/utils/rds`. */
export function insert(payload: MutationPayload): Statement {
  if (!isPlainObject(payload)) throw new Error('insert needs a payload object');
  const entries = valueEntries(payload, 'insert');
  return makeStatement([
    text('INSERT INTO '), ...tableParts(payload, 'insert'),
    text(' ('), ...joinParts(entries.map(([column]) => [ident(column)]), ', '),
    text(') VALUES ('), ...joinParts(entries.map(([, item]) => [bound(item)]), ', '), text(')'),
    ...returningParts(payload.returning),
  ]);
}

/** The `update` export of `@aws-appsync/utils/rds`. */
export function update(payload: MutationPayload): Statement {
  if (!isPlainObject(payload)) throw new Error('update needs a payload object');
  const entries = valueEntries(payload, 'update');
  return makeStatement([
    text('UPDATE '), ...tableParts(payload, 'update'),
    text(' SET '), ...joinParts(entries.map(([column, item]) => [ident(column), text(' = '), bound(item)]), ', '),
    ...whereParts(payload.where),
    ...returningParts(payload.returning),
  ]);
}

/** The `remove` export of `@aws-appsync/utils/rds`. */
export function remove(payload: MutationPayload): Statement {
  if (!isPlainObject(payload)) throw new Error('remove needs a payload object');
  return makeStatement([
    text('DELETE FROM '), ...tableParts(payload, 'remove'),
    ...whereParts(payload.where),
    ...returningParts(payload.returning),
  ]);
}
