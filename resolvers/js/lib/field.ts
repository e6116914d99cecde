/**
 * Types for APPSYNC_JS resolvers and pipeline functions, from the schema (resolvers/fields.ts):
 * `ctx: FieldContext<'Query.hotel'>` gives `ctx.args` and `ctx.source` the field's types, and a
 * response handler declared `: FieldResult<'Query.hotel'>` must return what the schema says.
 * Types only: esbuild drops these imports, so the deployed bundle is unchanged.
 */
import type { Context } from '@aws-appsync/utils';
import type { FieldArgs, FieldCoordinate, FieldResult, FieldSource } from '../../fields.js';

/** What the ensureUser pipeline function leaves in `ctx.prev.result` for the functions after it. */
export interface EnsuredUser {
  id: string;
  cognitoSub: string;
  email: string;
  name: string;
  homeCurrency: string;
  signedUpAt: string;
  referralCode: string;
}

/**
 * The context of a resolver or pipeline function serving field `F`. `TPrev` is the previous
 * pipeline step's result (`ctx.prev.result`), `TStash` what the handlers share in `ctx.stash`.
 * The source of a field on an object type is always there, so it is not optional here.
 */
export type FieldContext<
  F extends FieldCoordinate,
  TPrev = undefined,
  TStash extends Record<string, unknown> = Record<string, unknown>,
> = Omit<Context<FieldArgs<F>, TStash, { result: TPrev }, FieldSource<F>>, 'source'> & { source: FieldSource<F> };

/**
 * The context of a pipeline function shared by many fields (ensureUser, invokeLambda): it passes
 * arguments and source on without reading them, so they stay `unknown`.
 */
export type SharedFunctionContext<TPrev = undefined> = Context<
  Record<string, unknown>,
  Record<string, unknown>,
  { result: TPrev },
  Record<string, unknown> | undefined
>;

export type { FieldCoordinate, FieldResult };
