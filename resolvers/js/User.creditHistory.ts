/**
 * User.creditHistory (RDS): the owner's ledger entries, newest first (ties by id), in keyset pages
 * on (created_at DESC, id) that read credit_ledger_user_created_idx. The owner is the hidden
 * `ownerId` Query.me put on the User.
 */
import type { FieldContext, FieldResult } from './lib/field.js';
import { createPgStatement, sql, toJsonObject } from '@aws-appsync/utils/rds';
import { ReadLimits } from './lib/constants.js';
import { CursorPatterns, decodeCursor, encodeCursor } from './lib/cursor.js';
import { pageLimit } from './lib/validation.js';
import { databaseError } from './lib/database-error.js';

/** What the request handler tells the response handler. */
type PageStash = { limit: number };

export function request(ctx: FieldContext<'User.creditHistory', undefined, PageStash>) {
  const limit = pageLimit(ctx.args.limit, ReadLimits.DEFAULT_HISTORY_PAGE, ReadLimits.MAX_PAGE);
  const after = ctx.args.nextToken ? decodeCursor(ctx.args.nextToken, [CursorPatterns.INSTANT, CursorPatterns.UUID]) : [null, null];
  ctx.stash.limit = limit;
  return createPgStatement(sql`
    SELECT e.id, e.kind, e.amount_minor, e.currency, api_instant(e.expires_at) AS expires_at, e.booking_id, e.note,
           api_instant(e.created_at) AS created_at
      FROM credit_ledger e
     WHERE e.user_id = ${ctx.source.ownerId}::uuid
       AND (${after[0]}::timestamptz IS NULL OR e.created_at <= ${after[0]}::timestamptz)
       AND (${after[0]}::timestamptz IS NULL OR e.created_at < ${after[0]}::timestamptz
            OR (e.created_at = ${after[0]}::timestamptz AND e.id > ${after[1]}::uuid))
     ORDER BY e.created_at DESC, e.id
     LIMIT ${limit + 1}`);
}

export function response(ctx: FieldContext<'User.creditHistory', undefined, PageStash>): FieldResult<'User.creditHistory'> {
  if (ctx.error) {
    return databaseError(ctx.error);
  }
  const rows = toJsonObject(ctx.result)[0] ?? [];
  const page = rows.slice(0, ctx.stash.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((row) => ({
      id: row.id,
      kind: row.kind,
      amount: { amount: row.amount_minor, currency: row.currency },
      expiresAt: row.expires_at,
      bookingId: row.booking_id,
      note: row.note,
      createdAt: row.created_at,
    })),
    nextToken: rows.length > ctx.stash.limit && last ? encodeCursor([last.created_at, last.id]) : null,
  };
}
