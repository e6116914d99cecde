/**
 * IAM-only publish mutation (NONE data source): answers with its input, so that the subscription
 * listing it in @aws_subscribe delivers a change a Lambda made inside its own transaction.
 */
import type { FieldContext, FieldResult } from './lib/field.js';
import { databaseError } from './lib/database-error.js';

export function request(ctx: FieldContext<'Mutation.publishCreditBalanceChanged'>) {
  return { payload: ctx.arguments.input };
}

export function response(ctx: FieldContext<'Mutation.publishCreditBalanceChanged'>): FieldResult<'Mutation.publishCreditBalanceChanged'> {
  if (ctx.error) {
    return databaseError(ctx.error);
  }
  return ctx.result;
}
