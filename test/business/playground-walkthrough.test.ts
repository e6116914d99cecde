import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { playgroundExamples } from '../../client/playground-examples.js';
import { startRoamTestServer, type RoamTestServer } from '../support/roam-server.js';

let roam: RoamTestServer;
let headers: Record<string, string>;

/** What each placeholder must say, checked against the answers the walkthrough got. */
const answers = new Map<string, any>();

/** Fills `{{Operation.path}}` from the answers so far and `{{uuid}}` with a new key, as the playground does. */
function fill(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(fill);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, fill(item)]));
  const reference = typeof value === 'string' ? /^\{\{(.+)\}\}$/.exec(value)?.[1] : undefined;
  if (!reference) return value;
  if (reference === 'uuid') return crypto.randomUUID();
  const [operation, ...path] = reference.split('.');
  const found = path.reduce((node: any, key) => node?.[key], answers.get(operation as string));
  if (found === undefined || found === null) throw new Error(`${reference} names nothing the walkthrough has answered`);
  return found;
}

/** Runs a saved example with its placeholders filled from earlier answers. */
async function run(name: string): Promise<any> {
  const example = playgroundExamples().find((candidate) => candidate.name.startsWith(name));
  if (!example) throw new Error(`no saved example ${name}`);
  const variables = fill(example.variables ?? {}) as Record<string, unknown>;
  const { body } = await roam.graphql(example.query, variables, headers);
  expect(body.errors).toBeUndefined();
  answers.set(/\b(?:query|mutation|subscription)\s+(\w+)/.exec(example.query)?.[1] as string, body.data);
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
  it('walk a seeded user through search, quote, book and cancel, each step filled from the answers before it', async () => {
    // Act: the placeholders take what the earlier steps answered, as the playground fills them.
    const found = await run('1.');
    expect(found.searchHotels.items[0]).toBeDefined();
    const quoted = await run('2.');
    const booked = await run('3.');
    const again = await run('3.');
    const watch = playgroundExamples().find((candidate) => candidate.name.startsWith('4.'));
    const cancelled = await run('5.');

    // Assess: a second pick of step 3 is a new booking (a new key), not a reused one.
    expect(quoted.quote.hotel.id).toBe(found.searchHotels.items[0].hotel.id);
    expect(booked.createBooking.status).toBe('CONFIRMED');
    expect(fill(watch?.variables)).toEqual({ userId: booked.createBooking.userId });
    expect(again.createBooking.id).not.toBe(booked.createBooking.id);
    expect(cancelled.cancelBooking).toMatchObject({ id: again.createBooking.id, status: 'CANCELLED' });
    const mine = await run('My bookings');
    expect(mine.myBookings.items.map((booking: { id: string }) => booking.id)).toEqual(
      expect.arrayContaining([booked.createBooking.id, again.createBooking.id]),
    );
  });
});
