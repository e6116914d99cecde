/** Every money rule, for one driver: prepares a hotel with inventory, then runs the rule groups. */
import { afterAll, beforeAll, expect } from 'vitest';
import { describeBookingRules } from './booking-rules.js';
import { describeCreditRules } from './credit-rules.js';
import { describeDecisionRules } from './decision-rules.js';
import { describeRewardsRules } from './rewards-rules.js';
import type { MoneyDriver } from './drivers.js';
import { RATE } from './fixtures.js';
import { daysFromToday, pickUsdHotel, type TestHotel } from './support.js';

/** Registers the rule tests; `start` builds the driver once for the file. */
export function describeMoneyRules(start: () => Promise<MoneyDriver>) {
  let driver: MoneyDriver;
  let hotel: TestHotel;
  beforeAll(async () => {
    driver = await start();
    hotel = await pickUsdHotel(driver.db);
    for (const roomTypeId of [hotel.flexRoomTypeId, hotel.nonRefRoomTypeId]) {
      const set = await driver.setRoomAvailability('iam', {
        roomTypeId,
        firstNight: daysFromToday(20),
        lastNight: daysFromToday(90),
        totalRooms: 50,
        nightlyRate: { amount: RATE, currency: 'USD' },
      });
      expect(set.error).toBeUndefined();
    }
  });
  afterAll(async () => {
    await driver?.close();
  });
  const env = () => ({ driver, hotel });
  describeBookingRules(env);
  describeCreditRules(env);
  describeRewardsRules(env);
  describeDecisionRules(env);
}
