/**
 * `insert`, `update` and `remove`, as AWS renders them:
 * `INSERT INTO "t" ("a", "b") VALUES (:P0, NULL) [RETURNING …]`,
 * `UPDATE "t" SET "a" = :P0 [WHERE …] [RETURNING …]`, `DELETE FROM "t" [WHERE …] [RETURNING …]`.
 * A `null` or `undefined` value is written inline as `NULL` (the column stays); `from` is
 * ignored, only `table` names the table.
 */
import { keywordParts, requirePayload, returningParts, tableParts, trimmedEnd, whereParts, type TablePayload } from './clauses.js';
import { ident, isPlainObject, joinParts, makeStatement, text, value, type Part, type Statement } from './fragment.js';
import { moduleError } from '../module-error.js';

/** Options `insert`, `update` and `remove` read. */
export interface MutationPayload extends TablePayload {
  values?: unknown;
  where?: unknown;
  returning?: unknown;
}

function valueEntries(payload: MutationPayload, kind: string): [string, unknown][] {
  const values = payload.values;
  if (values === undefined || values === null) throw moduleError(`values are expected to be passed to ${kind}`);
  if (!isPlainObject(values)) throw moduleError('Expected values to an Object.');
  return Object.keys(values).map((column): [string, unknown] => [column, values[column]]);
}

const bound = (item: unknown): Part => (item === null || item === undefined ? text('NULL') : value(item));

/** The `insert` export of `@aws-appsync/utils/rds`. */
export function insert(...args: unknown[]): Statement {
  const payload = requirePayload<MutationPayload>(args[0], args.length, 'insert');
  const table = tableParts(payload);
  const entries = valueEntries(payload, 'insert');
  return makeStatement(
    trimmedEnd([
      text('INSERT INTO '),
      ...table,
      text(' ('),
      ...joinParts(
        entries.map(([column]) => [ident(column)]),
        ', ',
      ),
      text(') VALUES ('),
      ...joinParts(
        entries.map(([, item]) => [bound(item)]),
        ', ',
      ),
      text(')'),
      ...returningParts(payload.returning),
    ]),
  );
}

/** The `update` export of `@aws-appsync/utils/rds`. */
export function update(...args: unknown[]): Statement {
  const payload = requirePayload<MutationPayload>(args[0], args.length, 'update');
  const table = tableParts(payload);
  const entries = valueEntries(payload, 'update');
  return makeStatement(
    trimmedEnd([
      text('UPDATE '),
      ...table,
      text(' '),
      ...keywordParts(
        'SET',
        joinParts(
          entries.map(([column, item]) => [ident(column), text(' = '), bound(item)]),
          ', ',
        ),
      ),
      ...whereParts(payload.where),
      ...returningParts(payload.returning),
    ]),
  );
}

/** The `remove` export of `@aws-appsync/utils/rds`. */
export function remove(...args: unknown[]): Statement {
  const payload = requirePayload<MutationPayload>(args[0], args.length, 'remove');
  return makeStatement(
    trimmedEnd([text('DELETE FROM '), ...tableParts(payload), ...whereParts(payload.where), ...returningParts(payload.returning)]),
  );
}
