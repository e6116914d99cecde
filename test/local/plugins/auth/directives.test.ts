import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalServer } from '../../../../local/server.js';
import { API_KEY, postGraphql, postSigned, startAuthServer, type GraphqlReply } from './helpers.js';

let server: LocalServer;
let stop: () => Promise<void>;
const callers: Record<string, (query: string) => Promise<GraphqlReply>> = {};

beforeAll(async () => {
  ({ server, stop } = await startAuthServer());
  const alice = (await server.auth.userPool.mint({ username: 'alice', groups: ['admins'] })).idToken;
  const bob = (await server.auth.userPool.mint({ username: 'bob', groups: ['guests'] })).idToken;
  callers.apiKey = (query) => postGraphql(server, query, { 'x-api-key': API_KEY });
  callers.iam = (query) => postSigned(server, query);
  callers.alice = (query) => postGraphql(server, query, { authorization: alice });
  callers.bob = (query) => postGraphql(server, query, { authorization: bob });
});

afterAll(async () => {
  await stop?.();
});

/** Who may read each field of the auth fixture; alice is in `admins`, bob is not. */
const RULES: Array<[query: string, path: string[], allowed: string[]]> = [
  ['{ defaultOnly }', ['defaultOnly'], ['alice', 'bob']],
  ['{ apiKeyOnly }', ['apiKeyOnly'], ['apiKey']],
  ['{ iamOnly }', ['iamOnly'], ['iam']],
  ['{ cognitoOrIam }', ['cognitoOrIam'], ['alice', 'bob', 'iam']],
  ['{ adminsOnly }', ['adminsOnly'], ['alice']],
  ['{ legacyAdmins }', ['legacyAdmins'], ['alice']],
  ['{ profile { name } }', ['profile', 'name'], ['iam']],
  ['{ profile { email } }', ['profile', 'email'], ['alice', 'bob']],
  ['{ plain { value } }', ['plain', 'value'], ['alice', 'bob']],
];

const CASES = RULES.flatMap(([query, path, allowed]) =>
  ['apiKey', 'iam', 'alice', 'bob'].map((caller) => [query, caller, allowed.includes(caller), path] as const),
);

describe('Directives and their inheritance, through HTTP for every mode', () => {
  it.each(CASES)('%s as %s: allowed=%s', async (query, caller, allowed, path) => {
    const reply = await callers[caller]!(query);
    expect(reply.status).toBe(200);
    const field = path.at(-1)!;
    const value = path.reduce((node: any, key) => node?.[key], reply.body.data);
    if (allowed) {
      expect(reply.body.errors).toBeUndefined();
      expect(value).toBe(field);
    } else {
      expect(value).toBeNull();
      const type = path.length === 1 ? 'Query' : path[0] === 'profile' ? 'Profile' : 'Plain';
      expect(reply.body.errors).toEqual([
        expect.objectContaining({
          errorType: 'Unauthorized',
          message: `Not Authorized to access ${field} on type ${type}`,
          path,
          data: null,
          errorInfo: null,
        }),
      ]);
    }
  });

  it('refuses one field and still answers the others in the same request', async () => {
    const reply = await callers.bob!('{ defaultOnly adminsOnly cognitoOrIam }');
    expect(reply.body.data).toEqual({ defaultOnly: 'defaultOnly', adminsOnly: null, cognitoOrIam: 'cognitoOrIam' });
    expect(reply.body.errors.map((error: any) => error.path)).toEqual([['adminsOnly']]);
  });
});

describe('ctx.identity and util.authType() per mode', () => {
  it.each([
    ['apiKey', 'API Key Authorization', null],
    ['iam', 'IAM Authorization', expect.objectContaining({ userArn: expect.stringMatching(/^arn:aws:iam::/) })],
    ['alice', 'User Pool Authorization', expect.objectContaining({ username: 'alice', groups: ['admins'] })],
  ])('as %s: %s', async (caller, authType, identity) => {
    const reply = await callers[caller]!('{ whoami }');
    expect(JSON.parse(reply.body.data.whoami)).toEqual({ authType, identity });
  });
});
