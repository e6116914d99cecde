/**
 * The caller's own data through /graphql with Cognito ID tokens from the local user pool: my
 * bookings, one booking, me (balance = sum of the ledger, expiring credits, history pages,
 * referral code) and lists. Seeded users (db/seed/users.ts) have bookings, credits and lists.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededUser } from '../../../db/seed/users.js';
import type { RoamTestServer } from '../../support/roam-server.js';
import { runSql, startReadsServer } from './support.js';

let server: RoamTestServer;
const tokens = new Map<string, string>();

beforeAll(async () => {
  server = await startReadsServer();
}, 180_000);
afterAll(async () => {
  await server?.close();
});

/**
 * An ID token for a seeded user (with the seeded sub, which the pool would not derive from the
 * name: it takes it as an extra claim) or for a new user of that name.
 */
async function tokenFor(username: string): Promise<string> {
  if (!tokens.has(username)) {
    let extraClaims = {};
    try {
      const user = seededUser(username);
      extraClaims = { sub: user.sub, email: user.email, name: user.name };
    } catch {
      extraClaims = { email: `${username}@reads.example.com`, name: username };
    }
    const minted = await server.server.auth.userPool.mint({ username, extraClaims });
    tokens.set(username, minted.idToken);
  }
  return tokens.get(username) as string;
}

async function as(username: string, query: string, variables: Record<string, unknown> = {}) {
  const { body } = await server.graphql(query, variables, { authorization: await tokenFor(username) });
  return body;
}

async function count(text: string): Promise<number> {
  return Number((await runSql(server, text))[0]?.[0]);
}

const BOOKING = `id userId status hotel { id timeZone } roomType { id name } checkIn checkOut nights guests
  nightlyRates { date rate { amount currency } } roomTotal { amount currency } taxesAndFeesTotal { amount } total { amount }
  creditsApplied { amount currency } amountCharged { amount } cashbackEarned { amount }
  cancellationPolicy { freeUntil timeZone penalty { amount } summary }
  cancellation { cancelledAt free penalty { amount } refund { amount } } createdAt updatedAt`;

describe('my bookings', () => {
  it("lists only the caller's bookings, latest check-in first, in pages that neither repeat nor skip", async () => {
    const alice = seededUser('alice');
    const expected = await count(`SELECT count(*) FROM bookings WHERE user_id = '${alice.id}'`);
    expect(expected).toBeGreaterThan(1);
    const all = await as('alice', `{ myBookings(limit: 100) { items { ${BOOKING} } nextToken } }`);
    expect(all.errors).toBeUndefined();
    const items = all.data.myBookings.items;
    expect(items).toHaveLength(expected);
    expect(items.every((b: any) => b.userId === alice.sub)).toBe(true);
    const checkIns = items.map((b: any) => b.checkIn);
    expect(checkIns).toEqual([...checkIns].sort().reverse());

    const paged: string[] = [];
    let token: string | null = null;
    do {
      const page: any = await as('alice', 'query($t: String) { myBookings(limit: 1, nextToken: $t) { items { id } nextToken } }', {
        t: token,
      });
      paged.push(...page.data.myBookings.items.map((b: any) => b.id));
      token = page.data.myBookings.nextToken;
    } while (token);
    expect(paged).toEqual(items.map((b: any) => b.id));
  });

  it('filters by status', async () => {
    const body = await as(
      'alice',
      '{ myBookings(status: [CANCELLED]) { items { status cancellation { cancelledAt refund { currency } } } } }',
    );
    expect(body.data.myBookings.items.length).toBeGreaterThan(0);
    expect(body.data.myBookings.items.every((b: any) => b.status === 'CANCELLED' && b.cancellation.cancelledAt)).toBe(true);
    const other = await as('alice', '{ myBookings(status: [CONFIRMED, COMPLETED]) { items { status } } }');
    expect(other.data.myBookings.items.length).toBeGreaterThan(0);
    expect(other.data.myBookings.items.every((b: any) => b.status !== 'CANCELLED')).toBe(true);
  });

  it('reads one booking whole: nightly rates sum to the room total, policy on the hotel clock', async () => {
    const [id] = (
      await runSql(server, `SELECT id FROM bookings WHERE user_id = '${seededUser('alice').id}' AND status = 'CONFIRMED' LIMIT 1`)
    )[0] as [string];
    const body = await as('alice', `query($id: ID!) { booking(id: $id) { ${BOOKING} } }`, { id });
    expect(body.errors).toBeUndefined();
    const b = body.data.booking;
    expect(b.id).toBe(id);
    expect(b.nightlyRates).toHaveLength(b.nights);
    expect(b.nightlyRates.reduce((sum: number, n: any) => sum + n.rate.amount, 0)).toBe(b.roomTotal.amount);
    expect(b.total.amount).toBe(b.roomTotal.amount + b.taxesAndFeesTotal.amount);
    expect(b.cancellationPolicy.timeZone).toBe(b.hotel.timeZone);
    expect(b.cancellation).toBeNull();
  });

  it("never shows another user's booking: it is null, like a missing one", async () => {
    const [id] = (await runSql(server, `SELECT id FROM bookings WHERE user_id = '${seededUser('alice').id}' LIMIT 1`))[0] as [string];
    for (const [user, bookingId] of [
      ['bob', id],
      ['alice', randomUUID()],
      ['alice', 'booking-1'],
    ]) {
      const body = await as(user as string, 'query($id: ID!) { booking(id: $id) { id } }', { id: bookingId });
      expect(body).toEqual({ data: { booking: null } });
    }
    const bobs = await as('bob', '{ myBookings(limit: 100) { items { id userId } } }');
    expect(bobs.data.myBookings.items.map((b: any) => b.id)).not.toContain(id);
    expect(bobs.data.myBookings.items.every((b: any) => b.userId === seededUser('bob').sub)).toBe(true);
  });

  it('refuses a nextToken it did not issue', async () => {
    const body = await as('alice', '{ myBookings(nextToken: "bm90IG1pbmU=") { items { id } } }');
    expect(body.errors[0].errorType).toBe('ValidationError');
  });
});

