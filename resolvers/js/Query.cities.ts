/**
 * Query.cities (RDS): cities by case-insensitive name prefix, most hotels first (ties by name).
 */
import type { FieldContext, FieldResult } from './lib/field.js';
import { createPgStatement, sql, toJsonObject } from '@aws-appsync/utils/rds';
import { ReadLimits } from './lib/constants.js';
import { pageLimit } from './lib/validation.js';
import { databaseError } from './lib/database-error.js';

export function request(ctx: FieldContext<'Query.cities'>) {
  const limit = pageLimit(ctx.args.limit, ReadLimits.DEFAULT_CITIES, ReadLimits.MAX_PAGE);
  const prefix = ctx.args.nameStartsWith ?? null;
  return createPgStatement(sql`
    SELECT c.id, c.name, c.country_code, c.latitude, c.longitude, c.time_zone
      FROM cities c
     WHERE ${prefix}::text IS NULL OR starts_with(lower(c.name), lower(${prefix}::text))
     ORDER BY (SELECT count(*) FROM hotels h WHERE h.city_id = c.id) DESC, c.name, c.id
     LIMIT ${limit}`);
}

export function response(ctx: FieldContext<'Query.cities'>): FieldResult<'Query.cities'> {
  if (ctx.error) {
    return databaseError(ctx.error);
  }
  return (toJsonObject(ctx.result)[0] ?? []).map((row) => ({
    id: row.id,
    name: row.name,
    countryCode: row.country_code,
    location: { latitude: row.latitude, longitude: row.longitude },
    timeZone: row.time_zone,
  }));
}
