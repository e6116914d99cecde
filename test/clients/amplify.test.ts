import { Amplify } from 'aws-amplify';
import { generateClient, type GraphQLQuery, type GraphQLSubscription } from 'aws-amplify/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_KEY, startRealtimeFixture, type RealtimeFixtureServer } from '../local/plugins/realtime/support/realtime-server.js';
import { installWebSocket } from './node-websocket.js';

let fixture: RealtimeFixtureServer;

beforeAll(async () => {
  installWebSocket();
  fixture = await startRealtimeFixture();
  Amplify.configure({
    API: { GraphQL: { endpoint: `${fixture.server.url}/graphql`, region: 'us-east-1', defaultAuthMode: 'apiKey', apiKey: API_KEY } },
  });
});

afterAll(async () => {
  await fixture?.stop();
});

describe('AWS Amplify JS v6 against the offline server', () => {
  it('runs a query with generateClient', async () => {
    const client = generateClient();
    const result = await client.graphql({ query: 'query Ping { ping }' });
    expect(result).toMatchObject({ data: { ping: 'pong' } });
  });

  it('receives a subscription event triggered by a mutation it sends', async () => {
    const client = generateClient();
    const events: unknown[] = [];
    let onEvent: () => void = () => {};
    const received = new Promise<void>((resolve) => (onEvent = resolve));
    let failure: unknown;
    const subscription = client
      .graphql<GraphQLSubscription<{ onMessage: { id: string; room: string; body: string } }>>({
        query: 'subscription OnMessage($room: String) { onMessage(room: $room) { id room body } }',
        variables: { room: 'amplify' },
      })
      .subscribe({
        next: (event) => {
          events.push(event.data);
          onEvent();
        },
        error: (error: unknown) => {
          failure = error;
          onEvent();
        },
      });
    // Amplify announces a ready subscription through Hub; posting until the first event arrives avoids depending on it.
    const posted: string[] = [];
    while (events.length === 0 && failure === undefined) {
      const result = await client.graphql<GraphQLQuery<{ postMessage: { id: string } }>>({
        query: 'mutation Post($input: MessageInput!) { postMessage(input: $input) { id room body } }',
        variables: { input: { room: 'amplify', body: `hello ${posted.length}` } },
      });
      posted.push(result.data.postMessage.id);
      await Promise.race([received, new Promise((resolve) => setTimeout(resolve, 200))]);
    }
    subscription.unsubscribe();
    expect(failure).toBeUndefined();
    expect(events[0]).toEqual({ onMessage: { id: expect.any(String), room: 'amplify', body: expect.stringMatching(/^hello \d+$/) } });
    expect(posted).toContain((events[0] as { onMessage: { id: string } }).onMessage.id);
  });
});
