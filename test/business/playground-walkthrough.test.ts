import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { playgroundExamples } from '../../client/playground-examples.js';
import { startRoamTestServer, type RoamTestServer } from '../support/roam-server.js';

let roam: RoamTestServer;
let headers: Record<string, string>;

/** Runs a saved example with the PASTE_ placeholders filled from earlier answers. */
async function run(name: string, fill: (variables: any) => void): Promise<any> {
  const example = playgroundExamples().find((candidate) => candidate.name.startsWith(name));
  if (!example) throw new Error(`no saved example ${name}`);
  const variables = structuredClone(example.variables ?? {}) as any;
  fill(variables);
  expect(JSON.stringify(variables)).not.toContain('PASTE');
  const { body } = await roam.graphql(example.query, variables, headers);
  expect(body.errors).toBeUndefined();
  return body.data;
}

beforeAll(async () => {
  roam = await startRoamTestServer({ hotels: 60 });
  const token = await roam.server.auth.userPool.mint({ username: 'carol' });
  headers = { authorization: token.idToken };
});

afterAll(async () => {
  await roam?.close();
});

describe('The saved playground examples', () => {
  it('walk a seeded user through search, quote, book and cancel', async () => {
    // Act: each step takes what the one before answered, as a person in the playground would.
    const found = await run('1.', () => {});
    const item = found.searchHotels.items[0];
    expect(item).toBeDefined();
    const quoted = await run('2.', (v) => {
      v.input.hotelId = item.hotel.id;
      v.input.roomTypeId = item.cheapestRoomType.id;
    });
    const booked = await run('3.', (v) => {
      v.input.quoteId = quoted.quote.id;
      v.input.quotedTotal = { amount: quoted.quote.total.amount, currency: quoted.quote.total.currency };
    });
    const cancelled = await run('4.', (v) => {
      v.input.bookingId = booked.createBooking.id;
    });

    // Assess
    expect(booked.createBooking.status).toBe('CONFIRMED');
    expect(cancelled.cancelBooking.status).toBe('CANCELLED');
    const mine = await run('My bookings', () => {});
    expect(mine.myBookings.items.map((booking: { id: string }) => booking.id)).toContain(booked.createBooking.id);
  });
});
