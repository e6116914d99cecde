/**
 * CreditBalance.expiringSoon (RDS): what is left of the owner's grants that expire within the
 * window, summed per expiry instant, soonest first. The owner is the hidden `ownerId` that
 * Query.me's getMe put on its CreditBalance (never a client value).
 */
import type { FieldContext, FieldResult } from './lib/field.js';
import { createPgStatement, sql, toJsonObject } from '@aws-appsync/utils/rds';
import { ReadLimits } from './lib/constants.js';
import { invalid } from './lib/validation.js';
import { databaseError } from './lib/database-error.js';

export function request(ctx: FieldContext<'CreditBalance.expiringSoon'>) {
  const days = ctx.args.withinDays ?? ReadLimits.DEFAULT_EXPIRY_WINDOW_DAYS;
  if (days < 1 || days > ReadLimits.MAX_EXPIRY_WINDOW_DAYS) {
    invalid(`withinDays must be from 1 to ${ReadLimits.MAX_EXPIRY_WINDOW_DAYS} (got ${days})`);
  }
  const source = ctx.source;
  return createPgStatement(sql`
    SELECT api_instant(g.expires_at) AS expires_at, sum(g.remaining_minor) AS amount
      FROM credit_grant_remaining g
     WHERE g.user_id = ${source.ownerId}::uuid AND g.currency = ${source.balance.currency}
       AND g.remaining_minor > 0 AND g.expires_at > now() AND g.expires_at <= now() + make_interval(days => ${days}::int)
     GROUP BY g.expires_at
     ORDER BY g.expires_at`);
}

export function response(ctx: FieldContext<'CreditBalance.expiringSoon'>): FieldResult<'CreditBalance.expiringSoon'> {
  if (ctx.error) {
    return databaseError(ctx.error);
  }
  const currency = ctx.source.balance.currency;
  return (toJsonObject(ctx.result)[0] ?? []).map((row) => ({
    amount: { amount: row.amount, currency },
    expiresAt: row.expires_at,
  }));
}
