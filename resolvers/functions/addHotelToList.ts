/**
 * Pipeline function (RDS) after ensureUser: adds a hotel to one of the caller's lists. Adding it
 * again changes nothing (the primary key keeps it once; updated_at moves only on a real change).
 * Statement 1 reports whether the list (the caller's) and the hotel exist; statement 2 reads the list.
 */
import type { EnsuredUser, FieldContext, FieldResult } from '../js/lib/field.js';
import { createPgStatement, sql, toJsonObject } from '@aws-appsync/utils/rds';
import { assertListId } from '../js/lib/lists.js';
import { jsonColumn } from '../js/lib/rows.js';
import { isUuid, notFound } from '../js/lib/validation.js';
import { databaseError } from '../js/lib/database-error.js';

export function request(ctx: FieldContext<'Mutation.addHotelToList', EnsuredUser>) {
  const { listId, hotelId } = ctx.args.input;
  assertListId(listId);
  const hotel = isUuid(hotelId) ? hotelId : null;
  const owner = ctx.prev.result.id;
  return createPgStatement(
    sql`
    WITH l AS (SELECT id FROM lists WHERE id = ${listId}::uuid AND user_id = ${owner}::uuid),
         h AS (SELECT id FROM hotels WHERE id = ${hotel}::uuid),
         added AS (INSERT INTO list_hotels (list_id, hotel_id) SELECT l.id, h.id FROM l, h
                   ON CONFLICT ON CONSTRAINT list_hotels_pkey DO NOTHING RETURNING list_id),
         touched AS (UPDATE lists SET updated_at = now() WHERE id IN (SELECT list_id FROM added) RETURNING id)
    SELECT EXISTS (SELECT 1 FROM l) AS list_found, EXISTS (SELECT 1 FROM h) AS hotel_found, (SELECT count(*) FROM touched) AS changed`,
    sql`SELECT api_list(l.id) AS list FROM lists l WHERE l.id = ${listId}::uuid AND l.user_id = ${owner}::uuid`,
  );
}

export function response(ctx: FieldContext<'Mutation.addHotelToList', EnsuredUser>): FieldResult<'Mutation.addHotelToList'> {
  if (ctx.error) {
    return databaseError(ctx.error);
  }
  const [found, lists] = toJsonObject(ctx.result) as Record<string, unknown>[][];
  if (!found?.[0]?.list_found || !lists?.[0]) {
    return notFound(`No list with id ${ctx.args.input.listId}`);
  }
  if (!found[0].hotel_found) {
    return notFound(`No hotel with id ${ctx.args.input.hotelId}`);
  }
  return jsonColumn(lists[0].list);
}
