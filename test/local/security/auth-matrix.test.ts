/**
 * The authorization matrix, generated from the schema's auth directives: every root operation ×
 * every kind of caller, over HTTP and over subscriptions, against the rule the directives give
 * (test/schema/auth-rules.ts reads them independently of the server). A caller the rule admits may
 * still fail for its placeholder arguments, but never with the directive's refusal; a caller it
 * does not admit always gets it. Callers without valid credentials are refused before any field.
 */
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cognitoSubForUsername, signAppSyncRequest } from '../../../local/plugins/auth/index.js';
import { admits, effectiveRules, type AuthRule } from '../../schema/auth-rules.js';
import { loadSchema } from '../../schema/load.js';
import { startRoamTestServer, TEST_API_KEY, type RoamTestServer } from '../../support/roam-server.js';
import { RealtimeTestClient } from '../plugins/realtime/support/ws-client.js';

const schema = loadSchema();
const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

const SCALARS: Record<string, unknown> = {
  ID: '00000000-0000-4000-8000-000000000000',
  String: 'matrix',
  Int: 1,
  Float: 1.5,
  Boolean: false,
  AWSDate: day(30),
  AWSDateTime: new Date(Date.now() + 30 * 86_400_000).toISOString(),
  AWSTime: '12:00:00Z',
  AWSTimestamp: Math.floor(Date.now() / 1000),
  AWSEmail: 'matrix@example.com',
  AWSJSON: '{}',
  AWSURL: 'https://example.com',
  AWSPhone: '+15555550100',
  AWSIPAddress: '127.0.0.1',
};

/** A value of the type that passes validation: required input fields only, the first enum value. */
function placeholder(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return placeholder(type.ofType);
  if (isListType(type)) return [placeholder(type.ofType)];
  if (isEnumType(type)) return type.getValues()[0]!.value;
  if (isScalarType(type)) return SCALARS[type.name] ?? 'matrix';
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields()).filter((field) => isNonNullType(field.type) && field.defaultValue === undefined);
    return Object.fromEntries(fields.map((field) => [field.name, placeholder(field.type)]));
  }
  return null;
}

/** One operation on a root field with every argument as a variable, selecting only __typename. */
function operationOf(kind: 'query' | 'mutation' | 'subscription', field: GraphQLField<unknown, unknown>) {
  const args = field.args;
  const declared = args.map((arg) => `$${arg.name}: ${String(arg.type)}`).join(', ');
  const passed = args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  const selection = isScalarType(getNamedType(field.type)) || isEnumType(getNamedType(field.type)) ? '' : ' { __typename }';
  const query = `${kind} Matrix${declared ? `(${declared})` : ''} { ${field.name}${passed ? `(${passed})` : ''}${selection} }`;
  const variables = Object.fromEntries(args.map((arg) => [arg.name, placeholder(arg.type)]));
  return { query, variables };
}

/** A kind of caller: its rule (null: no valid credentials at all) and how it signs a request. */
interface Caller {
  readonly name: string;
  readonly rule: AuthRule | null;
  /** A user's own id, for arguments that name the subscriber (a resolver refuses anyone else's: not the directive's doing). */
  readonly sub?: string;
  headers(url: string, body: string): Promise<Record<string, string>>;
}

let roam: RoamTestServer;
let callers: Caller[];
const EXPIRED_API_KEY = 'da2-expiredexpiredexpiredexp';

function tamper(token: string): string {
  const [header, payload, signature] = token.split('.') as [string, string, string];
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
  const forged = Buffer.from(JSON.stringify({ ...claims, 'cognito:groups': ['partners'] })).toString('base64url');
  return `${header}.${forged}.${signature}`;
}

beforeAll(async () => {
  // The API also holds a key that expired an hour ago: AppSync refuses it like a wrong one.
  roam = await startRoamTestServer({
    hotels: 4,
    additionalApiKeys: [{ id: EXPIRED_API_KEY, expires: Math.floor(Date.now() / 1000) - 3600 }],
  });
  const pool = roam.server.auth.userPool;
  const token = async (username: string, groups: string[] = [], expiresInSeconds?: number) =>
    (await pool.mint({ username, groups, ...(expiresInSeconds === undefined ? {} : { expiresInSeconds }) })).idToken;
  const fixed = (headers: Record<string, string>) => async () => headers;
  const [user, other, partner, expired, forged] = await Promise.all([
    token('matrix-user'),
    token('alice'),
    token('pat', ['partners']),
    token('matrix-user', [], -3600),
    token('matrix-user').then(tamper),
  ]);
  callers = [
    { name: 'no credentials', rule: null, headers: fixed({}) },
    { name: 'a wrong API key', rule: null, headers: fixed({ 'x-api-key': 'da2-notthekeynotthekeynotthek' }) },
    { name: 'an expired API key', rule: null, headers: fixed({ 'x-api-key': EXPIRED_API_KEY }) },
    { name: 'a forged token', rule: null, headers: fixed({ authorization: forged }) },
    { name: 'an expired token', rule: null, headers: fixed({ authorization: expired }) },
    { name: 'the API key', rule: 'API_KEY', headers: fixed({ 'x-api-key': TEST_API_KEY }) },
    {
      name: 'a user',
      rule: 'AMAZON_COGNITO_USER_POOLS',
      sub: cognitoSubForUsername('matrix-user'),
      headers: fixed({ authorization: user }),
    },
    {
      name: "another user's token",
      rule: 'AMAZON_COGNITO_USER_POOLS',
      sub: cognitoSubForUsername('alice'),
      headers: fixed({ authorization: other }),
    },
    {
      name: 'a partner',
      rule: 'AMAZON_COGNITO_USER_POOLS[partners]',
      sub: cognitoSubForUsername('pat'),
      headers: fixed({ authorization: partner }),
    },
    {
      name: 'IAM',
      rule: 'AWS_IAM',
      headers: (url, body) =>
        signAppSyncRequest({
          url,
          body,
          headers: { 'content-type': 'application/json' },
          credentials: roam.server.auth.iam,
          region: roam.server.auth.region,
        }),
    },
  ];
});

