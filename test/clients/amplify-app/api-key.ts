/**
 * A Node app on AWS Amplify JS v6 with API-key auth against the realtime fixture API: a query,
 * then a subscription that receives the event of a mutation the app sends. It trusts the local CA
 * only through NODE_EXTRA_CA_CERTS and wraps nothing: Amplify's own fetch and WebSocket dial
 * https:// and wss://. Run by test/clients/amplify.test.ts, which reads its JSON lines.
 *
 * Environment: ROAM_GRAPHQL_URL, ROAM_API_KEY.
 */
import { Amplify } from 'aws-amplify';
import { generateClient, type GraphQLQuery, type GraphQLSubscription } from 'aws-amplify/api';
import { installWebSocket } from '../node-websocket.js';
import { env, finish, report } from './run.js';

/** How long the app posts before giving up on the event: Amplify redials a refused wss:// without telling the app. */
const EVENT_DEADLINE_MS = 20_000;

async function main(): Promise<void> {
  installWebSocket();
  Amplify.configure({
    API: { GraphQL: { endpoint: env('ROAM_GRAPHQL_URL'), region: 'us-east-1', defaultAuthMode: 'apiKey', apiKey: env('ROAM_API_KEY') } },
  });
  const client = generateClient();

  const pinged = await client.graphql<GraphQLQuery<{ ping: string }>>({ query: 'query Ping { ping }' });
  report('query', { data: pinged.data });

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
  const deadline = Date.now() + EVENT_DEADLINE_MS;
  while (events.length === 0 && failure === undefined) {
    if (Date.now() > deadline) throw new Error(`no subscription event within ${EVENT_DEADLINE_MS} ms`);
    const result = await client.graphql<GraphQLQuery<{ postMessage: { id: string } }>>({
      query: 'mutation Post($input: MessageInput!) { postMessage(input: $input) { id room body } }',
      variables: { input: { room: 'amplify', body: `hello ${posted.length}` } },
    });
    posted.push(result.data.postMessage.id);
    await Promise.race([received, new Promise((resolve) => setTimeout(resolve, 200))]);
  }
  subscription.unsubscribe();
  if (failure !== undefined) throw new Error(`subscription failed: ${JSON.stringify(failure)}`);
  report('subscribe', { event: events[0], posted });
}

finish(main());
