// Every operation the API offers, with the auth modes it must allow: signed-out browsing
// with an API key, signed-in users by default, the back office with IAM or group `partners`, and
// the publish mutations with IAM only. Then the inheritance check: every field a root field can
// return allows every mode that may call the root field.
import type { GraphQLObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { effectiveRules, findAuthGaps } from './auth-rules.js';
import { loadSchema, schemaSource } from './load.js';

const USER = 'AMAZON_COGNITO_USER_POOLS';
const API_KEY = 'API_KEY';
const IAM = 'AWS_IAM';
const PARTNERS = 'AMAZON_COGNITO_USER_POOLS[partners]';

const browsing = [API_KEY, USER];
const signedIn = [USER];
const backOffice = [IAM, PARTNERS];
const internal = [IAM];

/** Root field → the modes it allows. A root field missing from this table fails the test. */
const expectedAuth: Record<string, string[]> = {
  'Query.cities': browsing,
  'Query.searchHotels': browsing,
  'Query.hotel': browsing,
  'Query.quote': signedIn,
  'Query.booking': signedIn,
  'Query.myBookings': signedIn,
  'Query.me': signedIn,
  'Query.myLists': signedIn,
  'Mutation.createBooking': signedIn,
  'Mutation.cancelBooking': signedIn,
  'Mutation.redeemReferralCode': signedIn,
  'Mutation.createList': signedIn,
  'Mutation.renameList': signedIn,
  'Mutation.deleteList': signedIn,
  'Mutation.addHotelToList': signedIn,
  'Mutation.removeHotelFromList': signedIn,
  'Mutation.setRoomAvailability': backOffice,
  'Mutation.completeStay': backOffice,
  'Mutation.expireCredits': internal,
  'Mutation.publishCreditBalanceChanged': internal,
  'Mutation.publishHotelAvailabilityChanged': internal,
  'Subscription.onBookingUpdated': signedIn,
  'Subscription.onCreditBalanceChanged': signedIn,
  'Subscription.onHotelAvailabilityChanged': browsing,
};

function rootTypes(): GraphQLObjectType[] {
  const schema = loadSchema();
  return [schema.getQueryType()!, schema.getMutationType()!, schema.getSubscriptionType()!];
}

function rootFieldNames(): string[] {
  return rootTypes().flatMap((root) => Object.keys(root.getFields()).map((name) => `${root.name}.${name}`));
}

function rootField(path: string): { root: GraphQLObjectType; name: string } {
  const [typeName, name] = path.split('.') as [string, string];
  const root = rootTypes().find((type) => type.name === typeName)!;
  return { root, name };
}

describe('auth directives on the operations', () => {
  it('lists every root field of the schema in the auth table, and nothing else', () => {
    expect(rootFieldNames().sort()).toEqual(Object.keys(expectedAuth).sort());
  });

  it.each(Object.entries(expectedAuth))('%s allows exactly %j', (path, modes) => {
    const { root, name } = rootField(path);
    const field = root.getFields()[name];
    expect(field, `${path} is missing`).toBeDefined();
    expect(effectiveRules(root, field!)).toEqual([...modes].sort());
  });
});

describe('auth inheritance into returned types', () => {
  it.each(Object.keys(expectedAuth))('every field reachable from %s admits its callers', (path) => {
    const { root, name } = rootField(path);
    expect(findAuthGaps(root, name)).toEqual([]);
  });

  it('reports a returned type whose auth directive was dropped', () => {
    // Prove the check can fail: without its type-level directives, Money falls back to the default
    // mode, so an API-key search is refused on every Money field.
    const source = schemaSource().replace('type Money @aws_api_key @aws_cognito_user_pools @aws_iam {', 'type Money {');
    expect(source).not.toBe(schemaSource());
    const gaps = findAuthGaps(loadSchema(source).getQueryType()!, 'searchHotels');
    expect(gaps).toContainEqual({
      root: 'Query.searchHotels',
      field: 'Money.amount',
      callerRule: API_KEY,
      allowed: [USER],
    });
  });

  it('reports a partners-only field reached by any signed-in user', () => {
    const source =
      schemaSource().replace('  me: User!', '  me: User!\n  """x"""\n  partnerNote: PartnerNote!') +
      '\n"""x"""\ntype PartnerNote @aws_cognito_user_pools(cognito_groups: ["partners"]) {\n  """x"""\n  text: String!\n}\n';
    const gaps = findAuthGaps(loadSchema(source).getQueryType()!, 'partnerNote');
    expect(gaps.map((gap) => gap.field)).toEqual(['PartnerNote.text']);
  });
});
