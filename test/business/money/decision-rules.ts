/**
 * Rule tests for the money decisions in resolvers/lambda/DECISIONS.md ("Decisions on money
 * rules"), run by both drivers: a begun stay cannot be cancelled; the penalty applies to the whole
 * room rate however it was paid, and spent cashback nothing can cover is written off; a held status
 * carries its rate; the referrer is paid whenever the condition is met; qualifying spend and
 * cashback are on the room rate however it was paid.
 */
import { describe, expect, it } from 'vitest';
import type { MoneyDriver, TestUser } from './drivers.js';
import { RATE, expectConsistentLedger, grant, ledger, moveStayToPast, quoteAndBook, roomsSold, stayInput } from './fixtures.js';
import type { TestHotel } from './support.js';

/** Moves a booking's dates to `fromDay` .. `toDay` days from today on its hotel's calendar. */
async function moveStay(driver: MoneyDriver, bookingId: string, fromDay: number, toDay: number): Promise<void> {
  await driver.db.execute(
    `UPDATE bookings b SET check_in = (now() AT TIME ZONE h.time_zone)::date + :from::int, check_out = (now() AT TIME ZONE h.time_zone)::date + :to::int
       FROM hotels h WHERE h.id = b.hotel_id AND b.id = :id::uuid`,
    { from: fromDay, to: toDay, id: bookingId },
  );
}

async function bookingRow(driver: MoneyDriver, bookingId: string) {
  const [row] = await driver.db.query<{ status: string; written_off_minor: number | null; qualifying_spend_minor: number }>(
    'SELECT status, written_off_minor, qualifying_spend_minor FROM bookings WHERE id = :id::uuid',
    { id: bookingId },
  );
  return row;
}

