/**
 * Pipeline function (RDS): the signed-in caller's `users` row, created on first use from the
 * token's claims. Every user-scoped pipeline starts here, so resolvers and Lambdas after it work
 * with `ctx.prev.result` = { id, cognitoSub, email, name, homeCurrency, signedUpAt, referralCode }.
 * In AWS a Cognito sign-up creates the same row through the same statement shape.
 */
import { util } from '@aws-appsync/utils';
import type { EnsuredUser, SharedFunctionContext } from '../js/lib/field.js';
import { createPgStatement, sql, toJsonObject } from '@aws-appsync/utils/rds';
import { databaseError } from '../js/lib/database-error.js';

interface CognitoCaller {
  sub: string;
  username: string;
  claims: Record<string, unknown>;
}

function newReferralCode(): string {
  return util.autoId().split('-').join('').slice(0, 10).toUpperCase();
}

export function request(ctx: SharedFunctionContext) {
  const identity = ctx.identity as CognitoCaller | null;
  if (!identity || !identity.sub) {
    return util.unauthorized();
  }
  const email = (identity.claims.email as string | undefined) ?? `${identity.username}@users.roam.invalid`;
  const name = (identity.claims.name as string | undefined) ?? identity.username;
  return createPgStatement(sql`
    INSERT INTO users (cognito_sub, email, name, referral_code)
    VALUES (${identity.sub}, ${email}, ${name}, ${newReferralCode()})
    ON CONFLICT (cognito_sub) DO UPDATE SET updated_at = users.updated_at
    RETURNING id, cognito_sub, email, name, home_currency, signed_up_at, referral_code`);
}

export function response(ctx: SharedFunctionContext): EnsuredUser {
  if (ctx.error) {
    return databaseError(ctx.error);
  }
  const row = toJsonObject(ctx.result)[0]?.[0];
  if (!row) {
    return util.error('The caller has no user record', 'InternalFailure');
  }
  return {
    id: row.id,
    cognitoSub: row.cognito_sub,
    email: row.email,
    name: row.name,
    homeCurrency: row.home_currency,
    signedUpAt: row.signed_up_at,
    referralCode: row.referral_code,
  };
}
