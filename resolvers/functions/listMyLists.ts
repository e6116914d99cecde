/**
 * Pipeline function (RDS) after ensureUser: the caller's lists with their hotels (api_list,
 * migration 0008), most recently changed first.
 */
import type { EnsuredUser, FieldContext, FieldResult } from '../js/lib/field.js';
import { createPgStatement, sql, toJsonObject } from '@aws-appsync/utils/rds';
import { jsonColumn } from '../js/lib/rows.js';
import { databaseError } from '../js/lib/database-error.js';

export function request(ctx: FieldContext<'Query.myLists', EnsuredUser>) {
  return createPgStatement(sql`
    SELECT api_list(l.id) AS list FROM lists l
     WHERE l.user_id = ${ctx.prev.result.id}::uuid
     ORDER BY l.updated_at DESC, l.id`);
}

export function response(ctx: FieldContext<'Query.myLists', EnsuredUser>): FieldResult<'Query.myLists'> {
  if (ctx.error) {
    return databaseError(ctx.error);
  }
  return (toJsonObject(ctx.result)[0] ?? []).map((row: Record<string, unknown>) => jsonColumn(row.list));
}