export function describeDecisionRules(env: () => { driver: MoneyDriver; hotel: TestHotel }) {
  describe('decision: a stay that has begun cannot be cancelled', () => {
    it('answers BookingNotCancellable from the check-in date on the hotel calendar, and changes nothing', async () => {
      const { driver, hotel } = env();
      const user = await driver.newUser();
      await grant(driver.db, user.id, 20_000, 240);
      const input = stayInput(hotel, hotel.flexRoomTypeId, 77, 3);
      const { booking: today } = await quoteAndBook(driver, user, input, true);
      const { booking: ended } = await quoteAndBook(driver, user, input);
      const { booking: tomorrow } = await quoteAndBook(driver, user, stayInput(hotel, hotel.flexRoomTypeId, 78, 1));
      await moveStay(driver, today.id, 0, 3); // checks in today
      await moveStay(driver, ended.id, -3, -1); // a 3-night stay that ended yesterday, not yet completed
      await moveStay(driver, tomorrow.id, 1, 2);
      const sold = await roomsSold(driver.db, hotel.flexRoomTypeId, input.checkIn);
      const entries = (await ledger(driver.db, user.id)).length;
      for (const begun of [today, ended]) {
        const reply = await driver.cancelBooking(user, begun.id);
        expect(reply.error?.type).toBe('BookingNotCancellable');
        expect((await bookingRow(driver, begun.id))?.status).toBe('CONFIRMED');
      }
      expect(await roomsSold(driver.db, hotel.flexRoomTypeId, input.checkIn)).toBe(sold);
      expect((await ledger(driver.db, user.id)).length).toBe(entries);
      // The day before check-in it still can be.
      expect((await driver.cancelBooking(user, tomorrow.id)).data.status).toBe('CANCELLED');
      await expectConsistentLedger(driver.db, user.id);
    });
  });

  describe('decision: a penalty applies to the whole room rate, however it was paid', () => {
    it('takes the penalty from the money refund first, then from the credits returned', async () => {
      const { driver, hotel } = env();
      const user = await driver.newUser();
      await grant(driver.db, user.id, 1_000_000, 240);
      const { booking } = await quoteAndBook(driver, user, stayInput(hotel, hotel.nonRefRoomTypeId, 65, 1), true);
      expect(booking.creditsApplied.amount).toBe(RATE);
      const taxesAndFees = booking.amountCharged.amount; // the room was paid with credits
      expect(taxesAndFees).toBe(booking.taxesAndFeesTotal.amount);
      const reply = await driver.cancelBooking(user, booking.id);
      expect(reply.error).toBeUndefined();
      // Non-refundable, FULL_STAY: $500. The money ($taxes and fees) goes first, the rest comes out of the credits.
      expect(reply.data.cancellation).toEqual(
        expect.objectContaining({
          free: false,
          penalty: { amount: RATE, currency: 'USD' },
          creditsReturned: { amount: taxesAndFees, currency: 'USD' },
          cashbackReversed: { amount: booking.cashbackEarned.amount, currency: 'USD' },
          deductedFromRefund: { amount: 0, currency: 'USD' },
          refund: { amount: 0, currency: 'USD' },
        }),
      );
      // Cancelling cost exactly the penalty: $500 of the $500 + taxes paid.
      expect(await expectConsistentLedger(driver.db, user.id)).toBe(1_000_000 - RATE + taxesAndFees);
    });

    it('converts what money cannot cover into the credit currency, rounded down, before withholding it', async () => {
      const { driver, hotel } = env();
      const user = await driver.newUser();
      await driver.db.execute("UPDATE users SET home_currency = 'EUR' WHERE id = :id::uuid", { id: user.id });
      await grant(driver.db, user.id, 100_000, 240, 'PROMO', 'EUR');
      const { booking } = await quoteAndBook(driver, user, stayInput(hotel, hotel.nonRefRoomTypeId, 66, 1), true);
      // $500 is EUR 462.97 (rounded up) at 1.08 USD per EUR.
      expect(booking.creditsApplied).toEqual({ amount: 46_297, currency: 'EUR' });
      const taxesAndFees = booking.amountCharged.amount;
      const reply = await driver.cancelBooking(user, booking.id);
      const withheld = Math.floor(((RATE - taxesAndFees) * 100) / 108);
      expect(reply.data.cancellation).toEqual(
        expect.objectContaining({
          penalty: { amount: RATE, currency: 'USD' },
          creditsReturned: { amount: 46_297 - withheld, currency: 'EUR' },
          refund: { amount: 0, currency: 'USD' },
        }),
      );
      expect(await expectConsistentLedger(driver.db, user.id)).toBe(100_000 - withheld);
    });

    it('takes spent cashback the refund cannot absorb from other credits, never below zero, and writes off the rest as WRITE_OFF', async () => {
      const { driver, hotel } = env();
      const [row] = await driver.db.query<any>(
        'SELECT tax_rate_bp, fee_per_night_minor, fee_per_stay_minor FROM hotels WHERE id = :id::uuid',
        { id: hotel.hotelId },
      );
      // A hotel without taxes or fees: the non-refundable penalty keeps all the money paid.
      await driver.db.execute('UPDATE hotels SET tax_rate_bp = 0, fee_per_night_minor = 0, fee_per_stay_minor = 0 WHERE id = :id::uuid', {
        id: hotel.hotelId,
      });
      try {
        const user = await driver.newUser();
        await grant(driver.db, user.id, 1_000, 240);
        const { booking } = await quoteAndBook(driver, user, stayInput(hotel, hotel.nonRefRoomTypeId, 60, 4)); // $2,000: cashback $75
        expect(booking.cashbackEarned.amount).toBe(7_500);
        // Spends the promo and all of that cashback; earns $25 (5% of $500) of its own.
        const { booking: spender } = await quoteAndBook(driver, user, stayInput(hotel, hotel.flexRoomTypeId, 64, 1), true);
        expect(spender.creditsApplied.amount).toBe(8_500);
        expect(spender.cashbackEarned.amount).toBe(2_500);
        const reply = await driver.cancelBooking(user, booking.id);
        expect(reply.data.cancellation).toEqual(
          expect.objectContaining({
            free: false,
            penalty: { amount: 4 * RATE, currency: 'USD' },
            creditsReturned: { amount: 0, currency: 'USD' },
            cashbackReversed: { amount: 2_500, currency: 'USD' },
            deductedFromRefund: { amount: 0, currency: 'USD' },
            refund: { amount: 0, currency: 'USD' },
          }),
        );
        const entries = await ledger(driver.db, user.id);
        const writeOffs = entries.filter((entry) => entry.kind === 'WRITE_OFF');
        expect(writeOffs.map((entry) => Number(entry.amount_minor))).toEqual([0]);
        const [note] = await driver.db.query<{ note: string }>(
          "SELECT note FROM credit_ledger WHERE user_id = :u::uuid AND kind = 'WRITE_OFF'",
          { u: user.id },
        );
        expect(note?.note).toMatch(/^Written off: 50\.00 USD /);
        expect((await bookingRow(driver, booking.id))?.written_off_minor).toBe(5_000);
        expect(await expectConsistentLedger(driver.db, user.id)).toBe(0);
      } finally {
        await driver.db.execute(
          'UPDATE hotels SET tax_rate_bp = :t, fee_per_night_minor = :n, fee_per_stay_minor = :s WHERE id = :id::uuid',
          {
            t: Number(row.tax_rate_bp),
            n: Number(row.fee_per_night_minor),
            s: Number(row.fee_per_stay_minor),
            id: hotel.hotelId,
          },
        );
      }
    });
  });

  describe('decision: status carries its cashback rate', () => {
    it('gives a member who reached RESERVE last year 10% on a first $2,000 booking, and shows it', async () => {
      const { driver, hotel } = env();
      const user = await driver.newUser();
      const { booking: lastYear } = await quoteAndBook(driver, user, stayInput(hotel, hotel.nonRefRoomTypeId, 82, 8)); // $4,000
      await driver.db.execute("UPDATE bookings SET created_at = created_at - interval '1 year' WHERE id = :id::uuid", { id: lastYear.id });
      expect((await driver.rewards(user)).data).toMatchObject({ tier: 'RESERVE', cashbackPercent: 10, qualifyingSpend: { amount: 0 } });
      const { quote, booking } = await quoteAndBook(driver, user, stayInput(hotel, hotel.flexRoomTypeId, 70, 4)); // $2,000
      expect(quote.cashbackEarned).toEqual({ amount: 20_000, currency: 'USD' });
      expect(booking.cashbackEarned).toEqual({ amount: 20_000, currency: 'USD' });
      expect((await driver.rewards(user)).data).toMatchObject({
        tier: 'RESERVE',
        cashbackPercent: 10,
        qualifyingSpend: { amount: 200_000 },
      });
    });
  });

  describe('decision: the referrer is paid whenever the condition is met', () => {
    it('pays at redemption when the friend already completed $400 of stays, and only once', async () => {
      const { driver, hotel } = env();
      const [referrer, friend] = [await driver.newUser(), await driver.newUser({ signedUpDaysAgo: 5 })];
      const { booking } = await quoteAndBook(driver, friend, stayInput(hotel, hotel.flexRoomTypeId, 74, 1)); // $500
      await moveStayToPast(driver.db, booking.id);
      expect((await driver.completeStay('iam', booking.id)).data.status).toBe('COMPLETED');
      const rewards = async () =>
        (await ledger(driver.db, referrer.id))
          .filter((entry) => entry.kind === 'REFERRAL_REWARD')
          .map((entry) => Number(entry.amount_minor));
      expect(await rewards()).toEqual([]);
      expect((await driver.redeemReferralCode(friend, referrer.referralCode)).error).toBeUndefined();
      expect(await rewards()).toEqual([2_500]);
      const { booking: next } = await quoteAndBook(driver, friend, stayInput(hotel, hotel.flexRoomTypeId, 75, 1));
      await moveStayToPast(driver.db, next.id);
      expect((await driver.completeStay('iam', next.id)).data.status).toBe('COMPLETED');
      expect(await rewards()).toEqual([2_500]);
      expect(await expectConsistentLedger(driver.db, referrer.id)).toBe(2_500);
    });
  });

  describe('decision: qualifying spend and cashback are on the aggregate room rate', () => {
    const ways: { label: string; prepare: (driver: MoneyDriver, user: TestUser) => Promise<void>; applyCredits: boolean }[] = [
      { label: 'money only', prepare: async () => {}, applyCredits: false },
      {
        label: 'credits offered but not applied',
        prepare: async (driver, user) => void (await grant(driver.db, user.id, 10_000, 240)),
        applyCredits: false,
      },
      { label: 'part credits', prepare: async (driver, user) => void (await grant(driver.db, user.id, 3_750, 240)), applyCredits: true },
      {
        label: 'credits for the whole room',
        prepare: async (driver, user) => void (await grant(driver.db, user.id, 1_000_000, 240)),
        applyCredits: true,
      },
      {
        label: 'credits in another currency',
        prepare: async (driver, user) => {
          await driver.db.execute("UPDATE users SET home_currency = 'EUR' WHERE id = :id::uuid", { id: user.id });
          await grant(driver.db, user.id, 5_000, 240, 'PROMO', 'EUR');
        },
        applyCredits: true,
      },
    ];
    for (const way of ways) {
      it(`earns on a booking what its quote said, and counts the whole room rate as spend: ${way.label}`, async () => {
        const { driver, hotel } = env();
        const user = await driver.newUser();
        await way.prepare(driver, user);
        const { quote, booking } = await quoteAndBook(driver, user, stayInput(hotel, hotel.flexRoomTypeId, 66, 2), way.applyCredits);
        expect(booking.cashbackEarned).toEqual(quote.cashbackEarned);
        if (quote.cashbackEarned.currency === 'USD') expect(quote.cashbackEarned.amount).toBe(2_500); // 2.5% of $1,000
        const row = await bookingRow(driver, booking.id);
        const rewards = (await driver.rewards(user)).data;
        expect(rewards.qualifyingSpend.amount).toBe(Number(row?.qualifying_spend_minor));
        if (rewards.qualifyingSpend.currency === 'USD') expect(rewards.qualifyingSpend.amount).toBe(2 * RATE);
        expect(booking.creditsApplied.amount > 0).toBe(way.applyCredits);
      });
    }
  });
}
