import { createRemoteJWKSet, decodeJwt, exportJWK, generateKeyPair, jwtVerify, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cognitoSubForUsername, openLocalUserPool, type LocalUserPool } from '../../../../local/plugins/auth/index.js';
import type { LocalServer } from '../../../../local/server.js';
import { postGraphql, startAuthServer, whoami } from './helpers.js';

let server: LocalServer;
let dataDir: string;
let stop: () => Promise<void>;
let pool: LocalUserPool;

beforeAll(async () => {
  ({ server, dataDir, stop } = await startAuthServer());
  pool = server.auth.userPool;
});

afterAll(async () => {
  await stop?.();
});

/** Signs `claims` with a key the server has never seen, under the pool's own key id. */
async function forge(claims: Record<string, unknown>): Promise<string> {
  const { privateKey } = await generateKeyPair('RS256');
  return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: pool.jwks().keys[0]!.kid! }).sign(privateKey);
}

/** A token signed with the pool's real key (read from the data folder), with claims changed. */
async function signedByPool(changes: Record<string, unknown>): Promise<string> {
  const { idToken } = await pool.mint({ username: 'alice', extraClaims: changes });
  return idToken;
}

const expect401 = (reply: { status: number; headers: Headers; body: any }, message: string) => {
  expect(reply.status).toBe(401);
  expect(reply.headers.get('x-amzn-errortype')).toBe('UnauthorizedException');
  expect(reply.body).toEqual({ errors: [{ errorType: 'UnauthorizedException', message }] });
};

