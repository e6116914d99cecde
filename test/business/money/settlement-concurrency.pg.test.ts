// Cancellation, completion and referral under concurrent callers on the PostgreSQL server, through
// GraphQL: two cancellations of one booking, cancellations racing the completion job, two
// redemptions at once (and a redemption racing the completion that meets its condition).
// Afterwards every balance equals its ledger and no room type is oversold.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphqlDriver, type MoneyDriver, type TestUser } from './drivers.js';
import { RATE, expectConsistentLedger, grant, ledger, quoteAndBook, stayInput } from './fixtures.js';
import { daysFromToday, pickUsdHotel, type TestHotel } from './support.js';

/** Puts a booking's check-out `day` days from today on its hotel's calendar, check-in two days before (the stay has begun). */
async function checkOutOn(driver: MoneyDriver, bookingId: string, day: number): Promise<void> {
  await driver.db.execute(
    `UPDATE bookings b SET check_in = (now() AT TIME ZONE h.time_zone)::date + :day::int - 2, check_out = (now() AT TIME ZONE h.time_zone)::date + :day::int
       FROM hotels h WHERE h.id = b.hotel_id AND b.id = :id::uuid`,
    { day, id: bookingId },
  );
}

const kinds = async (driver: MoneyDriver, user: TestUser, kind: string) =>
  (await ledger(driver.db, user.id)).filter((entry) => entry.kind === kind);

