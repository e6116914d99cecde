/**
 * Pipeline function (RDS) after ensureUser: the caller's profile and credit balance (the sum of
 * their ledger in their home currency, never a stored column). `credits.expiringSoon` and
 * `creditHistory` have their own resolvers and read the hidden `ownerId` (users.id) carried on
 * the objects returned here; `rewards` is the MONEY part's Lambda.
 */
import { util } from '@aws-appsync/utils';
import type { EnsuredUser, FieldContext, FieldResult } from '../js/lib/field.js';
import { createPgStatement, sql, toJsonObject } from '@aws-appsync/utils/rds';
import { databaseError } from '../js/lib/database-error.js';

export function request(ctx: FieldContext<'Query.me', EnsuredUser>) {
  const user = ctx.prev.result;
  return createPgStatement(sql`
    SELECT u.cognito_sub, u.email, u.name, u.referral_code, u.home_currency, api_instant(u.signed_up_at) AS signed_up_at,
           (SELECT r.code FROM referral_redemptions r WHERE r.referred_user_id = u.id) AS redeemed_code,
           (SELECT COALESCE(sum(e.amount_minor), 0) FROM credit_ledger e
             WHERE e.user_id = u.id AND e.currency = u.home_currency) AS balance
      FROM users u WHERE u.id = ${user.id}::uuid`);
}

export function response(ctx: FieldContext<'Query.me', EnsuredUser>): FieldResult<'Query.me'> {
  if (ctx.error) {
    return databaseError(ctx.error);
  }
  const row = toJsonObject(ctx.result)[0]?.[0];
  if (!row) {
    return util.error('The caller has no user record', 'InternalFailure');
  }
  const ownerId = ctx.prev.result.id;
  return {
    ownerId,
    id: row.cognito_sub,
    email: row.email,
    name: row.name,
    signedUpAt: row.signed_up_at,
    referralCode: row.referral_code,
    redeemedReferralCode: row.redeemed_code,
    credits: { ownerId, balance: { amount: row.balance, currency: row.home_currency } },
  };
}