describe('hotels built elsewhere', () => {
  it('resolve city, amenities and room types for a Hotel a Lambda returned without them (quote)', async () => {
    const [hotelId, roomTypeId] = (
      await runSql(
        server,
        `SELECT r.hotel_id, r.id FROM room_types r JOIN hotels h ON h.id = r.hotel_id
      WHERE r.max_guests >= 2 AND h.currency = 'USD' AND (SELECT min(rooms_total - rooms_sold) FROM inventory i
        WHERE i.room_type_id = r.id AND i.night >= current_date + 10 AND i.night < current_date + 12) > 0 ORDER BY r.id LIMIT 1`,
      )
    )[0] as [string, string];
    const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
    const body = await as(
      'alice',
      `query($input: QuoteInput!) { quote(input: $input) { hotel { id city { id name } amenities { code } roomTypes { id } } } }`,
      { input: { hotelId, roomTypeId, checkIn: day(10), checkOut: day(12), guests: 2 } },
    );
    expect(body.errors).toBeUndefined();
    const [expected] = (await runSql(server, `SELECT api_hotel('${hotelId}')::text`))[0] as [string];
    const hotel = JSON.parse(expected);
    expect(body.data.quote.hotel).toEqual({
      id: hotelId,
      city: { id: hotel.city.id, name: hotel.city.name },
      amenities: hotel.amenities.map((a: any) => ({ code: a.code })),
      roomTypes: hotel.roomTypes.map((r: any) => ({ id: r.id })),
    });
  });
});

