/**
 * Hotel.availability (RDS): every room type of the parent hotel with each night's rooms left and
 * rate, in one query for the hotel (not one per room type), ordered like Hotel.roomTypes.
 * Bookable = sleeps the guests, and every night has a room left and a rate.
 */
import { util } from '@aws-appsync/utils';
import type { FieldContext, FieldResult } from './lib/field.js';
import { createPgStatement, sql, toJsonObject } from '@aws-appsync/utils/rds';
import { jsonColumn } from './lib/rows.js';
import { assertGuests, assertNotPast, stayNights } from './lib/validation.js';
import { databaseError } from './lib/database-error.js';

interface Night {
  date: string;
  roomsLeft: number;
  rate: { amount: number; currency: string } | null;
}

export function request(ctx: FieldContext<'Hotel.availability'>) {
  const { checkIn, checkOut, guests } = ctx.args;
  const source = ctx.source;
  stayNights(checkIn, checkOut);
  assertGuests(guests);
  assertNotPast(checkIn, util.time.nowFormatted('yyyy-MM-dd', source.timeZone), source.timeZone);
  return createPgStatement(sql`
    SELECT api_room_type(r.id) AS room_type, r.max_guests,
           (SELECT jsonb_agg(jsonb_build_object(
                     'date', d.night::date::text,
                     'roomsLeft', COALESCE(GREATEST(i.rooms_total - i.rooms_sold, 0), 0),
                     'rate', api_money(i.rate_minor, i.currency)) ORDER BY d.night)
              FROM generate_series(${checkIn}::date, ${checkOut}::date - 1, interval '1 day') AS d(night)
              LEFT JOIN inventory i ON i.room_type_id = r.id AND i.night = d.night::date) AS nights
      FROM room_types r
     WHERE r.hotel_id = ${source.id}::uuid
     ORDER BY room_type_base_rate(r.id) NULLS LAST, r.name, r.id`);
}

export function response(ctx: FieldContext<'Hotel.availability'>): FieldResult<'Hotel.availability'> {
  if (ctx.error) {
    return databaseError(ctx.error);
  }
  const guests = ctx.args.guests;
  return (toJsonObject(ctx.result)[0] ?? []).map((row) => {
    const nights = jsonColumn<Night[]>(row.nights);
    const roomsLeft = nights.reduce((least, night) => Math.min(least, night.roomsLeft), nights[0]?.roomsLeft ?? 0);
    const priced = nights.every((night) => night.rate !== null);
    const bookable = (row.max_guests as number) >= guests && roomsLeft > 0 && priced;
    const total = nights.reduce((sum, night) => sum + (night.rate ? night.rate.amount : 0), 0);
    const firstRate = nights[0]?.rate;
    return {
      roomType: jsonColumn(row.room_type),
      bookable,
      roomsLeft,
      nights,
      stayTotal: bookable && firstRate ? { amount: total, currency: firstRate.currency } : null,
    };
  });
}
