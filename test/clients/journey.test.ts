// The booking journey (test/clients/journey.ts) through each client set-up in client/, unchanged
// libraries against the offline Roam API: Apollo Client 4 with AWS's AppSync links, and Amplify
// JS v6 through client/amplify.ts, each as a signed-in Cognito user. Amplify dials `wss://` only;
// the server answers plain HTTP here, so Node's WebSocket is the loopback one from
// node-websocket.ts (wss://127.0.0.1 without TLS). `endpoint` is all the journey takes: pointed at
// an https:// endpoint, the same test runs over TLS with no shim.
import { CONTROL_MSG } from '@aws-amplify/api-graphql';
import { Hub } from 'aws-amplify/utils';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { getOperationAST } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cognitoAuth, createRoamApolloClient } from '../../client/apollo.js';
import { configureAmplifyForRoam, roamAmplifyClient } from '../../client/amplify.js';
import { startRoamTestServer, type RoamTestServer } from '../support/roam-server.js';
import { bookingJourney, eventQueue, type JourneyClient, type JourneyOptions, type Watch } from './journey.js';
import { installWebSocket } from './node-websocket.js';

type Variables = Record<string, unknown>;

let roam: RoamTestServer;
let endpoint: string;

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

async function signIn(username: string): Promise<{ token: string; sub: string }> {
  const minted = await roam.server.auth.userPool.mint({ username });
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

/** Amplify as client/amplify.ts sets it up; subscription readiness from Amplify's Hub (its start_ack event). */
function amplifyJourneyClient(token: string): JourneyClient {
  configureAmplifyForRoam({ endpoint, region: 'us-east-1', auth: { mode: 'userPool', token: () => token } });
  const client = roamAmplifyClient();
  function watch<TResult, TVariables extends Variables>(query: TypedDocumentNode<TResult, TVariables>, variables: TVariables) {
    return new Promise<Watch<TResult>>((resolve, reject) => {
      const events = eventQueue<TResult>();
      // Amplify reports the ack with the query as it sent it (reprinted) and the variables.
      const name = getOperationAST(query)?.name?.value ?? '';
      const sameVariables = JSON.stringify(variables);
      const stopListening = Hub.listen('api', ({ payload }) => {
        const data = payload.data as { query?: string; variables?: unknown } | undefined;
        const ours = data?.query?.includes(`subscription ${name}(`) && JSON.stringify(data.variables) === sameVariables;
        if (payload.event !== CONTROL_MSG.SUBSCRIPTION_ACK || !ours) return;
        stopListening();
        resolve({ next: () => events.next(), close: () => subscription.unsubscribe() });
      });
      const subscription = client.subscribe(query, variables).subscribe({
        next: (event) => events.push(event),
        error: (error: unknown) => {
          stopListening();
          events.fail(error);
          reject(error);
        },
      });
    });
  }
  return { query: client.query, mutate: client.mutate, watch };
}

beforeAll(async () => {
  installWebSocket();
  roam = await startRoamTestServer();
  endpoint = `${roam.server.url}/graphql`;
});

afterAll(async () => {
  await roam?.close();
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

  it('Amplify JS v6: search, quote, book, watch the booking, cancel', async () => {
    const user = await signIn('journey-amplify');
    const seen = await bookingJourney(amplifyJourneyClient(user.token), journeyOptions(user.sub));
    expect(seen.booking).toMatchObject({ status: 'CONFIRMED', userId: user.sub, total: seen.quote.total });
    expect(seen.booked).toMatchObject({ id: seen.booking.id, status: 'CONFIRMED' });
    expect(seen.cancelled).toMatchObject({ id: seen.booking.id, status: 'CANCELLED' });
    expect(seen.cancelledEvent).toMatchObject({ id: seen.booking.id, status: 'CANCELLED' });
  });
});
