// "Never oversell": at least 100 concurrent createBooking calls (different users and keys)
// at a room type with 5 rooms left on every night, on the PostgreSQL server. Exactly 5 succeed, the
// others get SoldOut, and every user's balance equals the sum of their ledger.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphqlDriver, inProcessDriver, type MoneyDriver, type TestUser } from './drivers.js';
import { RATE, expectConsistentLedger, grant, roomsSold, stayInput } from './fixtures.js';
import { daysFromToday, pickUsdHotel, type TestHotel } from './support.js';

const CALLERS = 120;
const ROOMS_LEFT = 5;

function describeLastRooms(label: string, start: () => Promise<MoneyDriver>) {
  describe(`concurrent bookings of the last rooms (PostgreSQL, ${label})`, () => {
    let driver: MoneyDriver;
    let hotel: TestHotel;
    let users: TestUser[];

    beforeAll(async () => {
      driver = await start();
      hotel = await pickUsdHotel(driver.db, 1);
      const input = stayInput(hotel, hotel.flexRoomTypeId, 30, 3);
      expect(
        (
          await driver.setRoomAvailability('iam', {
            roomTypeId: hotel.flexRoomTypeId,
            firstNight: input.checkIn,
            lastNight: daysFromToday(32),
            totalRooms: 100,
            nightlyRate: { amount: RATE, currency: 'USD' },
          })
        ).error,
      ).toBeUndefined();
      for (const day of [30, 31, 32]) {
        const night = daysFromToday(day);
        const sold = await roomsSold(driver.db, hotel.flexRoomTypeId, night);
        expect(
          (
            await driver.setRoomAvailability('iam', {
              roomTypeId: hotel.flexRoomTypeId,
              firstNight: night,
              lastNight: night,
              totalRooms: sold + ROOMS_LEFT,
            })
          ).error,
        ).toBeUndefined();
      }
      users = [];
      for (let i = 0; i < CALLERS; i += 1) {
        const user = await driver.newUser();
        await grant(driver.db, user.id, 1_000 + i, 240); // every booking also spends credits
        users.push(user);
      }
    });

    afterAll(async () => {
      await driver?.close();
    });

    it(`lets exactly ${ROOMS_LEFT} of ${CALLERS} concurrent bookings through; the rest are SoldOut`, async () => {
      const input = stayInput(hotel, hotel.flexRoomTypeId, 30, 3);
      const quotes = await Promise.all(users.map((user) => driver.quote(user, input)));
      for (const quote of quotes) expect(quote.error).toBeUndefined();
      const soldBefore = await Promise.all([30, 31, 32].map((day) => roomsSold(driver.db, hotel.flexRoomTypeId, daysFromToday(day))));

      const replies = await Promise.all(
        users.map((user, i) =>
          driver.createBooking(user, {
            idempotencyKey: randomUUID(),
            quoteId: quotes[i]?.data.id,
            quotedTotal: quotes[i]?.data.total,
            applyCredits: true,
          }),
        ),
      );

      const booked = replies.filter((reply) => reply.data);
      const failed = replies.filter((reply) => reply.error);
      expect(booked).toHaveLength(ROOMS_LEFT);
      expect(failed).toHaveLength(CALLERS - ROOMS_LEFT);
      for (const reply of failed) expect(reply.error?.type).toBe('SoldOut');
      const soldAfter = await Promise.all([30, 31, 32].map((day) => roomsSold(driver.db, hotel.flexRoomTypeId, daysFromToday(day))));
      expect(soldAfter).toEqual(soldBefore.map((sold) => sold + ROOMS_LEFT));

      for (const [i, user] of users.entries()) {
        const reply = replies[i];
        const balance = await expectConsistentLedger(driver.db, user.id);
        // Winners spent their credits and earned cashback; the others kept their credits untouched.
        expect(balance).toBe(reply?.data ? reply.data.cashbackEarned.amount : 1_000 + i);
      }
      const [row] = await driver.db.query<{ n: number }>(
        "SELECT count(*) AS n FROM bookings WHERE room_type_id = :rt::uuid AND check_in = :d::date AND user_id = ANY(string_to_array(:ids, ',')::uuid[])",
        {
          rt: hotel.flexRoomTypeId,
          d: input.checkIn,
          ids: users.map((user) => user.id).join(','),
        },
      );
      expect(Number(row?.n)).toBe(ROOMS_LEFT);
    });
  });
}

describeLastRooms('through GraphQL', () => graphqlDriver({ postgres: true }));
describeLastRooms('handlers in process', () => inProcessDriver({ postgres: true }));
