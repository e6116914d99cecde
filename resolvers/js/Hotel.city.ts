/**
 * Hotel.city (RDS): taken from the parent when it loaded it (api_hotel, migration 0007: search,
 * hotel, bookings, lists), so those cost no query; read by hotel id only for a Hotel that came
 * without it (e.g. from a Lambda).
 */
import type { FieldContext, FieldResult } from './lib/field.js';
import { createPgStatement, sql, toJsonObject } from '@aws-appsync/utils/rds';
import { jsonColumn } from './lib/rows.js';
import { notFound } from './lib/validation.js';
import { databaseError } from './lib/database-error.js';

export function request(ctx: FieldContext<'Hotel.city'>) {
  const source = ctx.source;
  if (source.city !== undefined && source.city !== null) {
    return runtime.earlyReturn(source.city);
  }
  return createPgStatement(sql`SELECT api_city(h.city_id) AS value FROM hotels h WHERE h.id = ${source.id}::uuid`);
}

export function response(ctx: FieldContext<'Hotel.city'>): FieldResult<'Hotel.city'> {
  if (ctx.error) {
    return databaseError(ctx.error);
  }
  const row = toJsonObject(ctx.result)[0]?.[0];
  // The hotel is the parent being resolved: no row means it was deleted meanwhile.
  return row ? jsonColumn(row.value) : notFound(`No hotel with id ${ctx.source.id}`);
}