describe('me', () => {
  it('gives the profile, the referral code and the balance as the sum of the ledger', async () => {
    const alice = seededUser('alice');
    const body = await as(
      'alice',
      '{ me { id email name referralCode redeemedReferralCode signedUpAt credits { balance { amount currency } } } }',
    );
    expect(body.errors).toBeUndefined();
    const sum = await count(`SELECT COALESCE(sum(amount_minor), 0) FROM credit_ledger WHERE user_id = '${alice.id}'`);
    expect(body.data.me).toMatchObject({
      id: alice.sub,
      email: alice.email,
      name: alice.name,
      referralCode: 'ALICE2024',
      redeemedReferralCode: null,
      credits: { balance: { amount: sum, currency: 'USD' } },
    });
    expect(body.data.me.signedUpAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
    const bob = await as('bob', '{ me { redeemedReferralCode } }');
    expect(bob.data.me.redeemedReferralCode).toBe('ALICE2024');
  });

  it('lists what expires soon, soonest first, from what is left of each grant', async () => {
    const carol = seededUser('carol');
    const body = await as(
      'carol',
      '{ me { credits { balance { amount } soon: expiringSoon { amount { amount currency } expiresAt } year: expiringSoon(withinDays: 365) { amount { amount } expiresAt } } } }',
    );
    expect(body.errors).toBeUndefined();
    const { soon, year } = body.data.me.credits;
    const expected = await count(`SELECT COALESCE(sum(remaining_minor), 0) FROM credit_grant_remaining
      WHERE user_id = '${carol.id}' AND remaining_minor > 0 AND expires_at > now() AND expires_at <= now() + interval '30 days'`);
    expect(expected).toBeGreaterThan(0);
    expect(soon.reduce((sum: number, c: any) => sum + c.amount.amount, 0)).toBe(expected);
    expect(year.map((c: any) => c.expiresAt)).toEqual([...year.map((c: any) => c.expiresAt)].sort());
    const bad = await as('carol', '{ me { credits { expiringSoon(withinDays: 0) { expiresAt } } } }');
    expect(bad.errors[0].errorType).toBe('ValidationError');
  });

  it('pages the credit history newest first without repeats or gaps', async () => {
    const alice = seededUser('alice');
    const all = await as(
      'alice',
      '{ me { creditHistory(limit: 100) { items { id kind amount { amount } createdAt bookingId expiresAt } nextToken } } }',
    );
    const items = all.data.me.creditHistory.items;
    expect(items).toHaveLength(await count(`SELECT count(*) FROM credit_ledger WHERE user_id = '${alice.id}'`));
    expect(items.map((e: any) => e.createdAt)).toEqual([...items.map((e: any) => e.createdAt)].sort().reverse());
    const paged: string[] = [];
    let token: string | null = null;
    do {
      const page: any = await as(
        'alice',
        'query($t: String) { me { creditHistory(limit: 2, nextToken: $t) { items { id } nextToken } } }',
        { t: token },
      );
      paged.push(...page.data.me.creditHistory.items.map((e: any) => e.id));
      token = page.data.me.creditHistory.nextToken;
    } while (token);
    expect(paged).toEqual(items.map((e: any) => e.id));
  });

  it('creates the account of a first-time caller with an empty ledger', async () => {
    const body = await as(
      `new-${randomUUID().slice(0, 8)}`,
      '{ me { id referralCode credits { balance { amount } expiringSoon { amount { amount } } } creditHistory { items { id } nextToken } } }',
    );
    expect(body.errors).toBeUndefined();
    expect(body.data.me).toMatchObject({
      credits: { balance: { amount: 0 }, expiringSoon: [] },
      creditHistory: { items: [], nextToken: null },
    });
  });
});

describe('lists', () => {
  const LIST = 'id name hotels { id name } createdAt updatedAt';

  it('creates, renames, adds a hotel once however often it is added, removes, deletes', async () => {
    const owner = `lister-${randomUUID().slice(0, 8)}`;
    const [hotelA, hotelB] = (await runSql(server, 'SELECT id FROM hotels ORDER BY id LIMIT 2')).map((row) => row[0] as string);
    const created = await as(owner, `mutation { createList(input: { name: "  Summer  " }) { ${LIST} } }`);
    expect(created.errors).toBeUndefined();
    const list = created.data.createList;
    expect(list).toMatchObject({ name: 'Summer', hotels: [] });

    const add = `mutation($l: ID!, $h: ID!) { addHotelToList(input: { listId: $l, hotelId: $h }) { ${LIST} } }`;
    await as(owner, add, { l: list.id, h: hotelA });
    const twice = await as(owner, add, { l: list.id, h: hotelA });
    expect(twice.data.addHotelToList.hotels.map((h: any) => h.id)).toEqual([hotelA]);
    const both = await as(owner, add, { l: list.id, h: hotelB });
    expect(both.data.addHotelToList.hotels.map((h: any) => h.id)).toEqual([hotelB, hotelA]);
    expect(await count(`SELECT count(*) FROM list_hotels WHERE list_id = '${list.id}'`)).toBe(2);

    const renamed = await as(owner, `mutation($l: ID!) { renameList(input: { listId: $l, name: "Winter" }) { ${LIST} } }`, { l: list.id });
    expect(renamed.data.renameList.name).toBe('Winter');
    const removed = await as(owner, `mutation($l: ID!, $h: ID!) { removeHotelFromList(input: { listId: $l, hotelId: $h }) { ${LIST} } }`, {
      l: list.id,
      h: hotelA,
    });
    expect(removed.data.removeHotelFromList.hotels.map((h: any) => h.id)).toEqual([hotelB]);
    const again = await as(owner, `mutation($l: ID!, $h: ID!) { removeHotelFromList(input: { listId: $l, hotelId: $h }) { ${LIST} } }`, {
      l: list.id,
      h: hotelA,
    });
    expect(again.data.removeHotelFromList.hotels.map((h: any) => h.id)).toEqual([hotelB]);

    const mine = await as(owner, `{ myLists { ${LIST} } }`);
    expect(mine.data.myLists).toEqual([expect.objectContaining({ id: list.id, name: 'Winter' })]);
    const deleted = await as(owner, 'mutation($l: ID!) { deleteList(listId: $l) }', { l: list.id });
    expect(deleted.data.deleteList).toBe(list.id);
    const gone = await as(owner, 'mutation($l: ID!) { deleteList(listId: $l) }', { l: list.id });
    expect(gone.errors[0].errorType).toBe('NotFound');
    expect((await as(owner, '{ myLists { id } }')).data.myLists).toEqual([]);
  });

  it('keeps a list to its owner: another user neither sees nor changes it (NotFound)', async () => {
    const aliceLists = await as('alice', `{ myLists { ${LIST} } }`);
    expect(aliceLists.data.myLists.length).toBeGreaterThan(0);
    const listId = aliceLists.data.myLists[0].id;
    const bobLists = await as('bob', '{ myLists { id } }');
    expect(bobLists.data.myLists.map((l: any) => l.id)).not.toContain(listId);
    const [hotel] = (await runSql(server, 'SELECT id FROM hotels LIMIT 1'))[0] as [string];
    const attempts: [string, Record<string, unknown>][] = [
      ['mutation($l: ID!) { renameList(input: { listId: $l, name: "Mine now" }) { id } }', { l: listId }],
      ['mutation($l: ID!, $h: ID!) { addHotelToList(input: { listId: $l, hotelId: $h }) { id } }', { l: listId, h: hotel }],
      ['mutation($l: ID!, $h: ID!) { removeHotelFromList(input: { listId: $l, hotelId: $h }) { id } }', { l: listId, h: hotel }],
      ['mutation($l: ID!) { deleteList(listId: $l) }', { l: listId }],
    ];
    for (const [query, variables] of attempts) {
      const body = await as('bob', query, variables);
      expect(body.errors[0].errorType).toBe('NotFound');
    }
    const after = await as('alice', `{ myLists { ${LIST} } }`);
    expect(after.data.myLists).toEqual(aliceLists.data.myLists);
  });

  it('refuses a bad name, an unknown list and an unknown hotel', async () => {
    const owner = `lister-${randomUUID().slice(0, 8)}`;
    const blank = await as(owner, 'mutation { createList(input: { name: "   " }) { id } }');
    expect(blank.errors[0].errorType).toBe('ValidationError');
    const long = await as(owner, `mutation { createList(input: { name: "${'x'.repeat(101)}" }) { id } }`);
    expect(long.errors[0].errorType).toBe('ValidationError');
    const list = (await as(owner, 'mutation { createList(input: { name: "Trips" }) { id } }')).data.createList;
    const noHotel = await as(owner, 'mutation($l: ID!, $h: ID!) { addHotelToList(input: { listId: $l, hotelId: $h }) { id } }', {
      l: list.id,
      h: randomUUID(),
    });
    expect(noHotel.errors[0]).toMatchObject({ errorType: 'NotFound', message: expect.stringMatching(/hotel/) });
    const noList = await as(owner, 'mutation($l: ID!) { renameList(input: { listId: $l, name: "x" }) { id } }', { l: 'not-a-list' });
    expect(noList.errors[0].errorType).toBe('NotFound');
  });
});
