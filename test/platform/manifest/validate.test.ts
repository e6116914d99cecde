import { buildSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import {
  assertValidManifest,
  defineManifest,
  findManifestProblems,
  ManifestError,
  mergeManifests,
  type ResolverManifest,
} from '../../../platform/manifest/index.js';

const schema = buildSchema(/* GraphQL */ `
  type Query {
    hotel(id: ID!): Hotel
    ping: String
  }
  type Mutation {
    book(id: ID!): String
  }
  type Subscription {
    onBook: String
  }
  type Hotel {
    id: ID!
    rooms: [String]
  }
`);

const valid = defineManifest({
  dataSources: { none: { kind: 'NONE' }, db: { kind: 'RDS' }, fn: { kind: 'LAMBDA', function: 'booking' } },
  lambdaFunctions: { booking: { handler: 'lambda/booking.ts', timeoutSeconds: 10 } },
  functions: { getHotel: { code: 'fn/getHotel.ts', dataSource: 'db' } },
  resolvers: {
    'Query.hotel': { kind: 'JS_PIPELINE', functions: ['getHotel'] },
    'Query.ping': { kind: 'JS_UNIT', code: 'js/Query.ping.ts', dataSource: 'none' },
    'Mutation.book': { kind: 'DIRECT_LAMBDA', dataSource: 'fn' },
    'Hotel.rooms': { kind: 'JS_UNIT', code: 'js/Hotel.rooms.ts', dataSource: 'fn', maxBatchSize: 100 },
  },
});

function withChanges(change: (m: Record<string, any>) => void): ResolverManifest {
  const copy = structuredClone(valid) as Record<string, any>;
  change(copy);
  return copy as unknown as ResolverManifest;
}

describe('Function: findManifestProblems', () => {
  it('accepts a manifest that serves every root field and names real fields', () => {
    expect(findManifestProblems(valid, schema)).toEqual([]);
  });

  it.each([
    ['a Query field without a resolver', (m: any) => delete m.resolvers['Query.ping'], 'field Query.ping has no resolver'],
    ['a Mutation field without a resolver', (m: any) => delete m.resolvers['Mutation.book'], 'field Mutation.book has no resolver'],
    [
      'an entry for a missing field',
      (m: any) => (m.resolvers['Hotel.nope'] = m.resolvers['Query.ping']),
      'resolver Hotel.nope: type Hotel has no field nope',
    ],
    [
      'an entry for a missing type',
      (m: any) => (m.resolvers['Room.id'] = m.resolvers['Query.ping']),
      'resolver Room.id: the schema has no object type Room',
    ],
    [
      'an unknown data source',
      (m: any) => (m.resolvers['Query.ping'].dataSource = 'ddb'),
      'resolver Query.ping: data source "ddb" is not declared',
    ],
    [
      'an unknown pipeline function',
      (m: any) => m.resolvers['Query.hotel'].functions.push('nope'),
      'resolver Query.hotel: function "nope" is not declared',
    ],
    [
      'an unused pipeline function',
      (m: any) => (m.functions.spare = { code: 'x.ts', dataSource: 'db' }),
      'function spare: no pipeline uses it',
    ],
    [
      'a Lambda data source without its function',
      (m: any) => delete m.lambdaFunctions.booking,
      'data source fn: Lambda function "booking" is not declared',
    ],
    [
      'a direct Lambda resolver on RDS',
      (m: any) => (m.resolvers['Mutation.book'].dataSource = 'db'),
      'resolver Mutation.book: a direct Lambda resolver needs a LAMBDA data source, not RDS',
    ],
    [
      'a batch size on a non-Lambda source',
      (m: any) => (m.resolvers['Query.ping'].maxBatchSize = 5),
      'resolver Query.ping: maxBatchSize applies to LAMBDA data sources only',
    ],
    [
      'a batch size over 2000',
      (m: any) => (m.resolvers['Hotel.rooms'].maxBatchSize = 2001),
      'resolver Hotel.rooms: maxBatchSize must be an integer 0-2000',
    ],
    [
      'eleven pipeline functions',
      (m: any) => (m.resolvers['Query.hotel'].functions = Array(11).fill('getHotel')),
      'resolver Query.hotel: a pipeline has 1-10 functions, not 11',
    ],
    [
      '26 caching keys',
      (m: any) => (m.resolvers['Query.ping'].caching = { ttlSeconds: 60, keys: Array(26).fill('$context.arguments.id') }),
      'resolver Query.ping: at most 25 caching keys',
    ],
  ])('reports %s', (_name, change, problem) => {
    // Act
    const problems = findManifestProblems(withChanges(change), schema);
    // Assess
    expect(problems).toContain(problem);
  });

  it('checks that code files exist when given a root folder', () => {
    const problems = findManifestProblems(valid, schema, { rootDir: '/nonexistent-root' });
    expect(problems).toContain('resolver Query.ping: file js/Query.ping.ts does not exist');
    expect(problems).toContain('Lambda function booking: file lambda/booking.ts does not exist');
  });
});

describe('Function: assertValidManifest', () => {
  it('throws one ManifestError that lists every problem', () => {
    const broken = withChanges((m) => {
      delete m.resolvers['Query.ping'];
      delete m.resolvers['Mutation.book'];
    });
    expect(() => assertValidManifest(broken, schema)).toThrow(ManifestError);
    expect(() => assertValidManifest(broken, schema)).toThrow(
      /2 problem\(s\):\n {2}- field Query.ping has no resolver\n {2}- field Mutation.book has no resolver/,
    );
  });
});

describe('Function: mergeManifests', () => {
  it('joins the sections of several parts', () => {
    const merged = mergeManifests(
      { dataSources: { none: { kind: 'NONE' } } },
      { resolvers: { 'Query.ping': { kind: 'JS_UNIT', code: 'a.ts', dataSource: 'none' } } },
    );
    expect(merged).toEqual({
      dataSources: { none: { kind: 'NONE' } },
      lambdaFunctions: {},
      functions: {},
      resolvers: { 'Query.ping': { kind: 'JS_UNIT', code: 'a.ts', dataSource: 'none' } },
      schedules: {},
    });
  });

  it('refuses a name declared twice', () => {
    expect(() => mergeManifests({ dataSources: { db: { kind: 'RDS' } } }, { dataSources: { db: { kind: 'NONE' } } })).toThrow(
      'dataSources.db is declared in two manifest parts',
    );
    expect(() =>
      mergeManifests(
        { schedules: { tick: { function: 'a', rateMinutes: 1 } } },
        { schedules: { tick: { function: 'b', rateMinutes: 5 } } },
      ),
    ).toThrow('schedules.tick is declared in two manifest parts');
  });
});
