/**
 * Pipeline function (LAMBDA): hands the field to a business Lambda, and turns its answer into the
 * field's value or error. The same file serves every Lambda-backed field (the manifest binds it
 * once per Lambda data source).
 *
 * Event sent:   { field: 'Type.field', arguments, identity, user: ctx.prev.result (the ensured
 *                 caller, or the previous step's result), source }
 * Lambda reply: { data } for success, or { error: { message, type, info? } } for a business
 *               error, which becomes `util.error(message, type, null, info)`.
 * A crash or timeout arrives as ctx.error (Lambda:Unhandled) and is raised as is.
 */
import { util } from '@aws-appsync/utils';
import type { EnsuredUser, SharedFunctionContext } from '../js/lib/field.js';

interface LambdaReply {
  data?: unknown;
  error?: { message: string; type: string; info?: unknown };
}

/** Back-office fields have no ensureUser step before this one: `prev.result` is then unset. */
export function request(ctx: SharedFunctionContext<EnsuredUser | undefined>) {
  return {
    operation: 'Invoke',
    payload: {
      field: `${ctx.info.parentTypeName}.${ctx.info.fieldName}`,
      arguments: ctx.arguments,
      identity: ctx.identity,
      user: ctx.prev.result ?? null,
      source: ctx.source ?? null,
    },
  };
}

export function response(ctx: SharedFunctionContext<EnsuredUser | undefined>): unknown {
  if (ctx.error) {
    return util.error(ctx.error.message, ctx.error.type);
  }
  const reply = ctx.result as LambdaReply;
  if (reply.error) {
    return util.error(reply.error.message, reply.error.type, null, reply.error.info ?? null);
  }
  return reply.data ?? null;
}
