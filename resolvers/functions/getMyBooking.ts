/**
 * Pipeline function (RDS) after ensureUser: the caller's booking by id (api_booking, migration
 * 0008), or null. Another user's booking is null too, exactly like a missing one, so its
 * existence never leaks.
 */
import type { EnsuredUser, FieldContext, FieldResult } from '../js/lib/field.js';
import { createPgStatement, sql, toJsonObject } from '@aws-appsync/utils/rds';
import { jsonColumn } from '../js/lib/rows.js';
import { isUuid } from '../js/lib/validation.js';
import { databaseError } from '../js/lib/database-error.js';

export function request(ctx: FieldContext<'Query.booking', EnsuredUser>) {
  if (!isUuid(ctx.args.id)) {
    return runtime.earlyReturn(null);
  }
  return createPgStatement(sql`
    SELECT api_booking(b.id) AS booking FROM bookings b
     WHERE b.id = ${ctx.args.id}::uuid AND b.user_id = ${ctx.prev.result.id}::uuid`);
}

export function response(ctx: FieldContext<'Query.booking', EnsuredUser>): FieldResult<'Query.booking'> {
  if (ctx.error) {
    return databaseError(ctx.error);
  }
  const row = toJsonObject(ctx.result)[0]?.[0];
  return row ? jsonColumn(row.booking) : null;
}