afterAll(async () => {
  await roam?.close();
});

const roots = (['query', 'mutation'] as const).map((kind) => ({
  kind,
  type: (kind === 'query' ? schema.getQueryType() : schema.getMutationType()) as GraphQLObjectType,
}));

describe('Authorization matrix over HTTP (every query and mutation × every caller)', () => {
  for (const { kind, type } of roots) {
    it(`${type.name}: each field admits exactly the callers its directives name`, async () => {
      const fields = Object.values(type.getFields());
      const checked: string[] = [];
      for (const caller of callers) {
        await Promise.all(
          fields.map(async (field) => {
            const { query, variables } = operationOf(kind, field);
            const body = JSON.stringify({ query, variables });
            const url = `${roam.server.url}/graphql`;
            const response = await fetch(url, {
              method: 'POST',
              headers: { 'content-type': 'application/json', ...(await caller.headers(url, body)) },
              body,
            });
            const answer = (await response.json()) as { data?: unknown; errors?: { errorType?: string; message: string }[] };
            const where = `${type.name}.${field.name} as ${caller.name}`;
            const refusal = `Not Authorized to access ${field.name} on type ${type.name}`;
            if (caller.rule === null) {
              expect(response.status, where).toBe(401);
              expect(answer.errors?.[0]?.errorType, where).toBe('UnauthorizedException');
            } else if (admits(effectiveRules(type, field), caller.rule)) {
              expect(response.status, where).toBe(200);
              expect(answer.errors?.map((error) => error.message) ?? [], where).not.toContain(refusal);
            } else {
              expect(response.status, where).toBe(200);
              expect(answer.errors, where).toEqual([expect.objectContaining({ errorType: 'Unauthorized', message: refusal })]);
            }
            checked.push(where);
          }),
        );
      }
      expect(checked).toHaveLength(fields.length * callers.length);
    });
  }
});

describe('Authorization matrix over subscriptions (every subscription × every caller)', () => {
  const type = schema.getSubscriptionType() as GraphQLObjectType;

  it('Subscription: each field admits exactly the callers its directives name, at the handshake and at each start', async () => {
    const base = `https://${new URL(roam.server.url).host}`;
    const signing = {
      accept: 'application/json, text/javascript',
      'content-encoding': 'amz-1.0',
      'content-type': 'application/json; charset=UTF-8',
    };
    for (const caller of callers) {
      const handshake =
        caller.name === 'IAM'
          ? await signAppSyncRequest({
              url: `${base}/graphql/connect`,
              body: '{}',
              headers: signing,
              credentials: roam.server.auth.iam,
              region: roam.server.auth.region,
            })
          : { host: new URL(roam.server.url).host, ...(await caller.headers('', '')) };
      const client = await RealtimeTestClient.open(roam.server.url, handshake);
      const ack = await client.init();
      if (caller.rule === null) {
        expect(ack.type, caller.name).toBe('connection_error');
        client.close();
        continue;
      }
      expect(ack.type, caller.name).toBe('connection_ack');
      for (const field of Object.values(type.getFields())) {
        const { query, variables } = operationOf('subscription', field);
        if ('userId' in variables && caller.sub) variables.userId = caller.sub;
        const data = JSON.stringify({ query, variables });
        const authorization =
          caller.name === 'IAM'
            ? await signAppSyncRequest({
                url: `${base}/graphql`,
                body: data,
                headers: signing,
                credentials: roam.server.auth.iam,
                region: roam.server.auth.region,
              })
            : handshake;
        const id = `${field.name}-${caller.name}`;
        client.send({ id, type: 'start', payload: { data, extensions: { authorization } } });
        const answer = await client.next((frame) => frame.id === id && (frame.type === 'start_ack' || frame.type === 'error'));
        const refusal = `Not Authorized to access ${field.name} on type Subscription`;
        const messages = answer.type === 'error' ? (answer.payload.errors as { message: string }[]).map((error) => error.message) : [];
        if (admits(effectiveRules(type, field), caller.rule)) expect(messages, `${field.name} as ${caller.name}`).not.toContain(refusal);
        else expect(messages, `${field.name} as ${caller.name}`).toContain(refusal);
      }
      client.close();
    }
  });
});
