/**
 * Subscription.onBookingUpdated (NONE): runs once when a client subscribes. A user may follow
 * only their own bookings: the userId argument must be the caller's Cognito `sub`. Events then
 * reach only subscriptions whose userId equals the published booking's userId (@aws_subscribe).
 */
import { util, type AppSyncIdentityCognito } from '@aws-appsync/utils';
import type { FieldContext, FieldResult } from './lib/field.js';

export function request(ctx: FieldContext<'Subscription.onBookingUpdated'>) {
  const identity = ctx.identity as AppSyncIdentityCognito | null;
  if (!identity?.sub || identity.sub !== ctx.args.userId) {
    util.unauthorized();
  }
  return { payload: null };
}

export function response(): FieldResult<'Subscription.onBookingUpdated'> {
  return null;
}
