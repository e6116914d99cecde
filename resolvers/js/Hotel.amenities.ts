/**
 * Hotel.amenities (RDS): taken from the parent when it loaded it (api_hotel, migration 0007: search,
 * hotel, bookings, lists), so those cost no query; read by hotel id only for a Hotel that came
 * without it (e.g. from a Lambda).
 */
import type { Context } from '@aws-appsync/utils';
import { createPgStatement, sql, toJsonObject } from '@aws-appsync/utils/rds';
import { jsonColumn } from './lib/rows.js';
import { databaseError } from './lib/database-error.js';

export function request(ctx: Context) {
  const source = ctx.source as { id: string; amenities?: unknown };
  if (source.amenities !== undefined && source.amenities !== null) {
    return runtime.earlyReturn(source.amenities);
  }
  return createPgStatement(sql`SELECT api_hotel(h.id) -> 'amenities' AS value FROM hotels h WHERE h.id = ${source.id}::uuid`);
}

export function response(ctx: Context) {
  if (ctx.error) {
    return databaseError(ctx.error);
  }
  const row = toJsonObject(ctx.result)[0]?.[0];
  return row ? jsonColumn(row.value) : null;
}
