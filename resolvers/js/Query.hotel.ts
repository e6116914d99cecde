/**
 * Query.hotel (RDS): one hotel with its city, amenities, photos and room types, all from one
 * query (api_hotel, migration 0007); null for an unknown id.
 */
import type { FieldContext, FieldResult } from './lib/field.js';
import { createPgStatement, sql, toJsonObject } from '@aws-appsync/utils/rds';
import { jsonColumn } from './lib/rows.js';
import { isUuid } from './lib/validation.js';
import { databaseError } from './lib/database-error.js';

export function request(ctx: FieldContext<'Query.hotel'>) {
  if (!isUuid(ctx.args.id)) {
    return runtime.earlyReturn(null);
  }
  return createPgStatement(sql`SELECT api_hotel(${ctx.args.id}::uuid) AS hotel`);
}

export function response(ctx: FieldContext<'Query.hotel'>): FieldResult<'Query.hotel'> {
  if (ctx.error) {
    return databaseError(ctx.error);
  }
  const row = toJsonObject(ctx.result)[0]?.[0];
  return row && row.hotel !== null ? jsonColumn(row.hotel) : null;
}
