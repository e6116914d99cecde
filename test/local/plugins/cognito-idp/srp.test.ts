import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Amplify } from 'aws-amplify';
import { confirmSignUp, fetchAuthSession, signIn, signOut, signUp } from 'aws-amplify/auth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveNodeHttp, type NodeHttpServer } from '../../../../local/adapters/node-http.js';
import { openLocalUserPool } from '../../../../local/plugins/auth/index.js';
import { createCognitoIdpPlugin } from '../../../../local/plugins/cognito-idp/index.js';

let dataDir: string;
let http: NodeHttpServer;
const calls: string[] = [];
const logs: string[] = [];

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'roam-srp-'));
  const pool = await openLocalUserPool({ dataDir });
  const plugin = await createCognitoIdpPlugin({ pool, users: [{ username: 'alice' }], dataDir, log: (line) => logs.push(line) });
  http = await serveNodeHttp(async (request) => {
    calls.push(`${request.headers.get('x-amz-target')} ${JSON.parse(await request.clone().text()).AuthFlow ?? ''}`.trim());
    return (await plugin.fetch?.(request, { sourceIp: ['127.0.0.1'] })) ?? new Response('not found', { status: 404 });
  });
  Amplify.configure({
    Auth: { Cognito: { userPoolId: pool.userPoolId, userPoolClientId: pool.clientId, userPoolEndpoint: `${http.url}/cognito-idp` } },
  });
});

afterAll(async () => {
  await http?.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe("USER_SRP_AUTH, Amplify's default sign-in", () => {
  it('signs alice in without sending her password: PASSWORD_VERIFIER is answered with a claim the server checks', async () => {
    // Act
    const result = await signIn({ username: 'alice', password: 'Passw0rd!' });

    // Assess
    expect(result.isSignedIn).toBe(true);
    expect(calls.slice(0, 2)).toEqual([
      'AWSCognitoIdentityProviderService.InitiateAuth USER_SRP_AUTH',
      'AWSCognitoIdentityProviderService.RespondToAuthChallenge',
    ]);
    expect((await fetchAuthSession()).tokens?.accessToken.payload).toMatchObject({ username: 'alice', token_use: 'access' });
    await signOut();
  });

  it('refuses a wrong password with NotAuthorizedException', async () => {
    await expect(signIn({ username: 'alice', password: 'Wrong-Passw0rd!' })).rejects.toMatchObject({
      name: 'NotAuthorizedException',
      message: 'Incorrect username or password.',
    });
  });

  it('signs in a user who signed up and confirmed with the logged code, from the verifier kept at sign-up', async () => {
    // Prepare
    const signedUp = await signUp({ username: 'sam', password: 'Sam-Passw0rd', options: { userAttributes: { email: 'sam@example.org' } } });
    expect(signedUp.nextStep.signUpStep).toBe('CONFIRM_SIGN_UP');
    const code = /Sign-up of sam: confirmation code (\d{6})/.exec(logs.join('\n'))?.[1] ?? '';
    expect((await confirmSignUp({ username: 'sam', confirmationCode: code })).isSignUpComplete).toBe(true);

    // Act
    const result = await signIn({ username: 'sam', password: 'Sam-Passw0rd' });

    // Assess
    expect(result.isSignedIn).toBe(true);
    expect((await fetchAuthSession()).tokens?.idToken?.payload).toMatchObject({ 'cognito:username': 'sam', email: 'sam@example.org' });
    await signOut();
  });
});
