/**
 * Query.hotel (RDS): one hotel with its city, amenities, photos and room types, all from one
 * query (api_hotel, migration 0007); null for an unknown id.
 */
import type { Context } from '@aws-appsync/utils';
import { createPgStatement, sql, toJsonObject } from '@aws-appsync/utils/rds';
import { jsonColumn } from './lib/rows.js';
import { isUuid } from './lib/validation.js';
import { databaseError } from './lib/database-error.js';

export function request(ctx: Context<{ id: string }>) {
  if (!isUuid(ctx.args.id)) {
    return runtime.earlyReturn(null);
  }
  return createPgStatement(sql`SELECT api_hotel(${ctx.args.id}::uuid) AS hotel`);
}

export function response(ctx: Context<{ id: string }>) {
  if (ctx.error) {
    return databaseError(ctx.error);
  }
  const row = toJsonObject(ctx.result)[0]?.[0];
  return row && row.hotel !== null ? jsonColumn(row.hotel) : null;
}
