/**
 * Pipeline function (RDS) after ensureUser: the caller's bookings, latest check-in first (ties by
 * id), optionally only some statuses; keyset pages on (check_in DESC, id) read
 * bookings_user_check_in_idx (the redundant `check_in <=` bound makes the cursor an index condition).
 */
import type { EnsuredUser, FieldContext, FieldResult } from '../js/lib/field.js';
import { createPgStatement, sql, toJsonObject } from '@aws-appsync/utils/rds';
import { ReadLimits } from '../js/lib/constants.js';
import { CursorPatterns, decodeCursor, encodeCursor } from '../js/lib/cursor.js';
import { jsonColumn } from '../js/lib/rows.js';
import { pageLimit } from '../js/lib/validation.js';
import { databaseError } from '../js/lib/database-error.js';

/** What the request handler tells the response handler. */
type PageStash = { limit: number };

export function request(ctx: FieldContext<'Query.myBookings', EnsuredUser, PageStash>) {
  const limit = pageLimit(ctx.args.limit, ReadLimits.DEFAULT_PAGE, ReadLimits.MAX_PAGE);
  const after = ctx.args.nextToken ? decodeCursor(ctx.args.nextToken, [CursorPatterns.DATE, CursorPatterns.UUID]) : [null, null];
  const statuses = ctx.args.status && ctx.args.status.length > 0 ? JSON.stringify(ctx.args.status) : null;
  ctx.stash.limit = limit;
  return createPgStatement(sql`
    SELECT api_booking(b.id) AS booking, b.check_in::text AS check_in, b.id
      FROM bookings b
     WHERE b.user_id = ${ctx.prev.result.id}::uuid
       AND (${statuses}::jsonb IS NULL OR b.status IN (SELECT jsonb_array_elements_text(${statuses}::jsonb)))
       AND (${after[0]}::date IS NULL OR b.check_in <= ${after[0]}::date)
       AND (${after[0]}::date IS NULL OR b.check_in < ${after[0]}::date OR (b.check_in = ${after[0]}::date AND b.id > ${after[1]}::uuid))
     ORDER BY b.check_in DESC, b.id
     LIMIT ${limit + 1}`);
}

export function response(ctx: FieldContext<'Query.myBookings', EnsuredUser, PageStash>): FieldResult<'Query.myBookings'> {
  if (ctx.error) {
    return databaseError(ctx.error);
  }
  const rows = toJsonObject(ctx.result)[0] ?? [];
  const page = rows.slice(0, ctx.stash.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((row) => jsonColumn(row.booking)),
    nextToken: rows.length > ctx.stash.limit && last ? encodeCursor([last.check_in, last.id]) : null,
  };
}
