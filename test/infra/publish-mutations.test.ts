/** Which mutations the deployed Lambdas may call: subscribed ones served by NONE, nothing else. */
import { describe, expect, it } from 'vitest';
import { publishMutations } from '../../infra/config/publish-mutations.js';
import { defineManifest } from '../../platform/manifest/index.js';

const schema = /* GraphQL */ `
  type Query {
    ping: String
  }
  type Mutation {
    createThing: String
    publishThingChanged(id: ID!): String @aws_iam
    publishOther: String @aws_iam
    unrelated: String
  }
  type Subscription {
    onThing: String @aws_subscribe(mutations: ["createThing", "publishThingChanged"])
  }
  extend type Subscription {
    onOther: String @aws_subscribe(mutations: ["publishOther"])
  }
`;

const manifest = defineManifest({
  dataSources: { none: { kind: 'NONE' }, fn: { kind: 'LAMBDA', function: 'things' } },
  lambdaFunctions: { things: { handler: 'x.ts' } },
  functions: {},
  resolvers: {
    'Mutation.createThing': { kind: 'DIRECT_LAMBDA', dataSource: 'fn' },
    'Mutation.publishThingChanged': { kind: 'JS_UNIT', code: 'a.ts', dataSource: 'none' },
    'Mutation.publishOther': { kind: 'JS_UNIT', code: 'b.ts', dataSource: 'none' },
    'Mutation.unrelated': { kind: 'JS_UNIT', code: 'c.ts', dataSource: 'none' },
  },
});

describe('publishMutations', () => {
  it('lists the subscribed mutations that a NONE data source serves, and no others', () => {
    expect(publishMutations(schema, manifest)).toEqual(['publishOther', 'publishThingChanged']);
  });

  it('is empty for a schema without subscriptions', () => {
    expect(publishMutations('type Query { a: String }', manifest)).toEqual([]);
  });
});
