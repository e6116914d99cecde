/**
 * Query.searchHotels (RDS): hotels near a point or in a city with a room type bookable on every
 * night of the stay, cheapest such room type and its stay total, distance, filters, sorts, and
 * keyset pagination on (sort key, hotel id).
 *
 * Statement 1 finds the place's time zone and today's date there (the city searched, or for a
 * search near a point the nearest city): a check-in before that day is a ValidationError.
 * Statement 2 is the search, on two read models that triggers keep current. hotel_search
 * (db/migrations/0013_hotel_search.sql) has one narrow row per hotel with what the filters read
 * and a lower bound of each party size's nightly rate, read for the place searched through
 * hotel_search_in_place (0014: so one plan of the statement serves every search, where
 * the Data API reuses plans); room_type_calendar (0012) answers a room
 * type's availability and stay total with two array reads. The hotels of the place that pass the
 * hotel filters are numbered by `bound`, a lower bound of their sort key (the key itself for
 * DISTANCE and RATING, nights x the lowest nightly rate for PRICE). Their cheapest bookable room
 * type (search_cheapest_room_type) is looked up in stages: the first 2 x (limit + 1) hotels, then
 * up to 8 x (limit + 1), then the rest, each later stage only for hotels whose bound is at most
 * the sort key of the (limit + 1)th offer found so far (a hotel with a higher bound cannot reach
 * the page). So a page usually reads a few dozen hotels' room types, not every hotel's. A hotel
 * comes with its room types only when the selection asks for them (otherwise Hotel.roomTypes
 * reads them itself); otherwise with its stored summary. Sort keys are whole numbers so the
 * cursor compares exactly: DISTANCE = millimetres from the centre, PRICE = stay total in minor
 * units, RATING = -(rating*10), unrated hotels +1 (last). Hotels that are already past the
 * check-in date on their own clock are left out too (a search near a point can span zones).
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
  // Hotels are looked at in the order of their bound in stages: the first stage is what the page
  // needs when most hotels have a room; a later stage only takes the hotels whose bound can still
  // beat the last row of the page found so far.
  const firstStage = 2 * (limit + 1);
  const secondStage = 8 * (limit + 1);
  return createPgStatement(
    sql`
    SELECT c.time_zone, (now() AT TIME ZONE c.time_zone)::date::text AS today
      FROM cities c
     WHERE ${p.cityId}::uuid IS NULL OR c.id = ${p.cityId}::uuid
     ORDER BY point(c.longitude, c.latitude) <-> point(COALESCE(${p.lon}::float8, 0), COALESCE(${p.lat}::float8, 0))
     LIMIT 1`,
    sql`
    WITH centre AS MATERIALIZED (
      SELECT latitude AS lat, longitude AS lon FROM cities WHERE id = ${p.cityId}::uuid
      UNION ALL
      SELECT ${p.lat}::float8, ${p.lon}::float8 WHERE ${p.cityId}::uuid IS NULL
    ), candidates AS MATERIALIZED (
      SELECT c.*, row_number() OVER (ORDER BY c.bound, c.id) AS n
        FROM (SELECT hs.hotel_id AS id, hs.currency, d.km,
                     CASE ${p.sort}::text
                       WHEN 'PRICE' THEN hs.min_rate_for_guests[${p.guests}::int] * ${p.nights}
                       WHEN 'RATING' THEN COALESCE(-round(hs.review_score * 10), 1)
                       ELSE round(d.km * 1000000) END::bigint AS bound
                FROM hotel_search_in_place(${p.cityId}::uuid, ${p.west}::float8, ${p.south}::float8, ${p.east}::float8, ${p.north}::float8) AS hs
               CROSS JOIN LATERAL (
                     SELECT 2 * 6371.0088 * asin(LEAST(1, sqrt(
                              power(sin(radians(hs.latitude - (SELECT lat FROM centre)) / 2), 2)
                              + cos(radians((SELECT lat FROM centre))) * cos(radians(hs.latitude))
                                * power(sin(radians(hs.longitude - (SELECT lon FROM centre)) / 2), 2)))) AS km) AS d
               WHERE hs.star_rating >= ${p.minStars}
                 AND hs.min_rate_for_guests[${p.guests}::int] IS NOT NULL
                 AND (${p.priceCurrency}::text IS NULL OR hs.currency = ${p.priceCurrency}::text)
                 AND (${p.checkIn}::date > (now() AT TIME ZONE 'UTC')::date + 1
                      OR ${p.checkIn}::date >= (now() AT TIME ZONE hs.time_zone)::date)
                 AND hs.amenity_codes @> ARRAY(SELECT jsonb_array_elements_text(${p.amenities}::jsonb))
                 AND (${p.radiusKm}::float8 IS NULL OR d.km <= ${p.radiusKm}::float8)
                 AND (${p.maxTotal}::bigint IS NULL OR hs.min_rate_for_guests[${p.guests}::int] * ${p.nights} <= ${p.maxTotal}::bigint)) AS c
       WHERE ${p.sort}::text = 'PRICE' OR ${after.sortKey}::bigint IS NULL OR (c.bound, c.id) > (${after.sortKey}::bigint, ${after.hotelId}::uuid)
    ), first_offers AS MATERIALIZED (
      SELECT c.id AS hotel_id, c.km, c.currency, o.room_type_id, o.total,
             CASE ${p.sort}::text WHEN 'PRICE' THEN o.total ELSE c.bound END AS sort_key
        FROM candidates c
       CROSS JOIN LATERAL search_cheapest_room_type(c.id, ${p.checkIn}::date, ${p.checkOut}::date, ${p.guests}::int) AS o
       WHERE c.n <= ${firstStage}
    ), first_cut AS (
      SELECT o.sort_key FROM first_offers o
       WHERE (${p.minTotal}::bigint IS NULL OR o.total >= ${p.minTotal}::bigint)
         AND (${p.maxTotal}::bigint IS NULL OR o.total <= ${p.maxTotal}::bigint)
         AND (${after.sortKey}::bigint IS NULL OR (o.sort_key, o.hotel_id) > (${after.sortKey}::bigint, ${after.hotelId}::uuid))
       ORDER BY o.sort_key, o.hotel_id OFFSET ${limit} LIMIT 1
    ), second_offers AS MATERIALIZED (
      SELECT c.id AS hotel_id, c.km, c.currency, o.room_type_id, o.total,
             CASE ${p.sort}::text WHEN 'PRICE' THEN o.total ELSE c.bound END AS sort_key
        FROM candidates c
       CROSS JOIN LATERAL search_cheapest_room_type(c.id, ${p.checkIn}::date, ${p.checkOut}::date, ${p.guests}::int) AS o
       WHERE c.n > ${firstStage} AND c.n <= ${secondStage} AND c.bound <= COALESCE((SELECT sort_key FROM first_cut), c.bound)
    ), second_cut AS (
      SELECT o.sort_key FROM (SELECT * FROM first_offers UNION ALL SELECT * FROM second_offers) AS o
       WHERE (${p.minTotal}::bigint IS NULL OR o.total >= ${p.minTotal}::bigint)
         AND (${p.maxTotal}::bigint IS NULL OR o.total <= ${p.maxTotal}::bigint)
         AND (${after.sortKey}::bigint IS NULL OR (o.sort_key, o.hotel_id) > (${after.sortKey}::bigint, ${after.hotelId}::uuid))
       ORDER BY o.sort_key, o.hotel_id OFFSET ${limit} LIMIT 1
    ), offers AS (
      SELECT * FROM first_offers
      UNION ALL
      SELECT * FROM second_offers
      UNION ALL
      SELECT c.id, c.km, c.currency, o.room_type_id, o.total,
             CASE ${p.sort}::text WHEN 'PRICE' THEN o.total ELSE c.bound END
        FROM candidates c
       CROSS JOIN LATERAL search_cheapest_room_type(c.id, ${p.checkIn}::date, ${p.checkOut}::date, ${p.guests}::int) AS o
       WHERE c.n > ${secondStage} AND c.bound <= COALESCE((SELECT sort_key FROM second_cut), c.bound)
    ), page AS (
      SELECT o.* FROM offers o
       WHERE (${p.minTotal}::bigint IS NULL OR o.total >= ${p.minTotal}::bigint)
         AND (${p.maxTotal}::bigint IS NULL OR o.total <= ${p.maxTotal}::bigint)
         AND (${after.sortKey}::bigint IS NULL OR (o.sort_key, o.hotel_id) > (${after.sortKey}::bigint, ${after.hotelId}::uuid))
       ORDER BY o.sort_key, o.hotel_id
       LIMIT ${limit + 1}
    )
    SELECT CASE WHEN ${withRoomTypes}::boolean THEN api_hotel(r.hotel_id) ELSE hs.summary END AS hotel,
           api_room_type(r.room_type_id) AS room_type, r.total, r.currency,
           round(r.km::numeric, 3)::float8 AS km, r.sort_key, r.hotel_id
      FROM page r
      JOIN hotel_search hs ON hs.hotel_id = r.hotel_id
     ORDER BY r.sort_key, r.hotel_id`,
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
