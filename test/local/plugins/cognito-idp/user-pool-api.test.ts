import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLocalUserPool, userPoolAuthenticator, type LocalUserPool } from '../../../../local/plugins/auth/index.js';
import { createCognitoIdpPlugin } from '../../../../local/plugins/cognito-idp/index.js';
import type { LocalPlugin } from '../../../../local/plugins/types.js';

let dataDir: string;
let pool: LocalUserPool;
let plugin: LocalPlugin;
const logs: string[] = [];

/** One JSON 1.1 call, as Amplify Auth and the AWS SDK send it. */
async function call(
  operation: string,
  input: Record<string, unknown>,
  path = '/cognito-idp',
): Promise<{ status: number; type: string | null; body: any }> {
  const response = (await plugin.fetch?.(
    new Request(`http://127.0.0.1${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `AWSCognitoIdentityProviderService.${operation}` },
      body: JSON.stringify(input),
    }),
    { sourceIp: ['127.0.0.1'] },
  )) as Response;
  return { status: response.status, type: response.headers.get('x-amzn-errortype'), body: await response.json() };
}

const signIn = (username: string, password: string, clientId = 'offlineappclient') =>
  call('InitiateAuth', { AuthFlow: 'USER_PASSWORD_AUTH', ClientId: clientId, AuthParameters: { USERNAME: username, PASSWORD: password } });

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'roam-cognito-'));
  pool = await openLocalUserPool({ dataDir });
  plugin = await createCognitoIdpPlugin({
    pool,
    users: [{ username: 'alice' }, { username: 'pat', groups: ['partners'], email: 'pat@partner.example.com', password: 'Partner-1' }],
    dataDir,
    log: (line) => logs.push(line),
  });
});

afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('The local user pool sign-in API (cognito-idp)', () => {
  it("signs a listed user in with USER_PASSWORD_AUTH: the pool's own verified tokens, with the user's groups", async () => {
    // Act
    const { status, body } = await signIn('pat', 'Partner-1');

    // Assess
    expect(status).toBe(200);
    expect(body).toEqual({
      AuthenticationResult: {
        AccessToken: expect.any(String),
        IdToken: expect.any(String),
        RefreshToken: expect.any(String),
        ExpiresIn: 3600,
        TokenType: 'Bearer',
      },
      ChallengeParameters: {},
    });
    const verify = userPoolAuthenticator({ issuer: pool.issuer, clientIds: [pool.clientId], jwks: pool.jwks() });
    const caller = await verify.authenticate(new Headers({ authorization: body.AuthenticationResult.AccessToken }), {
      sourceIp: ['127.0.0.1'],
      body: '{}',
      url: 'http://127.0.0.1/graphql',
      method: 'POST',
    });
    expect(caller).toMatchObject({ mode: 'AMAZON_COGNITO_USER_POOLS', identity: { username: 'pat', groups: ['partners'] } });
    expect(decodeJwt(body.AuthenticationResult.IdToken)).toMatchObject({
      'cognito:username': 'pat',
      email: 'pat@partner.example.com',
      token_use: 'id',
    });
  });

  it('gives the listed users the documented password Passw0rd! unless the project sets one', async () => {
    expect((await signIn('alice', 'Passw0rd!')).status).toBe(200);
  });

  it.each([
    ['a wrong password', 'alice', 'wrong-Passw0rd!', 'offlineappclient', 'NotAuthorizedException', 'Incorrect username or password.'],
    ['an unknown user', 'nobody', 'Passw0rd!', 'offlineappclient', 'UserNotFoundException', 'User does not exist.'],
    [
      'another app client',
      'alice',
      'Passw0rd!',
      'otherclient',
      'ResourceNotFoundException',
      'User pool client otherclient does not exist.',
    ],
  ])("refuses %s in Cognito's error shape", async (_case, username, password, clientId, type, message) => {
    const { status, type: header, body } = await signIn(username, password, clientId);
    expect(status).toBe(400);
    expect(header).toBe(`${type}:`);
    expect(body).toEqual({ __type: type, message });
  });

  it('refuses a flow it does not offer, naming those it does', async () => {
    const { body } = await call('InitiateAuth', {
      AuthFlow: 'CUSTOM_AUTH',
      ClientId: 'offlineappclient',
      AuthParameters: { USERNAME: 'alice' },
    });
    expect(body.__type).toBe('InvalidParameterException');
    expect(body.message).toBe(
      'CUSTOM_AUTH flow not enabled for this client: the local user pool accepts USER_SRP_AUTH, USER_PASSWORD_AUTH, USER_AUTH and REFRESH_TOKEN_AUTH',
    );
  });

  it('refuses an SRP_A that is zero modulo N, as SRP requires', async () => {
    const { body } = await call('InitiateAuth', {
      AuthFlow: 'USER_SRP_AUTH',
      ClientId: 'offlineappclient',
      AuthParameters: { USERNAME: 'alice', SRP_A: '0' },
    });
    expect(body).toEqual({ __type: 'InvalidParameterException', message: 'SRP_A is not a valid SRP value' });
  });

  it('refreshes with REFRESH_TOKEN_AUTH and GetTokensFromRefreshToken, keeping the sign-in (origin_jti) and not rotating the refresh token', async () => {
    const first = (await signIn('alice', 'Passw0rd!')).body.AuthenticationResult;
    const viaInitiate = await call('InitiateAuth', {
      AuthFlow: 'REFRESH_TOKEN_AUTH',
      ClientId: 'offlineappclient',
      AuthParameters: { REFRESH_TOKEN: first.RefreshToken },
    });
    const viaRefresh = await call('GetTokensFromRefreshToken', { ClientId: 'offlineappclient', RefreshToken: first.RefreshToken });
    for (const { status, body } of [viaInitiate, viaRefresh]) {
      expect(status).toBe(200);
      expect(body.AuthenticationResult.RefreshToken).toBeUndefined();
      expect(decodeJwt(body.AuthenticationResult.AccessToken).origin_jti).toBe(decodeJwt(first.AccessToken).origin_jti);
    }
    const bad = await call('GetTokensFromRefreshToken', { ClientId: 'offlineappclient', RefreshToken: 'not-a-token' });
    expect(bad.body).toEqual({ __type: 'NotAuthorizedException', message: 'Invalid Refresh Token' });
  });

  it('signs in through USER_AUTH by answering the PASSWORD challenge with RespondToAuthChallenge', async () => {
    const started = await call('InitiateAuth', {
      AuthFlow: 'USER_AUTH',
      ClientId: 'offlineappclient',
      AuthParameters: { USERNAME: 'alice' },
    });
    expect(started.body).toMatchObject({
      ChallengeName: 'SELECT_CHALLENGE',
      AvailableChallenges: ['PASSWORD'],
      Session: expect.any(String),
    });
    const answered = await call('RespondToAuthChallenge', {
      ClientId: 'offlineappclient',
      ChallengeName: 'SELECT_CHALLENGE',
      Session: started.body.Session,
      ChallengeResponses: { USERNAME: 'alice', ANSWER: 'PASSWORD', PASSWORD: 'Passw0rd!' },
    });
    expect(answered.body.AuthenticationResult.AccessToken).toEqual(expect.any(String));
    const replayed = await call('RespondToAuthChallenge', {
      ClientId: 'offlineappclient',
      ChallengeName: 'PASSWORD',
      Session: started.body.Session,
      ChallengeResponses: { USERNAME: 'alice', PASSWORD: 'Passw0rd!' },
    });
    expect(replayed.body.__type).toBe('NotAuthorizedException');
  });

  it('signs a new user up, prints the code in the log, refuses a wrong code, and signs them in once confirmed', async () => {
    // Prepare
    const signUp = await call('SignUp', {
      ClientId: 'offlineappclient',
      Username: 'newbie',
      Password: 'Newbie-Pass1',
      UserAttributes: [{ Name: 'email', Value: 'newbie@example.org' }],
    });
    expect(signUp.body).toEqual({
      UserConfirmed: false,
      UserSub: expect.any(String),
      CodeDeliveryDetails: { AttributeName: 'email', DeliveryMedium: 'EMAIL', Destination: 'n***@e***' },
    });
    expect((await signIn('newbie', 'Newbie-Pass1')).body.__type).toBe('UserNotConfirmedException');
    const code = /Sign-up of newbie: confirmation code (\d{6})/.exec(logs.join('\n'))?.[1];
    expect(code).toBeDefined();

    // Act
    const wrong = await call('ConfirmSignUp', {
      ClientId: 'offlineappclient',
      Username: 'newbie',
      ConfirmationCode: code === '000000' ? '111111' : '000000',
    });
    const right = await call('ConfirmSignUp', { ClientId: 'offlineappclient', Username: 'newbie', ConfirmationCode: code });

    // Assess
    expect(wrong.body).toEqual({ __type: 'CodeMismatchException', message: 'Invalid verification code provided, please try again.' });
    expect(right).toMatchObject({ status: 200, body: {} });
    expect((await signIn('newbie@example.org', 'Newbie-Pass1')).status).toBe(200);
    expect((await call('SignUp', { ClientId: 'offlineappclient', Username: 'newbie', Password: 'Newbie-Pass1' })).body.__type).toBe(
      'UsernameExistsException',
    );
    expect((await call('SignUp', { ClientId: 'offlineappclient', Username: 'weak', Password: 'short' })).body).toEqual({
      __type: 'InvalidPasswordException',
      message: 'Password did not conform with policy: Password not long enough',
    });
  });

  it('keeps signed-up users across a restart', async () => {
    const restarted = await createCognitoIdpPlugin({ pool, users: [], dataDir, log: () => {} });
    const previous = plugin;
    plugin = restarted;
    try {
      expect((await signIn('newbie', 'Newbie-Pass1')).status).toBe(200);
    } finally {
      plugin = previous;
    }
  });

  it('answers GetUser, and after GlobalSignOut refuses the access token and the refresh token', async () => {
    // Prepare
    const tokens = (await signIn('pat', 'Partner-1')).body.AuthenticationResult;
    const user = await call('GetUser', { AccessToken: tokens.AccessToken });
    expect(user.body.Username).toBe('pat');
    expect(user.body.UserAttributes).toEqual(
      expect.arrayContaining([
        { Name: 'email', Value: 'pat@partner.example.com' },
        { Name: 'sub', Value: expect.any(String) },
      ]),
    );

    // Act
    const signedOut = await call('GlobalSignOut', { AccessToken: tokens.AccessToken });

    // Assess
    expect(signedOut).toMatchObject({ status: 200, body: {} });
    expect((await call('GetUser', { AccessToken: tokens.AccessToken })).body).toEqual({
      __type: 'NotAuthorizedException',
      message: 'Access Token has been revoked',
    });
    expect((await call('GetTokensFromRefreshToken', { ClientId: 'offlineappclient', RefreshToken: tokens.RefreshToken })).body.__type).toBe(
      'NotAuthorizedException',
    );
  });

  it('revokes one sign-in with RevokeToken', async () => {
    const tokens = (await signIn('alice', 'Passw0rd!')).body.AuthenticationResult;
    expect((await call('RevokeToken', { ClientId: 'offlineappclient', Token: tokens.RefreshToken })).status).toBe(200);
    expect((await call('GetUser', { AccessToken: tokens.AccessToken })).body.message).toBe('Access Token has been revoked');
  });

  it("answers at / too (an SDK endpoint without a path), and says UnknownOperationException for what it doesn't offer", async () => {
    expect((await call('GetUser', { AccessToken: 'x.y.z' }, '/')).body).toEqual({
      __type: 'NotAuthorizedException',
      message: 'Invalid Access Token',
    });
    expect((await call('AdminDeleteUser', {})).body.__type).toBe('UnknownOperationException');
  });
});
