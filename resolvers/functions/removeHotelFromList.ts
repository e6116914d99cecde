/**
 * Pipeline function (RDS) after ensureUser: removes a hotel from one of the caller's lists;
 * removing one that is not there changes nothing. Another user's list is NotFound.
 */
import type { EnsuredUser, FieldContext, FieldResult } from '../js/lib/field.js';
import { createPgStatement, sql, toJsonObject } from '@aws-appsync/utils/rds';
import { assertListId } from '../js/lib/lists.js';
import { jsonColumn } from '../js/lib/rows.js';
import { isUuid, notFound } from '../js/lib/validation.js';
import { databaseError } from '../js/lib/database-error.js';

export function request(ctx: FieldContext<'Mutation.removeHotelFromList', EnsuredUser>) {
  const { listId, hotelId } = ctx.args.input;
  assertListId(listId);
  const hotel = isUuid(hotelId) ? hotelId : null;
  const owner = ctx.prev.result.id;
  return createPgStatement(
    sql`
    WITH l AS (SELECT id FROM lists WHERE id = ${listId}::uuid AND user_id = ${owner}::uuid),
         removed AS (DELETE FROM list_hotels lh USING l WHERE lh.list_id = l.id AND lh.hotel_id = ${hotel}::uuid RETURNING lh.list_id)
    UPDATE lists SET updated_at = now() WHERE id IN (SELECT list_id FROM removed)`,
    sql`SELECT api_list(l.id) AS list FROM lists l WHERE l.id = ${listId}::uuid AND l.user_id = ${owner}::uuid`,
  );
}

export function response(ctx: FieldContext<'Mutation.removeHotelFromList', EnsuredUser>): FieldResult<'Mutation.removeHotelFromList'> {
  if (ctx.error) {
    return databaseError(ctx.error);
  }
  const row = toJsonObject(ctx.result)[1]?.[0];
  return row ? jsonColumn(row.list) : notFound(`No list with id ${ctx.args.input.listId}`);
}
