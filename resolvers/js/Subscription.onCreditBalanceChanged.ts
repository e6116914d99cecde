/**
 * Subscription.onCreditBalanceChanged (NONE): runs once when a client subscribes. A user may follow
 * only their own credit balance: the userId argument must be the caller's Cognito `sub`. Events then
 * reach only subscriptions whose userId equals the published change's userId (@aws_subscribe).
 */
import { util, type AppSyncIdentityCognito } from '@aws-appsync/utils';
import type { FieldContext, FieldResult } from './lib/field.js';

export function request(ctx: FieldContext<'Subscription.onCreditBalanceChanged'>) {
  const identity = ctx.identity as AppSyncIdentityCognito | null;
  if (!identity?.sub || identity.sub !== ctx.args.userId) {
    util.unauthorized();
  }
  return { payload: null };
}

export function response(): FieldResult<'Subscription.onCreditBalanceChanged'> {
  return null;
}
