/**
 * IAM-only publish mutation (NONE data source): answers with its input, so that the subscription
 * listing it in @aws_subscribe delivers a change a Lambda made inside its own transaction.
 */
import type { Context } from '@aws-appsync/utils';
import { databaseError } from './lib/database-error.js';

export function request(ctx: Context<{ input: Record<string, unknown> }>) {
  return { payload: ctx.arguments.input };
}

export function response(ctx: Context) {
  if (ctx.error) {
    return databaseError(ctx.error);
  }
  return ctx.result;
}
