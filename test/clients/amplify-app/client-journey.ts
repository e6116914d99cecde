/**
 * The booking journey (test/clients/journey.ts) through client/amplify.ts, as an app process:
 * `configureAmplifyForRoam` with a signed-in user's token, `roamAmplifyClient()` for every call.
 * It trusts the local CA only through NODE_EXTRA_CA_CERTS and wraps nothing: Amplify's own fetch
 * and WebSocket dial https:// and wss://. Run by test/clients/journey.test.ts, which reads its
 * JSON lines.
 *
 * Environment: ROAM_GRAPHQL_URL, ROAM_REGION, ROAM_ACCESS_TOKEN, ROAM_USER_ID, ROAM_CHECK_IN, ROAM_CHECK_OUT.
 */
import { CONTROL_MSG } from '@aws-amplify/api-graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { Hub } from 'aws-amplify/utils';
import { getOperationAST } from 'graphql';
import { configureAmplifyForRoam, roamAmplifyClient } from '../../../client/amplify.js';
import { bookingJourney, eventQueue, type JourneyClient, type Watch } from '../journey.js';
import { installWebSocket } from '../node-websocket.js';
import { env, finish, report } from './run.js';

type Variables = Record<string, unknown>;

/** How long the app waits for the server to acknowledge a subscription: Amplify redials a refused wss:// without telling the app. */
const ACK_DEADLINE_MS = 20_000;

/** Amplify as client/amplify.ts sets it up; subscription readiness from Amplify's Hub (its start_ack event). */
function amplifyJourneyClient(endpoint: string, region: string, token: string): JourneyClient {
  configureAmplifyForRoam({ endpoint, region, auth: { mode: 'userPool', token: () => token } });
  const client = roamAmplifyClient();
  function watch<TResult, TVariables extends Variables>(query: TypedDocumentNode<TResult, TVariables>, variables: TVariables) {
    return new Promise<Watch<TResult>>((resolve, reject) => {
      const events = eventQueue<TResult>();
      // Amplify reports the ack with the query as it sent it (reprinted) and the variables.
      const name = getOperationAST(query)?.name?.value ?? '';
      const sameVariables = JSON.stringify(variables);
      const deadline = setTimeout(() => {
        stopListening();
        subscription.unsubscribe();
        reject(new Error(`the subscription was not acknowledged within ${ACK_DEADLINE_MS} ms`));
      }, ACK_DEADLINE_MS);
      const stopListening = Hub.listen('api', ({ payload }) => {
        const data = payload.data as { query?: string; variables?: unknown } | undefined;
        const ours = data?.query?.includes(`subscription ${name}(`) && JSON.stringify(data.variables) === sameVariables;
        if (payload.event !== CONTROL_MSG.SUBSCRIPTION_ACK || !ours) return;
        clearTimeout(deadline);
        stopListening();
        resolve({ next: () => events.next(), close: () => subscription.unsubscribe() });
      });
      const subscription = client.subscribe(query, variables).subscribe({
        next: (event) => events.push(event),
        error: (error: unknown) => {
          clearTimeout(deadline);
          stopListening();
          events.fail(error);
          reject(error);
        },
      });
    });
  }
  return { query: client.query, mutate: client.mutate, watch };
}

async function main(): Promise<void> {
  installWebSocket();
  const client = amplifyJourneyClient(env('ROAM_GRAPHQL_URL'), env('ROAM_REGION'), env('ROAM_ACCESS_TOKEN'));
  const seen = await bookingJourney(client, {
    userId: env('ROAM_USER_ID'),
    checkIn: env('ROAM_CHECK_IN'),
    checkOut: env('ROAM_CHECK_OUT'),
    guests: 2,
  });
  report('journey', seen);
}

finish(main());
