import { ApolloClient, ApolloLink, HttpLink, InMemoryCache, gql } from '@apollo/client';
import { createAuthLink, AUTH_TYPE } from 'aws-appsync-auth-link';
import { createSubscriptionHandshakeLink } from 'aws-appsync-subscription-link';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_KEY, startRealtimeFixture, type RealtimeFixtureServer } from '../local/plugins/realtime/support/realtime-server.js';
import { installWebSocket } from './node-websocket.js';

let fixture: RealtimeFixtureServer;
let client: ApolloClient;

beforeAll(async () => {
  installWebSocket();
  fixture = await startRealtimeFixture();
  const url = `${fixture.server.url}/graphql`;
  const auth = { type: AUTH_TYPE.API_KEY, apiKey: API_KEY } as const;
  const region = 'us-east-1';
  client = new ApolloClient({
    // The AppSync links are typed against @apollo/client's CommonJS build, the test imports its ES module build: same classes, two type identities.
    link: ApolloLink.from([
      createAuthLink({ url, region, auth }) as unknown as ApolloLink,
      createSubscriptionHandshakeLink(
        { url, region, auth },
        new HttpLink({ uri: url }) as unknown as Parameters<typeof createSubscriptionHandshakeLink>[1],
      ) as unknown as ApolloLink,
    ]),
    cache: new InMemoryCache(),
  });
});

afterAll(async () => {
  client?.stop();
  await fixture?.stop();
});

describe('Apollo Client with aws-appsync-subscription-link against the offline server', () => {
  it('receives a subscription event triggered by a mutation', async () => {
    const events: unknown[] = [];
    let failure: unknown;
    const subscription = client
      .subscribe({
        query: gql`
          subscription OnMessage($room: String) {
            onMessage(room: $room) {
              id
              room
              body
            }
          }
        `,
        variables: { room: 'apollo' },
      })
      .subscribe({ next: (event) => events.push(event.data), error: (error: unknown) => (failure = error) });
    const posted: string[] = [];
    // The link gives no ready signal to callers: post until the first event arrives.
    while (events.length === 0 && failure === undefined) {
      const result = await client.mutate({
        mutation: gql`
          mutation Post($input: MessageInput!) {
            postMessage(input: $input) {
              id
              room
              body
            }
          }
        `,
        variables: { input: { room: 'apollo', body: `hello ${posted.length}` } },
      });
      posted.push((result.data as { postMessage: { id: string } }).postMessage.id);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    subscription.unsubscribe();
    expect(failure).toBeUndefined();
    const first = events[0] as { onMessage: { id: string; room: string; body: string; __typename?: string } };
    expect(first.onMessage).toMatchObject({ room: 'apollo', body: expect.stringMatching(/^hello \d+$/) });
    expect(posted).toContain(first.onMessage.id);
  });
});
