// The booking journey (test/clients/journey.ts) through each client set-up in client/, unchanged
// libraries against the offline Roam API, each as a signed-in Cognito user: Apollo Client 4 with
// AWS's AppSync links over http:// and ws:// in this process, and Amplify JS v6 through
// client/amplify.ts against the server started with https, over real https:// and wss://. Amplify
// runs in its own Node process (test/clients/amplify-app/client-journey.ts) that trusts the local
// CA through NODE_EXTRA_CA_CERTS, which Node reads only at start; nothing wraps its fetch or WebSocket.
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cognitoAuth, createRoamApolloClient } from '../../client/apollo.js';
import { startRoamTestServer, type RoamTestServer } from '../support/roam-server.js';
import { runApp } from './amplify-app/run.js';
import { bookingJourney, eventQueue, type JourneyClient, type JourneyOptions, type Watch } from './journey.js';
import { installWebSocket } from './node-websocket.js';

type Variables = Record<string, unknown>;

/** Apollo's server, plain http:// and ws://. */
let roam: RoamTestServer;
let endpoint: string;
/** Amplify's server, started with https, and its log. */
let secure: RoamTestServer;
const secureLogs: string[] = [];

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

async function signIn(username: string, on: RoamTestServer = roam): Promise<{ token: string; sub: string }> {
  const minted = await on.server.auth.userPool.mint({ username });
  return { token: minted.accessToken, sub: minted.sub };
}

function journeyOptions(userId: string): JourneyOptions {
  return { userId, checkIn: day(20), checkOut: day(22), guests: 2 };
}

/** Apollo Client as client/apollo.ts sets it up; subscription readiness from its onSubscriptionReady context. */
function apolloJourneyClient(token: string): JourneyClient {
  const client = createRoamApolloClient({ url: endpoint, region: 'us-east-1', auth: cognitoAuth(() => token) });
  const dataOf = <T>(data: T | undefined): T => {
    if (data === undefined) throw new Error('The operation returned no data');
    return data;
  };
  function watch<TResult, TVariables extends Variables>(query: TypedDocumentNode<TResult, TVariables>, variables: TVariables) {
    return new Promise<Watch<TResult>>((resolve, reject) => {
      const events = eventQueue<TResult>();
      const onSubscriptionReady = () => resolve({ next: () => events.next(), close: () => subscription.unsubscribe() });
      const subscription = client.subscribe({ query, variables, fetchPolicy: 'no-cache', context: { onSubscriptionReady } }).subscribe({
        next: (result) => (result.error ? events.fail(result.error) : events.push(dataOf(result.data ?? undefined))),
        error: (error: unknown) => {
          events.fail(error);
          reject(error);
        },
      });
    });
  }
  return {
    query: async (query, variables) => dataOf((await client.query({ query, variables, fetchPolicy: 'no-cache' })).data),
    mutate: async (mutation, variables) => dataOf((await client.mutate({ mutation, variables })).data ?? undefined),
    watch,
  };
}

beforeAll(async () => {
  installWebSocket();
  [roam, secure] = await Promise.all([startRoamTestServer(), startRoamTestServer({ https: true, log: (line) => secureLogs.push(line) })]);
  endpoint = `${roam.server.url}/graphql`;
});

afterAll(async () => {
  await Promise.all([roam?.close(), secure?.close()]);
});

describe('the booking journey through the client set-ups', () => {
  it('Apollo Client 4: search, quote, book, watch the booking, cancel', async () => {
    const user = await signIn('journey-apollo');
    const seen = await bookingJourney(apolloJourneyClient(user.token), journeyOptions(user.sub));
    expect(seen.booking).toMatchObject({ status: 'CONFIRMED', userId: user.sub, total: seen.quote.total });
    expect(seen.booked).toMatchObject({ id: seen.booking.id, status: 'CONFIRMED' });
    expect(seen.cancelled).toMatchObject({ id: seen.booking.id, status: 'CANCELLED' });
    expect(seen.cancelledEvent).toMatchObject({ id: seen.booking.id, status: 'CANCELLED' });
  });

  it('Amplify JS v6 over https:// and wss://: search, quote, book, watch the booking, cancel', async () => {
    const user = await signIn('journey-amplify', secure);
    const options = journeyOptions(user.sub);
    const caFile = secure.server.tls?.caFile;
    if (!caFile) throw new Error('The server was not started with https');
    const run = await runApp('client-journey.ts', {
      ROAM_GRAPHQL_URL: `${secure.server.url}/graphql`,
      ROAM_REGION: 'us-east-1',
      ROAM_ACCESS_TOKEN: user.token,
      ROAM_USER_ID: user.sub,
      ROAM_CHECK_IN: options.checkIn,
      ROAM_CHECK_OUT: options.checkOut,
      NODE_EXTRA_CA_CERTS: caFile,
    });
    expect(run.steps.failed, run.stderr).toBeUndefined();
    expect(run.code).toBe(0);
    expect(secure.server.url).toMatch(/^https:\/\//);
    const seen = run.steps.journey;
    expect(seen.booking).toMatchObject({ status: 'CONFIRMED', userId: user.sub, total: seen.quote.total });
    expect(seen.booked).toMatchObject({ id: seen.booking.id, status: 'CONFIRMED' });
    expect(seen.cancelled).toMatchObject({ id: seen.booking.id, status: 'CANCELLED' });
    expect(seen.cancelledEvent).toMatchObject({ id: seen.booking.id, status: 'CANCELLED' });
    // Every dial was TLS: the server refused nothing.
    expect(secureLogs.filter((line) => line.startsWith('Refused'))).toEqual([]);
  }, 120_000);
});