describe('cancellation, completion and referrals under concurrency (PostgreSQL, GraphQL)', () => {
  let driver: MoneyDriver;
  let hotel: TestHotel;
  const users: TestUser[] = [];
  const soldBefore = new Map<string, number>();

  const newUser = async (options?: { signedUpDaysAgo?: number }) => {
    const user = await driver.newUser(options);
    users.push(user);
    return user;
  };

  beforeAll(async () => {
    driver = await graphqlDriver({ postgres: true });
    hotel = await pickUsdHotel(driver.db, 2);
    for (const roomTypeId of [hotel.flexRoomTypeId, hotel.nonRefRoomTypeId]) {
      const set = await driver.setRoomAvailability('iam', {
        roomTypeId,
        firstNight: daysFromToday(20),
        lastNight: daysFromToday(40),
        totalRooms: 60,
        nightlyRate: { amount: RATE, currency: 'USD' },
      });
      expect(set.error).toBeUndefined();
    }
    const rows = await driver.db.query<{ key: string; rooms_sold: number }>(
      `SELECT room_type_id || '|' || night AS key, rooms_sold FROM inventory WHERE room_type_id IN (:flex::uuid, :nonref::uuid) AND night BETWEEN :first::date AND :last::date`,
      { flex: hotel.flexRoomTypeId, nonref: hotel.nonRefRoomTypeId, first: daysFromToday(20), last: daysFromToday(40) },
    );
    for (const row of rows) soldBefore.set(row.key, Number(row.rooms_sold));
  });

  afterAll(async () => {
    await driver?.close();
  });

  it('two cancellations of one booking cancel it once: one refund per spent credit, one reversal, the rooms released once', async () => {
    const pairs = [];
    for (let i = 0; i < 6; i += 1) {
      const user = await newUser();
      await grant(driver.db, user.id, 10_000 + i, 240);
      const roomTypeId = i % 2 === 0 ? hotel.flexRoomTypeId : hotel.nonRefRoomTypeId;
      const { booking } = await quoteAndBook(driver, user, stayInput(hotel, roomTypeId, 22 + i, 2), true);
      pairs.push({ user, booking });
    }
    const replies = await Promise.all(
      pairs.flatMap(({ user, booking }) => [driver.cancelBooking(user, booking.id), driver.cancelBooking(user, booking.id)]),
    );
    for (const reply of replies) expect(reply.error).toBeUndefined();
    for (const [i, { user }] of pairs.entries()) {
      const [first, second] = [replies[2 * i], replies[2 * i + 1]];
      expect(first?.data.status).toBe('CANCELLED');
      expect(second?.data.cancellation).toEqual(first?.data.cancellation);
      const refunds = await kinds(driver, user, 'REFUND_OF_SPENT');
      expect(refunds.length).toBeLessThanOrEqual((await kinds(driver, user, 'SPENT')).length);
      expect(refunds.reduce((sum, entry) => sum + Number(entry.amount_minor), 0)).toBe(first?.data.cancellation.creditsReturned.amount);
      expect(await kinds(driver, user, 'CASHBACK_REVERSAL')).toHaveLength(1);
    }
  });

  it('cancellations racing two completion runs: begun stays complete once and are not cancelled, future ones cancel', async () => {
    const cases = [];
    for (let i = 0; i < 4; i += 1) {
      const [referrer, friend] = [await newUser(), await newUser()];
      expect((await driver.redeemReferralCode(friend, referrer.referralCode)).error).toBeUndefined();
      const { booking: over } = await quoteAndBook(driver, friend, stayInput(hotel, hotel.flexRoomTypeId, 30 + i, 1));
      const { booking: upcoming } = await quoteAndBook(driver, friend, stayInput(hotel, hotel.flexRoomTypeId, 34 + i, 1));
      await checkOutOn(driver, over.id, -1);
      cases.push({ referrer, friend, over, upcoming });
    }
    const [jobs, cancels] = await Promise.all([
      Promise.all([driver.runJob?.('complete-stays'), driver.runJob?.('complete-stays')]),
      Promise.all(
        cases.flatMap(({ friend, over, upcoming }) => [driver.cancelBooking(friend, over.id), driver.cancelBooking(friend, upcoming.id)]),
      ),
    ]);
    for (const job of jobs) expect(job?.error).toBeUndefined();
    for (const [i, { referrer, over }] of cases.entries()) {
      expect(cancels[2 * i]?.error?.type).toBe('BookingNotCancellable');
      expect(cancels[2 * i + 1]?.data.status).toBe('CANCELLED');
      const [row] = await driver.db.query<{ status: string }>('SELECT status FROM bookings WHERE id = :id::uuid', { id: over.id });
      expect(row?.status).toBe('COMPLETED');
      expect((await kinds(driver, referrer, 'REFERRAL_REWARD')).map((entry) => Number(entry.amount_minor))).toEqual([2_500]);
    }
  });

  it('two redemptions at once: one succeeds, and the referrer is paid once when the condition is already met', async () => {
    for (let i = 0; i < 3; i += 1) {
      const [first, second] = [await newUser(), await newUser()];
      const friend = await newUser({ signedUpDaysAgo: 3 });
      const { booking } = await quoteAndBook(driver, friend, stayInput(hotel, hotel.nonRefRoomTypeId, 30 + i, 1)); // $500
      await checkOutOn(driver, booking.id, -1);
      expect((await driver.completeStay('iam', booking.id)).data.status).toBe('COMPLETED');
      const replies = await Promise.all([
        driver.redeemReferralCode(friend, first.referralCode),
        driver.redeemReferralCode(friend, second.referralCode),
        driver.redeemReferralCode(friend, first.referralCode),
      ]);
      expect(replies.filter((reply) => reply.data)).toHaveLength(1);
      for (const reply of replies.filter((r) => r.error)) expect(reply.error?.type).toBe('ReferralNotAllowed');
      const paid = [...(await kinds(driver, first, 'REFERRAL_REWARD')), ...(await kinds(driver, second, 'REFERRAL_REWARD'))];
      expect(paid.map((entry) => Number(entry.amount_minor))).toEqual([2_500]);
      expect(await kinds(driver, friend, 'REFERRAL_SIGNUP')).toHaveLength(1);
    }
  });

  it('a redemption racing the completion that meets the condition pays the referrer once', async () => {
    const cases = [];
    for (let i = 0; i < 4; i += 1) {
      const [referrer, friend] = [await newUser(), await newUser({ signedUpDaysAgo: 2 })];
      const { booking } = await quoteAndBook(driver, friend, stayInput(hotel, hotel.nonRefRoomTypeId, 34 + i, 1));
      await checkOutOn(driver, booking.id, 0);
      cases.push({ referrer, friend });
    }
    const results = await Promise.all([
      driver.runJob?.('complete-stays'),
      ...cases.map(({ referrer, friend }) => driver.redeemReferralCode(friend, referrer.referralCode)),
    ]);
    for (const result of results) expect(result?.error).toBeUndefined();
    for (const { referrer } of cases)
      expect((await kinds(driver, referrer, 'REFERRAL_REWARD')).map((entry) => Number(entry.amount_minor))).toEqual([2_500]);
  });

  it('leaves every balance equal to its ledger and no room type oversold', async () => {
    for (const user of users) await expectConsistentLedger(driver.db, user.id);
    const [oversold] = await driver.db.query<{ n: number }>(
      'SELECT count(*) AS n FROM inventory WHERE rooms_sold > rooms_total OR rooms_sold < 0',
    );
    expect(Number(oversold?.n)).toBe(0);
    // Each test night holds exactly the rooms of the bookings that still hold it (cancelled ones released theirs once).
    const held = await driver.db.query<{ key: string; n: number }>(
      `SELECT b.room_type_id || '|' || n.night AS key, count(*) AS n FROM bookings b JOIN booking_nights n ON n.booking_id = b.id
        WHERE b.status <> 'CANCELLED' AND b.user_id = ANY(string_to_array(:ids, ',')::uuid[]) GROUP BY 1`,
      { ids: users.map((user) => user.id).join(',') },
    );
    const heldBy = new Map(held.map((row) => [row.key, Number(row.n)]));
    const now = await driver.db.query<{ key: string; rooms_sold: number }>(
      `SELECT room_type_id || '|' || night AS key, rooms_sold FROM inventory WHERE room_type_id IN (:flex::uuid, :nonref::uuid) AND night BETWEEN :first::date AND :last::date`,
      { flex: hotel.flexRoomTypeId, nonref: hotel.nonRefRoomTypeId, first: daysFromToday(20), last: daysFromToday(40) },
    );
    for (const row of now) expect(Number(row.rooms_sold), row.key).toBe((soldBefore.get(row.key) ?? 0) + (heldBy.get(row.key) ?? 0));
  });
});
