// Stays complete themselves: the scheduled jobs of the resolver manifest, run by the offline server
// exactly as its timer runs them (the jobs Lambda calling completeStay / expireCredits, IAM-signed),
// and by `npm run jobs` through the running server.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manifest } from '../../../resolvers/manifest.js';
import { RealtimeTestClient } from '../../local/plugins/realtime/support/ws-client.js';
import { graphqlDriver, type MoneyDriver } from './drivers.js';
import { RATE, expectConsistentLedger, grant, ledger, quoteAndBook, stayInput } from './fixtures.js';
import { daysFromToday, pickUsdHotel, type TestHotel } from './support.js';

/** Puts a booking's check-out `checkOutDay` days from today on its hotel's calendar (a 2-night stay). */
async function checkOutOn(driver: MoneyDriver, bookingId: string, checkOutDay: number): Promise<void> {
  await driver.db.execute(
    `UPDATE bookings b SET check_in = (now() AT TIME ZONE h.time_zone)::date + :day::int - 2, check_out = (now() AT TIME ZONE h.time_zone)::date + :day::int
       FROM hotels h WHERE h.id = b.hotel_id AND b.id = :id::uuid`,
    { day: checkOutDay, id: bookingId },
  );
}

async function state(driver: MoneyDriver, bookingId: string) {
  const [row] = await driver.db.query<{ status: string; completed_at: string | null }>(
    'SELECT status, completed_at FROM bookings WHERE id = :id::uuid',
    { id: bookingId },
  );
  return row;
}

