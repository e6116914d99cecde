/**
 * Query.searchHotels (RDS): hotels near a point or in a city with a room type bookable on every
 * night of the stay, cheapest such room type and its stay total, distance, filters, sorts, and
 * keyset pagination on (sort key, hotel id).
 *
 * Statement 1 finds the place's time zone and today's date there (the city searched, or for a
 * search near a point the nearest city): a check-in before that day is a ValidationError.
 * Statement 2 is the search. A room type's availability and stay total come from its row of
 * room_type_calendar (db/migrations/0012_room_type_calendar.sql: two array reads, whatever the
 * length of the stay), which inventory's triggers keep current. A hotel comes with its room types
 * only when the selection asks for them (otherwise Hotel.roomTypes reads them itself). Sort keys are whole numbers so the cursor compares exactly:
 * DISTANCE = millimetres from the centre, PRICE = stay total in minor units, RATING = -(rating*10),
 * unrated hotels +1 (last). Hotels that are already past the check-in date on their own clock
 * are left out too (a search near a point can span zones).
 */
import type { FieldContext, FieldResult } from './lib/field.js';
import { createPgStatement, sql, toJsonObject } from '@aws-appsync/utils/rds';
import { jsonColumn } from './lib/rows.js';
import { searchAfter, searchLimit, searchParams, searchToken, type SearchParams } from './lib/search-input.js';
import { assertNotPast, notFound } from './lib/validation.js';
import { databaseError } from './lib/database-error.js';

/** What the request handler tells the response handler. */
type SearchStash = { search: { params: SearchParams; limit: number } };

export function request(ctx: FieldContext<'Query.searchHotels', undefined, SearchStash>) {
  const p = searchParams(ctx.args.input);
  const limit = searchLimit(ctx.args.limit);
  const after = searchAfter(ctx.args.nextToken, p);
  // A hotel's room types (each reads 30 nights of inventory for its base rate) only when asked for.
  const withRoomTypes = ctx.info.selectionSetList.some((field) => field.startsWith('items/hotel/roomTypes'));
  ctx.stash.search = { params: p, limit };
  return createPgStatement(
    sql`
    SELECT c.time_zone, (now() AT TIME ZONE c.time_zone)::date::text AS today
      FROM cities c
     WHERE ${p.cityId}::uuid IS NULL OR c.id = ${p.cityId}::uuid
     ORDER BY point(c.longitude, c.latitude) <-> point(COALESCE(${p.lon}::float8, 0), COALESCE(${p.lat}::float8, 0))
     LIMIT 1`,
    sql`
    WITH centre AS (
      SELECT latitude AS lat, longitude AS lon FROM cities WHERE id = ${p.cityId}::uuid
      UNION ALL
      SELECT ${p.lat}::float8, ${p.lon}::float8 WHERE ${p.cityId}::uuid IS NULL
    ), candidates AS (
      SELECT h.id, h.currency, h.review_score,
             2 * 6371.0088 * asin(LEAST(1, sqrt(
               power(sin(radians(h.latitude - ce.lat) / 2), 2)
               + cos(radians(ce.lat)) * cos(radians(h.latitude)) * power(sin(radians(h.longitude - ce.lon) / 2), 2)))) AS km
        FROM centre ce
        JOIN hotels h
          ON h.city_id = ${p.cityId}::uuid
          OR point(h.longitude, h.latitude) <@ box(point(${p.west}::float8, ${p.south}::float8), point(${p.east}::float8, ${p.north}::float8))
       WHERE h.star_rating >= ${p.minStars}
         AND (${p.priceCurrency}::text IS NULL OR h.currency = ${p.priceCurrency}::text)
         AND ${p.checkIn}::date >= (now() AT TIME ZONE h.time_zone)::date
         AND (${p.amenityCount} = 0 OR ${p.amenityCount} = (
               SELECT count(*) FROM hotel_amenities ha
                WHERE ha.hotel_id = h.id AND ha.amenity_code IN (SELECT jsonb_array_elements_text(${p.amenities}::jsonb))))
    ), offers AS (
      SELECT DISTINCT ON (c.id) c.id AS hotel_id, c.km, c.review_score, c.currency, r.id AS room_type_id,
             cal.rate_before[s.b + 1] - cal.rate_before[s.a + 1] AS total
        FROM candidates c
        JOIN room_types r ON r.hotel_id = c.id AND r.max_guests >= ${p.guests}
        JOIN room_type_calendar cal ON cal.room_type_id = r.id
       CROSS JOIN LATERAL (SELECT ${p.checkIn}::date - cal.first_night AS a, ${p.checkOut}::date - cal.first_night AS b) AS s
       WHERE (${p.radiusKm}::float8 IS NULL OR c.km <= ${p.radiusKm}::float8)
         AND s.a >= 0 AND s.b <= cal.nights AND cal.next_closed[s.a + 1] >= s.b
       ORDER BY c.id, total, r.id
    ), ranked AS (
      SELECT o.*, CASE ${p.sort}::text
                    WHEN 'PRICE' THEN o.total
                    WHEN 'RATING' THEN COALESCE(-round(o.review_score * 10), 1)
                    ELSE round(o.km * 1000000) END::bigint AS sort_key
        FROM offers o
       WHERE (${p.minTotal}::bigint IS NULL OR o.total >= ${p.minTotal}::bigint)
         AND (${p.maxTotal}::bigint IS NULL OR o.total <= ${p.maxTotal}::bigint)
    )
    SELECT CASE WHEN ${withRoomTypes}::boolean THEN api_hotel(r.hotel_id) ELSE api_hotel_summary(r.hotel_id) END AS hotel,
           api_room_type(r.room_type_id) AS room_type, r.total, r.currency,
           round(r.km::numeric, 3)::float8 AS km, r.sort_key, r.hotel_id
      FROM ranked r
     WHERE ${after.sortKey}::bigint IS NULL OR (r.sort_key, r.hotel_id) > (${after.sortKey}::bigint, ${after.hotelId}::uuid)
     ORDER BY r.sort_key, r.hotel_id
     LIMIT ${limit + 1}`,
  );
}

export function response(ctx: FieldContext<'Query.searchHotels', undefined, SearchStash>): FieldResult<'Query.searchHotels'> {
  if (ctx.error) {
    return databaseError(ctx.error);
  }
  const [places, rows] = toJsonObject(ctx.result);
  const { params, limit } = ctx.stash.search;
  const zone = places?.[0];
  if (!zone) {
    return notFound(`No city with id ${params.cityId}`);
  }
  assertNotPast(params.checkIn, zone.today as string, zone.time_zone as string);
  const page = (rows ?? []).slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map((row) => ({
      hotel: jsonColumn(row.hotel),
      cheapestRoomType: jsonColumn(row.room_type),
      stayTotal: { amount: row.total, currency: row.currency },
      distanceKm: row.km,
    })),
    nextToken: (rows ?? []).length > limit && last ? searchToken(last.sort_key as number, last.hotel_id as string, params) : null,
  };
}
