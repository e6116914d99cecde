import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRoamTestServer, TEST_API_KEY, type RoamTestServer } from '../../support/roam-server.js';

let roam: RoamTestServer;
let hotelId: string;
let cityId: string;

const asUser = async (username: string, email?: string) => {
  const { idToken } = await roam.server.auth.userPool.mint({ username, ...(email ? { email } : {}) });
  return { authorization: idToken };
};

/** What no answer may contain: PostgreSQL's own words, SQL, a stack trace. */
function expectNoInternals(body: unknown): void {
  const text = JSON.stringify(body);
  expect(text).not.toMatch(/SQLState|duplicate key|invalid byte sequence|constraint|INSERT INTO|SELECT |\n\s+at /);
}

beforeAll(async () => {
  roam = await startRoamTestServer({ hotels: 10 });
  const cities = await roam.graphql('{ cities { id } }');
  cityId = cities.body.data.cities[0].id;
  const found = await roam.graphql('query($input: HotelSearchInput!) { searchHotels(input: $input) { items { hotel { id } } } }', {
    input: { cityId, checkIn: day(10), checkOut: day(12), guests: 1 },
  });
  hotelId = found.body.data.searchHotels.items[0].hotel.id;
});

afterAll(async () => {
  await roam?.close();
});

function day(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

describe('Inputs that used to surface internals', () => {
  it.each(['Z', '+01:00'])(
    'answers an AWSDate with an offset (%s) with ValidationError in searchHotels and availability',
    async (offset) => {
      const search = await roam.graphql('query($input: HotelSearchInput!) { searchHotels(input: $input) { items { hotel { id } } } }', {
        input: { cityId, checkIn: `${day(10)}${offset}`, checkOut: day(12), guests: 1 },
      });
      expect(search.body.errors[0]).toMatchObject({ errorType: 'ValidationError', message: expect.stringContaining('YYYY-MM-DD') });
      const availability = await roam.graphql(
        'query($id: ID!, $in: AWSDate!, $out: AWSDate!) { hotel(id: $id) { availability(checkIn: $in, checkOut: $out, guests: 1) { bookable } } }',
        { id: hotelId, in: day(10), out: `${day(12)}${offset}` },
      );
      expect(availability.body.errors[0]).toMatchObject({ errorType: 'ValidationError' });
      expectNoInternals([search.body, availability.body]);
    },
  );

  it('answers a NUL character in text with ValidationError, through a JS resolver and through a Lambda', async () => {
    const headers = await asUser('nul-tester');
    const list = await roam.graphql(
      'mutation($name: String!) { createList(input: { name: $name }) { id } }',
      { name: 'a\u0000b' },
      headers,
    );
    expect(list.body.errors[0]).toMatchObject({ errorType: 'ValidationError', message: expect.stringContaining('NUL') });
    const booking = await roam.graphql(
      'mutation($input: CreateBookingInput!) { createBooking(input: $input) { id } }',
      {
        input: {
          idempotencyKey: 'key-\u0000',
          quoteId: 'q',
          quotedTotal: { amount: 100, currency: 'USD' },
          applyCredits: false,
        },
      },
      headers,
    );
    expect(booking.body.errors[0]).toMatchObject({ errorType: 'ValidationError', message: expect.stringContaining('NUL') });
    expectNoInternals([list.body, booking.body]);
  });

  it("answers a new account with another account's email with Conflict, not PostgreSQL's unique violation", async () => {
    const headers = await asUser('mallory-copycat', 'alice@example.com');
    const me = await roam.graphql('{ me { id } }', {}, headers);
    expect(me.body.errors[0]).toMatchObject({ errorType: 'Conflict', message: 'This email address already belongs to another account' });
    expectNoInternals(me.body);
  });

  it('still serves the API key client after all of it', async () => {
    expect((await roam.graphql('{ cities { id } }', {}, { 'x-api-key': TEST_API_KEY })).body.data.cities.length).toBeGreaterThan(0);
  });
});