describe('scheduled jobs (GraphQL, PGlite)', () => {
  let driver: MoneyDriver;
  let hotel: TestHotel;
  let url: string;

  beforeAll(async () => {
    driver = await graphqlDriver();
    hotel = await pickUsdHotel(driver.db);
    const set = await driver.setRoomAvailability('iam', {
      roomTypeId: hotel.flexRoomTypeId,
      firstNight: daysFromToday(20),
      lastNight: daysFromToday(40),
      totalRooms: 50,
      nightlyRate: { amount: RATE, currency: 'USD' },
    });
    expect(set.error).toBeUndefined();
    url = driver.server?.url ?? '';
  });

  afterAll(async () => {
    await driver?.close();
  });

  it('schedules completion hourly and expiry daily in the manifest', () => {
    expect(manifest.schedules).toMatchObject({
      'complete-stays': { function: 'jobs', rateMinutes: 60, input: { job: 'complete-stays' } },
      'expire-credits': { function: 'jobs', rateMinutes: 1440, input: { job: 'expire-credits' } },
    });
  });

  it('completes every confirmed stay whose check-out date has come on the hotel calendar, as completeStay does', async () => {
    const [referrer, friend] = [await driver.newUser(), await driver.newUser()];
    expect((await driver.redeemReferralCode(friend, referrer.referralCode)).error).toBeUndefined();
    const { booking: due } = await quoteAndBook(driver, friend, stayInput(hotel, hotel.flexRoomTypeId, 20, 1));
    const { booking: tomorrow } = await quoteAndBook(driver, friend, stayInput(hotel, hotel.flexRoomTypeId, 21, 1));
    const { booking: cancelled } = await quoteAndBook(driver, friend, stayInput(hotel, hotel.flexRoomTypeId, 22, 1));
    expect((await driver.cancelBooking(friend, cancelled.id)).error).toBeUndefined();
    await checkOutOn(driver, due.id, 0);
    await checkOutOn(driver, tomorrow.id, 1);
    await checkOutOn(driver, cancelled.id, -1);

    // The guest follows their bookings: the job's completion reaches them as completeStay's would.
    const server = driver.server as NonNullable<MoneyDriver['server']>;
    const minted = await server.auth.userPool.mint({ username: friend.username });
    const auth = { host: new URL(server.url).host, Authorization: minted.idToken };
    const socket = await RealtimeTestClient.open(server.url, auth);
    expect((await socket.init()).type).toBe('connection_ack');
    const SUBSCRIBE = 'subscription Bookings($userId: ID!) { onBookingUpdated(userId: $userId) { id userId status } }';
    expect(await socket.start('mine', SUBSCRIBE, { userId: minted.sub }, auth)).toEqual({ type: 'start_ack', id: 'mine' });

    const run = await driver.runJob?.('complete-stays');
    expect(run?.error).toBeUndefined();
    expect(run?.data).toMatchObject({ job: 'complete-stays', failed: [] });
    try {
      expect((await socket.nextOf('data', 'mine')).payload.data.onBookingUpdated).toEqual({
        id: due.id,
        userId: minted.sub,
        status: 'COMPLETED',
      });
    } finally {
      socket.close();
    }
    expect(run?.data.completed).toBeGreaterThanOrEqual(1);
    expect((await state(driver, due.id))?.status).toBe('COMPLETED');
    expect((await state(driver, tomorrow.id))?.status).toBe('CONFIRMED');
    expect((await state(driver, cancelled.id))?.status).toBe('CANCELLED');
    // What completeStay does: the friend's $500 completed stay pays the referrer.
    expect(
      (await ledger(driver.db, referrer.id)).filter((entry) => entry.kind === 'REFERRAL_REWARD').map((entry) => Number(entry.amount_minor)),
    ).toEqual([2_500]);
    expect(await expectConsistentLedger(driver.db, referrer.id)).toBe(2_500);
  });

  it('completes each stay once when two runs go at once', async () => {
    const [referrer, friend] = [await driver.newUser(), await driver.newUser()];
    expect((await driver.redeemReferralCode(friend, referrer.referralCode)).error).toBeUndefined();
    const ids: string[] = [];
    for (const day of [23, 24, 25]) {
      const { booking } = await quoteAndBook(driver, friend, stayInput(hotel, hotel.flexRoomTypeId, day, 1));
      await checkOutOn(driver, booking.id, -1);
      ids.push(booking.id);
    }
    const runs = await Promise.all([driver.runJob?.('complete-stays'), driver.runJob?.('complete-stays')]);
    for (const run of runs) expect(run?.error).toBeUndefined();
    const first = await Promise.all(ids.map((id) => state(driver, id)));
    for (const row of first) expect(row?.status).toBe('COMPLETED');
    expect((await driver.runJob?.('complete-stays'))?.error).toBeUndefined();
    // A later run changes nothing: each stay kept the completion it got once.
    expect(await Promise.all(ids.map((id) => state(driver, id)))).toEqual(first);
    expect((await ledger(driver.db, referrer.id)).filter((entry) => entry.kind === 'REFERRAL_REWARD')).toHaveLength(1);
    await expectConsistentLedger(driver.db, friend.id);
  });

  it('expires credits past their expiry', async () => {
    const user = await driver.newUser();
    const expired = await grant(driver.db, user.id, 3_000, -1);
    const run = await driver.runJob?.('expire-credits');
    expect(run?.data).toMatchObject({ job: 'expire-credits' });
    expect(run?.data.entriesWritten).toBeGreaterThanOrEqual(1);
    expect((await ledger(driver.db, user.id)).filter((entry) => entry.kind === 'EXPIRED').map((entry) => entry.consumes_entry_id)).toEqual([
      expired,
    ]);
    expect(await expectConsistentLedger(driver.db, user.id)).toBe(0);
  });

  it('runs by command through the running server: npm run jobs -- complete-stays', async () => {
    const user = await driver.newUser();
    const { booking } = await quoteAndBook(driver, user, stayInput(hotel, hotel.flexRoomTypeId, 26, 1));
    await checkOutOn(driver, booking.id, 0);
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'local/jobs-cli.ts', 'complete-stays', '--url', url],
      { timeout: 120_000 },
    );
    expect(JSON.parse(stdout.trim().split('\n').at(-1) as string)).toMatchObject({
      job: 'complete-stays',
      via: 'running server',
      result: { failed: [] },
    });
    expect((await state(driver, booking.id))?.status).toBe('COMPLETED');
  });
});
