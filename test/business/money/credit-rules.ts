/** Rule tests for credit expiry, referrals and the back office, run by both drivers. */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { MoneyDriver } from './drivers.js';
import { RATE, expectConsistentLedger, grant, ledger, moveStayToPast, quoteAndBook, roomsSold, stayInput } from './fixtures.js';
import { daysFromToday, type TestHotel } from './support.js';

export function describeCreditRules(env: () => { driver: MoneyDriver; hotel: TestHotel }) {
  describe('credit expiry', () => {
    it('moves expired credits out of the balance with EXPIRED entries (IAM only)', async () => {
      const { driver } = env();
      const user = await driver.newUser();
      const expired = await grant(driver.db, user.id, 3_000, -1);
      await grant(driver.db, user.id, 2_000, 240);
      const denied = await driver.expireCredits({ user });
      expect(denied.error?.type).toBe('Unauthorized');
      expect((await driver.expireCredits('partner')).error?.type).toBe('Unauthorized');
      const run = await driver.expireCredits('iam');
      expect(run.error).toBeUndefined();
      expect(run.data.usersAffected).toBeGreaterThanOrEqual(1);
      expect(run.data.entriesWritten).toBeGreaterThanOrEqual(1);
      const entries = await ledger(driver.db, user.id);
      expect(
        entries.filter((entry) => entry.kind === 'EXPIRED').map((entry) => [entry.consumes_entry_id, Number(entry.amount_minor)]),
      ).toEqual([[expired, -3_000]]);
      expect(await expectConsistentLedger(driver.db, user.id)).toBe(2_000);
      await driver.expireCredits('iam');
      expect((await ledger(driver.db, user.id)).length).toBe(entries.length);
    });

    it('expires as of a given instant, and never spends an expired credit', async () => {
      const { driver, hotel } = env();
      const user = await driver.newUser();
      await grant(driver.db, user.id, 1_500, 48);
      const future = new Date(Date.now() + 72 * 3_600_000).toISOString();
      expect((await driver.expireCredits('iam', future)).data.asOf).toBe(future);
      expect(await expectConsistentLedger(driver.db, user.id)).toBe(0);

      const other = await driver.newUser();
      await grant(driver.db, other.id, 9_000, -2);
      const { quote, booking } = await quoteAndBook(driver, other, stayInput(hotel, hotel.flexRoomTypeId, 62, 1), true);
      expect(quote.creditsAvailable.amount).toBe(0);
      expect(booking.creditsApplied.amount).toBe(0);
      // The booking swept the user's expired grant itself, so the balance is the cashback only.
      expect(await expectConsistentLedger(driver.db, other.id)).toBe(booking.cashbackEarned.amount);
    });
  });

  describe('referrals', () => {
    it('grants the signup credit at once, expiring 30 days after signup', async () => {
      const { driver } = env();
      const [referrer, friend] = [await driver.newUser(), await driver.newUser({ signedUpDaysAgo: 10 })];
      const reply = await driver.redeemReferralCode(friend, referrer.referralCode.toLowerCase());
      expect(reply.error).toBeUndefined();
      expect(reply.data).toMatchObject({
        code: referrer.referralCode,
        balance: { amount: 2_500, currency: 'USD' },
        credit: { kind: 'REFERRAL_SIGNUP', amount: { amount: 2_500 } },
      });
      const expires = Date.parse(reply.data.credit.expiresAt);
      expect(Math.abs(expires - (Date.now() + 20 * 86_400_000))).toBeLessThan(3_600_000);
      expect(await expectConsistentLedger(driver.db, friend.id)).toBe(2_500);
    });

    it('refuses one own code, a second code, a code after 30 days, and an unknown code', async () => {
      const { driver } = env();
      const [a, b, c] = [await driver.newUser(), await driver.newUser(), await driver.newUser()];
      expect((await driver.redeemReferralCode(a, a.referralCode)).error?.type).toBe('ReferralNotAllowed');
      expect((await driver.redeemReferralCode(a, b.referralCode)).error).toBeUndefined();
      expect((await driver.redeemReferralCode(a, b.referralCode)).error?.type).toBe('ReferralNotAllowed');
      expect((await driver.redeemReferralCode(a, c.referralCode)).error?.type).toBe('ReferralNotAllowed');
      const late = await driver.newUser({ signedUpDaysAgo: 31 });
      expect((await driver.redeemReferralCode(late, b.referralCode)).error?.type).toBe('ReferralNotAllowed');
      expect((await driver.redeemReferralCode(c, 'NOSUCHCODE42')).error?.type).toBe('NotFound');
      expect((await driver.redeemReferralCode(c, '')).error?.type).toBe('NotFound');
      expect(await expectConsistentLedger(driver.db, a.id)).toBe(2_500);
      expect(await expectConsistentLedger(driver.db, late.id)).toBe(0);
    });

    it('pays the referrer when the friend completed stays reach $400, once', async () => {
      const { driver, hotel } = env();
      const [referrer, friend] = [await driver.newUser(), await driver.newUser()];
      expect((await driver.redeemReferralCode(friend, referrer.referralCode)).error).toBeUndefined();
      const { booking } = await quoteAndBook(driver, friend, stayInput(hotel, hotel.flexRoomTypeId, 64, 1)); // $500 room rate
      expect((await driver.completeStay('partner', booking.id)).error?.type).toBe('BookingNotCompletable');
      await moveStayToPast(driver.db, booking.id);
      const done = await driver.completeStay('partner', booking.id);
      expect(done.error).toBeUndefined();
      expect(done.data.status).toBe('COMPLETED');
      const rewards = (await ledger(driver.db, referrer.id)).filter((entry) => entry.kind === 'REFERRAL_REWARD');
      expect(rewards.map((entry) => Number(entry.amount_minor))).toEqual([2_500]);
      expect((await driver.completeStay('iam', booking.id)).data.status).toBe('COMPLETED');
      expect((await ledger(driver.db, referrer.id)).filter((entry) => entry.kind === 'REFERRAL_REWARD')).toHaveLength(1);
      expect((await driver.cancelBooking(friend, booking.id)).error?.type).toBe('BookingNotCancellable');
      expect(await expectConsistentLedger(driver.db, referrer.id)).toBe(2_500);
    });

    it('does not pay the referrer below $400 of completed stays', async () => {
      const { driver, hotel } = env();
      const [referrer, friend] = [await driver.newUser(), await driver.newUser()];
      await driver.redeemReferralCode(friend, referrer.referralCode);
      const cheap = stayInput(hotel, hotel.nonRefRoomTypeId, 80, 1);
      await driver.setRoomAvailability('iam', {
        roomTypeId: hotel.nonRefRoomTypeId,
        firstNight: cheap.checkIn,
        lastNight: cheap.checkIn,
        nightlyRate: { amount: 39_999, currency: 'USD' },
      });
      const { booking } = await quoteAndBook(driver, friend, cheap);
      await moveStayToPast(driver.db, booking.id);
      expect((await driver.completeStay('partner', booking.id)).data.status).toBe('COMPLETED');
      expect((await ledger(driver.db, referrer.id)).filter((entry) => entry.kind === 'REFERRAL_REWARD')).toHaveLength(0);
    });
  });

  describe('back office', () => {
    it('lets only IAM and the partners group set availability and complete stays', async () => {
      const { driver, hotel } = env();
      const user = await driver.newUser();
      const sold = Math.max(
        await roomsSold(driver.db, hotel.flexRoomTypeId, daysFromToday(85)),
        await roomsSold(driver.db, hotel.flexRoomTypeId, daysFromToday(86)),
      );
      const input = { roomTypeId: hotel.flexRoomTypeId, firstNight: daysFromToday(85), lastNight: daysFromToday(86), totalRooms: sold + 7 };
      expect((await driver.setRoomAvailability({ user }, input)).error?.type).toBe('Unauthorized');
      expect((await driver.completeStay({ user }, randomUUID())).error?.type).toBe('Unauthorized');
      const byPartner = await driver.setRoomAvailability('partner', input);
      expect(byPartner.error).toBeUndefined();
      expect(byPartner.data).toMatchObject({ hotelId: hotel.hotelId, roomTypeId: hotel.flexRoomTypeId });
      expect(byPartner.data.nights.map((night: any) => [night.date, night.rate.amount])).toEqual([
        [daysFromToday(85), RATE],
        [daysFromToday(86), RATE],
      ]);
      expect(Math.min(...byPartner.data.nights.map((night: any) => night.roomsLeft))).toBe(7);
      const more = await driver.setRoomAvailability('iam', { ...input, totalRooms: sold + 8 });
      expect(Math.min(...more.data.nights.map((night: any) => night.roomsLeft))).toBe(8);
      expect((await driver.completeStay('partner', randomUUID())).error?.type).toBe('NotFound');
    });

    it('refuses fewer rooms than sold, bad ranges, a foreign currency and unknown room types', async () => {
      const { driver, hotel } = env();
      const user = await driver.newUser();
      const input = stayInput(hotel, hotel.flexRoomTypeId, 88, 1);
      await quoteAndBook(driver, user, input);
      const sold = await roomsSold(driver.db, hotel.flexRoomTypeId, input.checkIn);
      const base = { roomTypeId: hotel.flexRoomTypeId, firstNight: input.checkIn, lastNight: input.checkIn };
      const conflict = await driver.setRoomAvailability('iam', { ...base, totalRooms: sold - 1 });
      expect(conflict.error?.type).toBe('InventoryConflict');
      expect((await driver.setRoomAvailability('iam', base)).error?.type).toBe('ValidationError');
      expect((await driver.setRoomAvailability('iam', { ...base, lastNight: daysFromToday(80), totalRooms: 3 })).error?.type).toBe(
        'ValidationError',
      );
      expect((await driver.setRoomAvailability('iam', { ...base, lastNight: daysFromToday(88 + 400), totalRooms: 3 })).error?.type).toBe(
        'ValidationError',
      );
      expect((await driver.setRoomAvailability('iam', { ...base, nightlyRate: { amount: 100, currency: 'EUR' } })).error?.type).toBe(
        'ValidationError',
      );
      expect((await driver.setRoomAvailability('iam', { ...base, roomTypeId: randomUUID(), totalRooms: 3 })).error?.type).toBe('NotFound');
      expect(await roomsSold(driver.db, hotel.flexRoomTypeId, input.checkIn)).toBe(sold);
      const completed = await driver.completeStay(
        'iam',
        (await quoteAndBook(driver, user, stayInput(hotel, hotel.flexRoomTypeId, 89, 1))).booking.id,
      );
      expect(completed.error?.type).toBe('BookingNotCompletable');
    });
  });
}
