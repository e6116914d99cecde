/**
 * A Node "app" that runs Roam's journey through AWS Amplify JS v6 configured as for AWS except
 * for the endpoints: sign in, search, quote, book, watch the booking's subscription, cancel, sign
 * out. It trusts the local CA only through NODE_EXTRA_CA_CERTS (what a developer does for a Node
 * client; a phone trusts it in its settings) and wraps nothing: Amplify's own fetch and WebSocket
 * dial https:// and wss://. Run by test/clients/amplify-https.test.ts, which reads its JSON lines.
 *
 * Environment: ROAM_GRAPHQL_URL, ROAM_USER_POOL_ENDPOINT, ROAM_USER_POOL_ID, ROAM_CLIENT_ID, ROAM_REGION.
 */
import { print } from 'graphql';
import { Amplify } from 'aws-amplify';
import { fetchAuthSession, getCurrentUser, signIn, signOut } from 'aws-amplify/auth';
import { generateClient } from 'aws-amplify/api';
import { Hub } from 'aws-amplify/utils';
import {
  CancelBookingDocument,
  CreateBookingDocument,
  OnBookingUpdatedDocument,
  QuoteDocument,
  SearchHotelsDocument,
} from '../../../client/index.js';
import { installWebSocket } from '../node-websocket.js';
import { env, finish, report } from './run.js';

// Node 20 has no global WebSocket, which a phone's JavaScript runtime has: `ws` stands in, as is.
installWebSocket();

/** How long the app waits for the server to acknowledge its subscription. */
const ACK_DEADLINE_MS = 20_000;

function day(offset: number): string {
  return new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
}

async function main(): Promise<void> {
  Amplify.configure({
    Auth: {
      Cognito: {
        userPoolId: env('ROAM_USER_POOL_ID'),
        userPoolClientId: env('ROAM_CLIENT_ID'),
        userPoolEndpoint: env('ROAM_USER_POOL_ENDPOINT'),
      },
    },
    API: { GraphQL: { endpoint: env('ROAM_GRAPHQL_URL'), region: env('ROAM_REGION'), defaultAuthMode: 'userPool' } },
  });
  const client = generateClient();

  // Amplify's default sign-in: USER_SRP_AUTH, the password never sent.
  const signedIn = await signIn({ username: 'carol', password: 'Passw0rd!' });
  const { userId, username } = await getCurrentUser();
  report('signIn', { isSignedIn: signedIn.isSignedIn, userId, username });

  const stay = { checkIn: day(30), checkOut: day(33), guests: 2 };
  const found: any = await client.graphql({
    query: print(SearchHotelsDocument),
    variables: { input: { near: { location: { latitude: 51.5074, longitude: -0.1278 }, radiusKm: 50 }, ...stay, sort: 'PRICE' }, limit: 5 },
  });
  const item = found.data.searchHotels.items[0];
  if (!item) throw new Error('the search found no hotel');
  report('search', { hotelId: item?.hotel.id, count: found.data.searchHotels.items.length });

  const quoted: any = await client.graphql({
    query: print(QuoteDocument),
    variables: { input: { hotelId: item.hotel.id, roomTypeId: item.cheapestRoomType.id, ...stay } },
  });
  report('quote', { quoteId: quoted.data.quote.id });

  // Watch the user's bookings before booking; Amplify says on its Hub when the server acknowledged the start.
  const events: { id: string; status: string }[] = [];
  const waiters: (() => void)[] = [];
  const acknowledged = new Promise<void>((resolve) => {
    const stop = Hub.listen('api', ({ payload }) => {
      if (payload.event === 'Subscription ack') {
        stop();
        resolve();
      }
    });
  });
  let subscriptionError: unknown;
  const subscription = (client.graphql({ query: print(OnBookingUpdatedDocument), variables: { userId } }) as any).subscribe({
    next: ({ data }: any) => {
      events.push({ id: data.onBookingUpdated.id, status: data.onBookingUpdated.status });
      waiters.splice(0).forEach((wake) => wake());
    },
    error: (error: unknown) => {
      subscriptionError = error;
      waiters.splice(0).forEach((wake) => wake());
    },
  });
  // Amplify redials a refused wss:// forever without telling the app: give up after a while, as a user would.
  await Promise.race([
    acknowledged,
    new Promise((_, reject) =>
      setTimeout(() => reject(new Error(`the subscription was not acknowledged within ${ACK_DEADLINE_MS} ms`)), ACK_DEADLINE_MS),
    ),
  ]);
  report('subscribe');
  const eventFor = async (id: string, status: string): Promise<void> => {
    while (!events.some((event) => event.id === id && event.status === status)) {
      if (subscriptionError) throw new Error(`subscription failed: ${JSON.stringify(subscriptionError)}`);
      await new Promise<void>((resolve) => waiters.push(resolve));
    }
  };

  const booked: any = await client.graphql({
    query: print(CreateBookingDocument),
    variables: {
      input: {
        idempotencyKey: crypto.randomUUID(),
        quoteId: quoted.data.quote.id,
        quotedTotal: quoted.data.quote.total,
        applyCredits: false,
      },
    },
  });
  const bookingId = booked.data.createBooking.id;
  await eventFor(bookingId, 'CONFIRMED');
  report('book', { bookingId, status: booked.data.createBooking.status, event: 'CONFIRMED' });

  const cancelled: any = await client.graphql({ query: print(CancelBookingDocument), variables: { input: { bookingId } } });
  await eventFor(bookingId, 'CANCELLED');
  report('cancel', { status: cancelled.data.cancelBooking.status, event: 'CANCELLED' });
  subscription.unsubscribe();

  const before = await fetchAuthSession();
  await signOut();
  const after = await fetchAuthSession();
  report('signOut', { accessToken: before.tokens?.accessToken.toString(), signedOut: after.tokens === undefined });
}

finish(main());
