/**
 * Each field's arguments, source (parent value) and result, read from the resolver types that
 * `npm run codegen` generates from schema.graphql (generated/graphql.ts), by the field's coordinate
 * `Type.field`. APPSYNC_JS resolvers use them through resolvers/js/lib/field.ts, Lambdas through
 * `FieldHandler` (resolvers/lambda/shared/handler.ts); a schema change that a resolver does not
 * follow fails `npm run typecheck`. Types only: nothing here reaches a bundle.
 */
import type { ResolverFn, Resolvers, SubscriptionResolver } from '../generated/graphql.js';

/** Object types with field resolvers (not scalars). */
type ObjectTypeName = {
  [T in keyof Resolvers]-?: NonNullable<Resolvers[T]> extends { resolveType: unknown } | { serialize: unknown } ? never : T;
}[keyof Resolvers];

type FieldsOf<T extends ObjectTypeName> = NonNullable<Resolvers[T]>;

/** Every field of the schema, as `Type.field` (the resolver manifest's keys). */
export type FieldCoordinate = {
  [T in ObjectTypeName]: `${T}.${keyof FieldsOf<T> & string}`;
}[ObjectTypeName];

type ResolverOf<F extends FieldCoordinate> = F extends `${infer T extends ObjectTypeName}.${infer K}`
  ? K extends keyof FieldsOf<T>
    ? NonNullable<FieldsOf<T>[K]>
    : never
  : never;

/** The parts of a field's resolver signature. */
type Signature<R> =
  R extends ResolverFn<infer Result, infer Source, unknown, infer Args>
    ? { result: Awaited<Result>; source: Source; args: Args }
    : R extends SubscriptionResolver<infer Result, string, infer Source, unknown, infer Args>
      ? { result: Awaited<Result>; source: Source; args: Args }
      : never;

/** The field's arguments as the resolver receives them (`ctx.args`, a Lambda's `event.arguments`). */
export type FieldArgs<F extends FieldCoordinate> = Signature<ResolverOf<F>>['args'];

/**
 * The parent value (`ctx.source`): the parent type, where fields that have their own resolver may
 * be missing (codegen.ts `resolvedFieldMappers`).
 */
export type FieldSource<F extends FieldCoordinate> = Signature<ResolverOf<F>>['source'];

/** What the field's resolver returns, with the same allowance for fields resolved below it. */
export type FieldResult<F extends FieldCoordinate> = Signature<ResolverOf<F>>['result'];
