/**
 * Pipeline function (RDS) after ensureUser: deletes one of the caller's lists (its entries go with
 * it); another user's list is NotFound, like a missing one.
 */
import type { EnsuredUser, FieldContext, FieldResult } from '../js/lib/field.js';
import { createPgStatement, sql, toJsonObject } from '@aws-appsync/utils/rds';
import { assertListId } from '../js/lib/lists.js';
import { notFound } from '../js/lib/validation.js';
import { databaseError } from '../js/lib/database-error.js';

export function request(ctx: FieldContext<'Mutation.deleteList', EnsuredUser>) {
  assertListId(ctx.args.listId);
  return createPgStatement(sql`
    DELETE FROM lists WHERE id = ${ctx.args.listId}::uuid AND user_id = ${ctx.prev.result.id}::uuid RETURNING id`);
}

export function response(ctx: FieldContext<'Mutation.deleteList', EnsuredUser>): FieldResult<'Mutation.deleteList'> {
  if (ctx.error) {
    return databaseError(ctx.error);
  }
  const row = toJsonObject(ctx.result)[0]?.[0];
  return row ? row.id : notFound(`No list with id ${ctx.args.listId}`);
}
