// The realtime contract: each subscription names the mutations
// that publish to it, those mutations return the subscription's type, each subscription argument
// filters on a top-level field of that type, and changes made inside Lambdas reach subscribers
// through IAM-only publish mutations.
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isNonNullType,
  isObjectType,
  valueFromASTUntyped,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLObjectType,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { effectiveRules } from './auth-rules.js';
import { loadSchema } from './load.js';

/** Subscription → the mutations that must publish to it. */
const expectedPublishers: Record<string, string[]> = {
  onBookingUpdated: ['createBooking', 'cancelBooking', 'completeStay'],
  onCreditBalanceChanged: ['publishCreditBalanceChanged'],
  onHotelAvailabilityChanged: ['setRoomAvailability', 'publishHotelAvailabilityChanged'],
};

/** Subscription → its filter arguments. */
const expectedArguments: Record<string, string[]> = {
  onBookingUpdated: ['userId: ID!'],
  onCreditBalanceChanged: ['userId: ID!'],
  onHotelAvailabilityChanged: ['hotelId: ID!'],
};

function subscriptionFields(): Record<string, GraphQLField<unknown, unknown>> {
  return loadSchema().getSubscriptionType()!.getFields();
}

function publishersOf(field: GraphQLField<unknown, unknown>): string[] {
  const directive = field.astNode?.directives?.find((node) => node.name.value === 'aws_subscribe');
  const mutations = directive?.arguments?.find((arg) => arg.name.value === 'mutations');
  return mutations ? (valueFromASTUntyped(mutations.value) as string[]) : [];
}

describe('@aws_subscribe', () => {
  it('covers every subscription field', () => {
    expect(Object.keys(subscriptionFields()).sort()).toEqual(Object.keys(expectedPublishers).sort());
  });

  it.each(Object.entries(expectedPublishers))('%s is published by %j', (name, mutations) => {
    expect(publishersOf(subscriptionFields()[name]!)).toEqual(mutations);
  });

  it.each(Object.keys(expectedPublishers))('%s: each publishing mutation exists and returns the same type', (name) => {
    const schema = loadSchema();
    const subscription = subscriptionFields()[name]!;
    const mutationFields = schema.getMutationType()!.getFields();
    for (const mutationName of publishersOf(subscription)) {
      const mutation = mutationFields[mutationName];
      expect(mutation, `Mutation.${mutationName}`).toBeDefined();
      expect(getNamedType(mutation!.type).name).toBe(getNamedType(subscription.type).name);
    }
  });

  it.each(Object.entries(expectedArguments))('%s takes %j, each matching a top-level field of its type', (name, args) => {
    const subscription = subscriptionFields()[name]!;
    expect(subscription.args.map((arg) => `${arg.name}: ${String(arg.type)}`)).toEqual(args);
    const payload = getNamedType(subscription.type) as GraphQLObjectType;
    for (const arg of subscription.args) {
      const field = payload.getFields()[arg.name];
      expect(field, `${payload.name}.${arg.name}`).toBeDefined();
      expect(String(field!.type)).toBe(String(arg.type));
    }
  });

  it('returns nullable types from subscription fields (AppSync answers the subscribe call with null)', () => {
    for (const field of Object.values(subscriptionFields())) {
      expect(String(field.type).endsWith('!')).toBe(false);
    }
  });
});

describe('publish mutations', () => {
  const publishMutations = (): [string, GraphQLField<unknown, unknown>][] =>
    Object.entries(loadSchema().getMutationType()!.getFields()).filter(([name]) => name.startsWith('publish'));

  it('exist for changes made inside Lambdas (credits, and availability after bookings)', () => {
    expect(
      publishMutations()
        .map(([name]) => name)
        .sort(),
    ).toEqual(['publishCreditBalanceChanged', 'publishHotelAvailabilityChanged']);
  });

  it('are IAM only, so no client can forge an event', () => {
    const mutation = loadSchema().getMutationType()!;
    for (const [, field] of publishMutations()) {
      expect(effectiveRules(mutation, field)).toEqual(['AWS_IAM']);
    }
  });

  it('each publishes to a subscription', () => {
    const listed = new Set(Object.values(subscriptionFields()).flatMap(publishersOf));
    for (const [name] of publishMutations()) expect(listed.has(name), name).toBe(true);
  });

  it('take one input that mirrors the returned type, so the NONE resolver can return it as is', () => {
    for (const [name, field] of publishMutations()) {
      expect(
        field.args.map((arg) => arg.name),
        name,
      ).toEqual(['input']);
      expect(mirrorGaps(getNamedType(field.args[0]!.type), getNamedType(field.type)), name).toEqual([]);
    }
  });
});

/**
 * Differences between an input type and the output type it stands for: fields missing on either
 * side, and output fields that are non-null where the input may be null. Recurses into
 * input objects.
 */
function mirrorGaps(input: GraphQLNamedType, output: GraphQLNamedType): string[] {
  if (!isInputObjectType(input) || !isObjectType(output)) {
    return input.name === output.name || (isEnumType(input) && input === output) ? [] : [`${input.name} ≠ ${output.name}`];
  }
  const gaps: string[] = [];
  const inputFields = input.getFields();
  const outputFields = output.getFields();
  for (const fieldName of new Set([...Object.keys(inputFields), ...Object.keys(outputFields)])) {
    const inField = inputFields[fieldName];
    const outField = outputFields[fieldName];
    if (!inField || !outField) {
      gaps.push(`${input.name}.${fieldName} / ${output.name}.${fieldName}: only on one side`);
      continue;
    }
    if (isNonNullType(outField.type) && !isNonNullType(inField.type)) {
      gaps.push(`${input.name}.${fieldName} may be null but ${output.name}.${fieldName} may not`);
    }
    gaps.push(...mirrorGaps(getNamedType(inField.type), getNamedType(outField.type)));
  }
  return gaps;
}
