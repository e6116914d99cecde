/**
 * The Roam journey through AWS Amplify JS v6 as a phone app runs it: configured as for AWS except
 * for the endpoints, over https:// and wss:// with the local CA trusted by the process
 * (NODE_EXTRA_CA_CERTS), signing in through the local user pool. The app runs in its own Node
 * process (test/clients/amplify-app/journey.ts) so that nothing in this test process — no agent,
 * no wrapped fetch or WebSocket — helps it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRoamTestServer, type RoamTestServer } from '../support/roam-server.js';
import { runApp } from './amplify-app/run.js';

let roam: RoamTestServer;
const logs: string[] = [];

function appEnvironment(server: RoamTestServer['server'], caFile: string | undefined): Record<string, string> {
  return {
    ROAM_GRAPHQL_URL: `${server.url}/graphql`,
    ROAM_USER_POOL_ENDPOINT: server.signIn.endpoint,
    ROAM_USER_POOL_ID: server.auth.userPool.userPoolId,
    ROAM_CLIENT_ID: server.auth.userPool.clientId,
    ROAM_REGION: server.auth.region,
    ...(caFile ? { NODE_EXTRA_CA_CERTS: caFile } : {}),
  };
}

beforeAll(async () => {
  roam = await startRoamTestServer({ hotels: 60, https: true, log: (line) => logs.push(line) });
});

afterAll(async () => {
  await roam?.close();
});

describe('A phone app on Amplify v6 against the offline server with --https', () => {
  it('signs in, searches, quotes, books, sees the booking on its subscription, cancels, and signs out', async () => {
    // Act
    const run = await runApp('journey.ts', appEnvironment(roam.server, roam.server.tls?.caFile));

    // Assess
    expect(run.steps.failed, run.stderr).toBeUndefined();
    expect(run.code).toBe(0);
    expect(roam.server.url).toMatch(/^https:/);
    expect(run.steps.signIn).toMatchObject({ isSignedIn: true, username: 'carol', userId: expect.any(String) });
    expect(run.steps.search.count).toBeGreaterThan(0);
    expect(run.steps.quote.quoteId).toEqual(expect.any(String));
    expect(run.steps.subscribe).toBeDefined();
    expect(run.steps.book).toMatchObject({ status: 'CONFIRMED', event: 'CONFIRMED' });
    expect(run.steps.cancel).toMatchObject({ status: 'CANCELLED', event: 'CANCELLED' });
    expect(run.steps.signOut.signedOut).toBe(true);
    // Amplify revoked its sign-in on the server: the access token it held no longer reads the user.
    const getUser = await roam.server.fetch(
      new Request(roam.server.signIn.endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AWSCognitoIdentityProviderService.GetUser' },
        body: JSON.stringify({ AccessToken: run.steps.signOut.accessToken }),
      }),
    );
    expect(await getUser.json()).toEqual({ __type: 'NotAuthorizedException', message: 'Access Token has been revoked' });
    // Every dial was TLS: the server refused nothing.
    expect(logs.filter((line) => line.startsWith('Refused'))).toEqual([]);
  }, 120_000);

  it('fails against a server that fell back to plain http:// and ws://: Amplify dials wss:// and the server says it refused TLS', async () => {
    // Prepare: the same API without --https
    const plainLogs: string[] = [];
    const plain = await startRoamTestServer({ hotels: 60, log: (line) => plainLogs.push(line) });
    try {
      // Act
      const run = await runApp('journey.ts', appEnvironment(plain.server, roam.server.tls?.caFile));

      // Assess: signed in and searched over http, then the subscription never came up
      expect(plain.server.url).toMatch(/^http:/);
      expect(run.steps.signIn?.isSignedIn).toBe(true);
      expect(run.steps.subscribe).toBeUndefined();
      expect(run.steps.failed?.error).toContain('the subscription was not acknowledged');
      expect(run.code).not.toBe(0);
      expect(plainLogs.some((line) => line.startsWith('Refused a TLS connection'))).toBe(true);
    } finally {
      await plain.close();
    }
  }, 180_000);
});
