/**
 * Pipeline function (RDS) after ensureUser: creates a list for the caller. The id is made here so
 * the second statement can read the new list back whole.
 */
import { util } from '@aws-appsync/utils';
import type { EnsuredUser, FieldContext, FieldResult } from '../js/lib/field.js';
import { createPgStatement, sql, toJsonObject } from '@aws-appsync/utils/rds';
import { listName } from '../js/lib/lists.js';
import { jsonColumn } from '../js/lib/rows.js';
import { databaseError } from '../js/lib/database-error.js';

export function request(ctx: FieldContext<'Mutation.createList', EnsuredUser>) {
  const id = util.autoId();
  return createPgStatement(
    sql`INSERT INTO lists (id, user_id, name) VALUES (${id}::uuid, ${ctx.prev.result.id}::uuid, ${listName(ctx.args.input.name)})`,
    sql`SELECT api_list(${id}::uuid) AS list`,
  );
}

export function response(ctx: FieldContext<'Mutation.createList', EnsuredUser>): FieldResult<'Mutation.createList'> {
  if (ctx.error) {
    return databaseError(ctx.error);
  }
  return jsonColumn(toJsonObject(ctx.result)[1]?.[0]?.list);
}
