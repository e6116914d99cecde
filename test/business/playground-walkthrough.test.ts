import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import '../../local/plugins/playground/browser/carry.js';
import { playgroundExamples } from '../../client/playground-examples.js';
import { startRoamTestServer, type RoamTestServer } from '../support/roam-server.js';

let roam: RoamTestServer;
let headers: Record<string, string>;

/** The playground's own filling (its browser script, which sets a global). */
const carry = (globalThis as unknown as { playgroundCarry: { fill(variables: unknown, answers: unknown[]): any } }).playgroundCarry;
/** Answers so far, newest first, as the playground keeps them; the signed-in user's id first. */
const answers: unknown[] = [];

/** Runs a saved example with its placeholders filled from earlier answers, as the playground does when it is picked. */
async function run(name: string): Promise<any> {
  const example = playgroundExamples().find((candidate) => candidate.name.startsWith(name));
  if (!example) throw new Error(`no saved example ${name}`);
  const variables = carry.fill(example.variables ?? {}, answers);
  expect(JSON.stringify(variables)).not.toMatch(/PASTE|\{\{/);
  const { body } = await roam.graphql(example.query, variables, headers);
  expect(body.errors).toBeUndefined();
  answers.unshift(body.data);
  return { data: body.data, variables };
}

beforeAll(async () => {
  roam = await startRoamTestServer({ hotels: 60 });
  const token = await roam.server.auth.userPool.mint({ username: 'carol' });
  headers = { authorization: token.idToken };
  answers.unshift({ me: { id: token.sub } });
});

afterAll(async () => {
  await roam?.close();
});

describe('The saved playground examples', () => {
  it('walk a seeded user through search, quote, book and cancel, each step filled from the answers before it', async () => {
    // Act: nothing is typed: each example takes what the earlier answers gave.
    const found = (await run('1.')).data;
    const item = found.searchHotels.items[0];
    expect(item).toBeDefined();
    const quote = await run('2.');
    expect(quote.variables.input).toMatchObject({ hotelId: item.hotel.id, roomTypeId: item.cheapestRoomType.id });
    const booked = await run('3.');
    expect(booked.variables.input.quoteId).toBe(quote.data.quote.id);
    expect(booked.variables.input.quotedTotal).toEqual(quote.data.quote.total);
    const again = carry.fill(playgroundExamples().find((candidate) => candidate.name.startsWith('3.'))?.variables, answers);
    expect(again.input.idempotencyKey).not.toBe(booked.variables.input.idempotencyKey);
    const watch = carry.fill(playgroundExamples().find((candidate) => candidate.name.startsWith('4.'))?.variables, answers);
    expect(watch).toEqual({ userId: expect.stringMatching(/\S/) });
    const cancelled = await run('5.');

    // Assess
    expect(cancelled.variables.input.bookingId).toBe(booked.data.createBooking.id);
    expect(booked.data.createBooking.status).toBe('CONFIRMED');
    expect(cancelled.data.cancelBooking.status).toBe('CANCELLED');
    const mine = (await run('My bookings')).data;
    expect(mine.myBookings.items.map((booking: { id: string }) => booking.id)).toContain(booked.data.createBooking.id);
  });
});