describe('Local user pool: tokens it mints', () => {
  it('are accepted, and ctx.identity has the user-pool shape', async () => {
    const tokens = await pool.mint({ username: 'alice', groups: ['admins'] });
    const { identity, authType } = whoami(await postGraphql(server, '{ whoami }', { authorization: tokens.idToken }));
    expect(authType).toBe('User Pool Authorization');
    expect(identity).toEqual({
      sub: cognitoSubForUsername('alice'),
      issuer: `https://cognito-idp.us-east-1.amazonaws.com/${pool.userPoolId}`,
      username: 'alice',
      claims: expect.objectContaining({
        token_use: 'id',
        aud: pool.clientId,
        'cognito:username': 'alice',
        'cognito:groups': ['admins'],
        email: 'alice@example.com',
      }),
      sourceIp: ['127.0.0.1'],
      defaultAuthStrategy: 'ALLOW',
      groups: ['admins'],
    });
  });

  it('puts the peer address and then the x-forwarded-for addresses in sourceIp', async () => {
    const { idToken } = await pool.mint({ username: 'alice' });
    const { identity } = whoami(
      await postGraphql(server, '{ whoami }', { authorization: idToken, 'x-forwarded-for': '203.0.113.7, 198.51.100.2' }),
    );
    expect(identity.sourceIp).toEqual(['127.0.0.1', '203.0.113.7', '198.51.100.2']);
  });

  it('gives a user with no groups `groups: null` and no cognito:groups claim, as Cognito does', async () => {
    const { idToken } = await pool.mint({ username: 'bob' });
    const { identity } = whoami(await postGraphql(server, '{ whoami }', { authorization: idToken }));
    expect(identity.groups).toBeNull();
    expect(identity.claims).not.toHaveProperty('cognito:groups');
  });

  it('accepts the access token too, with the user name from its `username` claim', async () => {
    const { accessToken } = await pool.mint({ username: 'carol', groups: ['admins'] });
    expect(decodeJwt(accessToken)).toMatchObject({
      token_use: 'access',
      client_id: pool.clientId,
      username: 'carol',
      scope: 'aws.cognito.signin.user.admin',
    });
    const { identity } = whoami(await postGraphql(server, '{ whoami }', { authorization: accessToken }));
    expect(identity).toMatchObject({ username: 'carol', sub: cognitoSubForUsername('carol'), groups: ['admins'] });
  });

  it('derive the same sub for the same user name, every time and everywhere', () => {
    expect(cognitoSubForUsername('alice')).toBe(cognitoSubForUsername('alice'));
    expect(cognitoSubForUsername('alice')).not.toBe(cognitoSubForUsername('bob'));
    expect(cognitoSubForUsername('alice')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('verify against the JWKS the server publishes at the pool path', async () => {
    const { idToken } = await pool.mint({ username: 'alice' });
    const jwks = createRemoteJWKSet(new URL(`${server.url}/${pool.userPoolId}/.well-known/jwks.json`), { timeoutDuration: 30_000 });
    const { payload } = await jwtVerify(idToken, jwks, { issuer: pool.issuer, audience: pool.clientId });
    expect(payload.sub).toBe(cognitoSubForUsername('alice'));
    const published = (await (await fetch(`${server.url}${pool.jwksPath}`)).json()) as { keys: Array<Record<string, unknown>> };
    expect(published.keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig' });
    expect(published.keys[0]).not.toHaveProperty('d');
  });

  it('are minted with the key kept in the data folder, so another process (npm run token) mints accepted tokens', async () => {
    const elsewhere = await openLocalUserPool({ dataDir });
    expect(elsewhere.jwks()).toEqual(pool.jwks());
    const { idToken } = await elsewhere.mint({ username: 'dave' });
    expect(whoami(await postGraphql(server, '{ whoami }', { authorization: idToken })).identity.username).toBe('dave');
  });
});

describe('Local user pool: tokens it refuses with a 401', () => {
  it('refuses an expired token: Token has expired.', async () => {
    const { idToken } = await pool.mint({ username: 'alice', expiresInSeconds: -60 });
    expect401(await postGraphql(server, '{ whoami }', { authorization: idToken }), 'Token has expired.');
  });

  it.each([
    ['not a JWT', 'not-a-token'],
    ['two parts', 'abc.def'],
    ['undecodable parts', 'a.b.c'],
  ])('refuses %s: Unable to parse JWT token.', async (_what, token) => {
    expect401(await postGraphql(server, '{ whoami }', { authorization: token }), 'Unable to parse JWT token.');
  });

  it('refuses a token signed by another key with the same kid (forged)', async () => {
    const claims = decodeJwt(await signedByPool({}));
    expect401(await postGraphql(server, '{ whoami }', { authorization: await forge(claims) }), 'Valid authorization header not provided.');
  });

  it('refuses a token whose payload was changed after signing', async () => {
    const [header, , signature] = (await signedByPool({})).split('.');
    const payload = Buffer.from(JSON.stringify({ ...decodeJwt(await signedByPool({})), 'cognito:groups': ['admins', 'root'] })).toString(
      'base64url',
    );
    expect401(
      await postGraphql(server, '{ whoami }', { authorization: `${header}.${payload}.${signature}` }),
      'Valid authorization header not provided.',
    );
  });

  it('refuses an unsigned token (alg none)', async () => {
    const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    const payload = Buffer.from(JSON.stringify(decodeJwt(await signedByPool({})))).toString('base64url');
    expect401(
      await postGraphql(server, '{ whoami }', { authorization: `${header}.${payload}.` }),
      'Valid authorization header not provided.',
    );
  });

  it.each([
    ['another issuer', { iss: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_someoneelse' }],
    ['another app client', { aud: 'someotherclient' }],
    ['a token_use other than id or access', { token_use: 'refresh' }],
  ])('refuses a correctly signed token from %s', async (_what, changes) => {
    expect401(
      await postGraphql(server, '{ whoami }', { authorization: await signedByPool(changes) }),
      'Valid authorization header not provided.',
    );
  });

  it('refuses a token signed with an RSA key of the right shape published nowhere', async () => {
    const { privateKey } = await generateKeyPair('RS256', { extractable: true });
    const kid = 'unknown-key';
    expect((await exportJWK(privateKey)).kty).toBe('RSA');
    const token = await new SignJWT(decodeJwt(await signedByPool({}))).setProtectedHeader({ alg: 'RS256', kid }).sign(privateKey);
    expect401(await postGraphql(server, '{ whoami }', { authorization: token }), 'Valid authorization header not provided.');
  });

  it('refuses a request with no credentials at all (the default mode is user pools)', async () => {
    expect401(await postGraphql(server, '{ whoami }', {}), 'Valid authorization header not provided.');
  });
});
