/** Rule tests for the rewards status (`me.rewards`), run by both drivers. */
import { describe, expect, it } from 'vitest';
import type { MoneyDriver } from './drivers.js';
import { quoteAndBook, stayInput } from './fixtures.js';
import type { TestHotel } from './support.js';

export function describeRewardsRules(env: () => { driver: MoneyDriver; hotel: TestHotel }) {
  describe('rewards status', () => {
    const year = new Date().getUTCFullYear();

    it('is STANDARD with $1,000 to go before any booking', async () => {
      const { driver } = env();
      expect(await driver.rewards(await driver.newUser())).toEqual({
        data: {
          tier: 'STANDARD',
          year,
          qualifyingSpend: { amount: 0, currency: 'USD' },
          nextTier: 'SELECT',
          spendToNextTier: { amount: 100_000, currency: 'USD' },
          cashbackPercent: 2.5,
          statusValidUntil: null,
        },
      });
    });

    it('follows the calendar-year spend: SELECT after $2,000, RESERVE after $4,000, held through next year', async () => {
      const { driver, hotel } = env();
      const user = await driver.newUser();
      await quoteAndBook(driver, user, stayInput(hotel, hotel.nonRefRoomTypeId, 20, 4));
      expect((await driver.rewards(user)).data).toMatchObject({
        tier: 'SELECT',
        qualifyingSpend: { amount: 200_000 },
        nextTier: 'RESERVE',
        spendToNextTier: { amount: 150_000 },
        cashbackPercent: 5,
        statusValidUntil: `${year + 1}-12-31`,
      });
      await quoteAndBook(driver, user, stayInput(hotel, hotel.nonRefRoomTypeId, 25, 4));
      expect((await driver.rewards(user)).data).toMatchObject({
        tier: 'RESERVE',
        qualifyingSpend: { amount: 400_000 },
        nextTier: null,
        spendToNextTier: null,
        cashbackPercent: 10,
      });
    });

    it('keeps last year status and its rate through this year; cancelled stays do not count', async () => {
      const { driver, hotel } = env();
      const user = await driver.newUser();
      const { booking } = await quoteAndBook(driver, user, stayInput(hotel, hotel.nonRefRoomTypeId, 30, 8)); // $4,000
      await driver.db.execute("UPDATE bookings SET created_at = created_at - interval '1 year' WHERE id = :id::uuid", { id: booking.id });
      expect((await driver.rewards(user)).data).toMatchObject({
        tier: 'RESERVE',
        qualifyingSpend: { amount: 0 },
        nextTier: 'SELECT',
        cashbackPercent: 10,
        statusValidUntil: `${year}-12-31`,
      });
      const { booking: cancelled } = await quoteAndBook(driver, user, stayInput(hotel, hotel.flexRoomTypeId, 40, 3));
      expect((await driver.cancelBooking(user, cancelled.id)).error).toBeUndefined();
      expect((await driver.rewards(user)).data.qualifyingSpend.amount).toBe(0);
    });
  });
}
