/**
 * Pipeline function (RDS) after ensureUser: renames one of the caller's lists; another user's list
 * is NotFound, like a missing one.
 */
import type { EnsuredUser, FieldContext, FieldResult } from '../js/lib/field.js';
import { createPgStatement, sql, toJsonObject } from '@aws-appsync/utils/rds';
import { assertListId, listName } from '../js/lib/lists.js';
import { jsonColumn } from '../js/lib/rows.js';
import { notFound } from '../js/lib/validation.js';
import { databaseError } from '../js/lib/database-error.js';

export function request(ctx: FieldContext<'Mutation.renameList', EnsuredUser>) {
  const { listId, name } = ctx.args.input;
  assertListId(listId);
  const owner = ctx.prev.result.id;
  return createPgStatement(
    sql`UPDATE lists SET name = ${listName(name)}, updated_at = now() WHERE id = ${listId}::uuid AND user_id = ${owner}::uuid`,
    sql`SELECT api_list(l.id) AS list FROM lists l WHERE l.id = ${listId}::uuid AND l.user_id = ${owner}::uuid`,
  );
}

export function response(ctx: FieldContext<'Mutation.renameList', EnsuredUser>): FieldResult<'Mutation.renameList'> {
  if (ctx.error) {
    return databaseError(ctx.error);
  }
  const row = toJsonObject(ctx.result)[1]?.[0];
  return row ? jsonColumn(row.list) : notFound(`No list with id ${ctx.args.input.listId}`);
}
