/**
 * Roam's own rule: a user receives only their own booking events, whatever argument
 * they subscribe with. Runs the real Roam API offline (bookings Lambda, Aurora through the Data
 * API, the onBookingUpdated resolver) with Cognito tokens from the local user pool.
 */
import { randomUUID } from 'node:crypto';
import { RDSData } from '@aws-sdk/client-rds-data';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDataAccess } from '../../../../resolvers/lambda/shared/data-api.js';
import { CREATE_BOOKING, QUOTE, pickUsdHotel, daysFromToday } from '../../../business/money/support.js';
import { startRoamTestServer, TEST_API_KEY, type RoamTestServer } from '../../../support/roam-server.js';
import { RealtimeTestClient } from './support/ws-client.js';

interface Guest {
  sub: string;
  auth: Record<string, string>;
  socket: RealtimeTestClient;
}

let roam: RoamTestServer;
let rds: RDSData;
let ada: Guest;
let bob: Guest;
const SUBSCRIBE = 'subscription Bookings($userId: ID!) { onBookingUpdated(userId: $userId) { id userId status } }';

async function guest(label: string): Promise<Guest> {
  const minted = await roam.server.auth.userPool.mint({ username: `${label}-${randomUUID().slice(0, 8)}` });
  const auth = { host: new URL(roam.server.url).host, Authorization: minted.idToken };
  const socket = await RealtimeTestClient.open(roam.server.url, auth);
  expect((await socket.init()).type).toBe('connection_ack');
  return { sub: minted.sub, auth, socket };
}

async function book(who: Guest, skip: number): Promise<{ id: string; userId: string }> {
  const db = createDataAccess({
    api: rds,
    resourceArn: roam.server.dataApi.resourceArn,
    secretArn: roam.server.dataApi.secretArn,
    database: roam.server.dataApi.database,
  });
  const hotel = await pickUsdHotel(db, skip);
  const stay = {
    hotelId: hotel.hotelId,
    roomTypeId: hotel.flexRoomTypeId,
    checkIn: daysFromToday(30 + skip),
    checkOut: daysFromToday(32 + skip),
    guests: 1,
  };
  const headers = { authorization: who.auth.Authorization as string };
  const quoted = await roam.graphql(QUOTE, { input: stay }, headers);
  expect(quoted.body.errors).toBeUndefined();
  const booked = await roam.graphql(
    CREATE_BOOKING,
    {
      input: {
        idempotencyKey: randomUUID(),
        quoteId: quoted.body.data.quote.id,
        quotedTotal: quoted.body.data.quote.total,
        applyCredits: false,
      },
    },
    headers,
  );
  expect(booked.body.errors).toBeUndefined();
  return booked.body.data.createBooking;
}

beforeAll(async () => {
  roam = await startRoamTestServer({ hotels: 10 });
  rds = new RDSData({
    endpoint: roam.server.dataApi.url,
    region: 'us-east-1',
    credentials: roam.server.auth.iam,
  });
  ada = await guest('ada');
  bob = await guest('bob');
});

afterAll(async () => {
  ada?.socket.close();
  bob?.socket.close();
  rds?.destroy();
  await roam?.close();
});

describe('onBookingUpdated: a user follows only their own bookings', () => {
  it("refuses every argument but the caller's own sub", async () => {
    const unauthorized = {
      errorType: 'Unauthorized',
      message: 'Not Authorized to access onBookingUpdated on type Subscription',
      errorCode: 401,
    };
    for (const userId of [bob.sub, '', bob.sub.toUpperCase(), ` ${ada.sub}`, 'ada']) {
      const refusal = await ada.socket.start(`as-${randomUUID()}`, SUBSCRIBE, { userId }, ada.auth);
      expect(refusal.payload.errors).toEqual([unauthorized]);
    }
    const omitted = await ada.socket.start('omitted', SUBSCRIBE, {}, ada.auth);
    expect(omitted.payload.errors[0].message).toBe("Variable 'userId' has coerced Null value for NonNull type 'ID!'");
    const literalNull = await ada.socket.start('null', 'subscription { onBookingUpdated(userId: null) { id } }', {}, ada.auth);
    expect(literalNull.type).toBe('error');
    const noArgument = await ada.socket.start('none', 'subscription { onBookingUpdated { id } }', {}, ada.auth);
    expect(noArgument.type).toBe('error');
    // The API key may not follow bookings at all (the field admits user pools only).
    const byKey = await ada.socket.start(
      'key',
      SUBSCRIBE,
      { userId: bob.sub },
      { host: ada.auth.host as string, 'x-api-key': TEST_API_KEY },
    );
    expect(byKey.payload.errors[0]).toMatchObject({ errorType: 'Unauthorized' });
  });

  it("delivers each guest's booking to that guest only", async () => {
    expect(await ada.socket.start('mine', SUBSCRIBE, { userId: ada.sub }, ada.auth)).toEqual({ type: 'start_ack', id: 'mine' });
    expect(await bob.socket.start('mine', SUBSCRIBE, { userId: bob.sub }, bob.auth)).toEqual({ type: 'start_ack', id: 'mine' });
    const bobs = await book(bob, 0);
    expect(bobs.userId).toBe(bob.sub);
    expect((await bob.socket.nextOf('data', 'mine')).payload).toEqual({
      data: { onBookingUpdated: { id: bobs.id, userId: bob.sub, status: 'CONFIRMED' } },
    });
    const adas = await book(ada, 1);
    expect((await ada.socket.nextOf('data', 'mine')).payload.data.onBookingUpdated).toEqual({
      id: adas.id,
      userId: ada.sub,
      status: 'CONFIRMED',
    });
    await ada.socket.barrier();
    await bob.socket.barrier();
    expect(ada.socket.frames.filter((frame) => frame.type === 'data')).toEqual([]);
    expect(bob.socket.frames.filter((frame) => frame.type === 'data')).toEqual([]);
  });
});

describe('onCreditBalanceChanged: Lambdas announce balance changes through the IAM publish mutation', () => {
  it("delivers the cashback a booking earns to the booker's own subscription", async () => {
    const BALANCE = 'subscription Credits($userId: ID!) { onCreditBalanceChanged(userId: $userId) { userId balance { amount currency } } }';
    expect(await ada.socket.start('credits', BALANCE, { userId: ada.sub }, ada.auth)).toEqual({ type: 'start_ack', id: 'credits' });
    await book(ada, 2);
    const event = (await ada.socket.nextOf('data', 'credits')).payload.data.onCreditBalanceChanged;
    expect(event.userId).toBe(ada.sub);
    expect(event.balance.amount).toBeGreaterThan(0);
  });
});
