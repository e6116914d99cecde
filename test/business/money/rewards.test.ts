import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { backOfficeRoutes } from '../../../resolvers/lambda/backoffice/handler.js';
import { bookingRoutes } from '../../../resolvers/lambda/bookings/handler.js';
import { rewardRoutes } from '../../../resolvers/lambda/rewards/handler.js';
import { startInProcessMoney, type InProcessMoney } from './in-process.js';
import { daysFromToday, pickUsdHotel, type TestHotel } from './support.js';

const IAM = { accountId: '123456789012', userArn: 'arn:aws:iam::123456789012:user/ops' };
let money: InProcessMoney;
let hotel: TestHotel;

async function book(userId: string, fromDay: number, nights: number) {
  const input = { hotelId: hotel.hotelId, roomTypeId: hotel.flexRoomTypeId, checkIn: daysFromToday(fromDay), checkOut: daysFromToday(fromDay + nights), guests: 1 };
  const quoted = (await money.call(bookingRoutes, 'Query.quote', { input }, { userId })) as { data: any };
  expect(quoted).toHaveProperty('data');
  const booked = (await money.call(bookingRoutes, 'Mutation.createBooking', {
    input: { idempotencyKey: randomUUID(), quoteId: quoted.data.id, quotedTotal: quoted.data.total, applyCredits: false },
  }, { userId })) as { data: any };
  expect(booked).toHaveProperty('data');
  return booked.data;
}

beforeAll(async () => {
  money = await startInProcessMoney();
  hotel = await pickUsdHotel(money.db);
  const set = await money.call(backOfficeRoutes, 'Mutation.setRoomAvailability', {
    input: { roomTypeId: hotel.flexRoomTypeId, firstNight: daysFromToday(10), lastNight: daysFromToday(60), totalRooms: 20, nightlyRate: { amount: 50_000, currency: 'USD' } },
  }, { identity: IAM });
  expect(set).toHaveProperty('data');
});

afterAll(async () => {
  await money?.close();
});

describe('rewards status (User.rewards)', () => {
  it('is STANDARD with $1,000 to go before any booking', async () => {
    const user = await money.newUser();
    const reply = await money.call(rewardRoutes, 'User.rewards', {}, { userId: user.id });
    expect(reply).toEqual({
      data: {
        tier: 'STANDARD', year: new Date().getUTCFullYear(), qualifyingSpend: { amount: 0, currency: 'USD' }, nextTier: 'SELECT',
        spendToNextTier: { amount: 100_000, currency: 'USD' }, cashbackPercent: 2.5, statusValidUntil: null,
      },
    });
  });

  it('follows the calendar-year spend of bookings: $75 then $125 cashback, SELECT then RESERVE status through next year', async () => {
    const user = await money.newUser();
    expect((await book(user.id, 10, 4)).cashbackEarned.amount).toBe(7_500);
    const select = (await money.call(rewardRoutes, 'User.rewards', {}, { userId: user.id })) as { data: any };
    const year = new Date().getUTCFullYear();
    expect(select.data).toMatchObject({ tier: 'SELECT', qualifyingSpend: { amount: 200_000 }, nextTier: 'RESERVE', spendToNextTier: { amount: 150_000 }, cashbackPercent: 5, statusValidUntil: `${year + 1}-12-31` });
    expect((await book(user.id, 15, 4)).cashbackEarned.amount).toBe(12_500);
    const reserve = (await money.call(rewardRoutes, 'User.rewards', {}, { userId: user.id })) as { data: any };
    expect(reserve.data).toMatchObject({ tier: 'RESERVE', qualifyingSpend: { amount: 400_000 }, nextTier: null, spendToNextTier: null, cashbackPercent: 10 });
  });

  it('keeps last year status through this year', async () => {
    const user = await money.newUser();
    const booking = await book(user.id, 20, 8); // $4,000
    await money.db.execute("UPDATE bookings SET created_at = created_at - interval '1 year' WHERE id = :id::uuid", { id: booking.id });
    const reply = (await money.call(rewardRoutes, 'User.rewards', {}, { userId: user.id })) as { data: any };
    expect(reply.data).toMatchObject({ tier: 'RESERVE', qualifyingSpend: { amount: 0 }, nextTier: 'SELECT', cashbackPercent: 2.5, statusValidUntil: `${new Date().getUTCFullYear()}-12-31` });
  });

  it('asks for a signed-in user', async () => {
    expect(await money.call(rewardRoutes, 'User.rewards', {}, {})).toEqual({ error: { message: 'A signed-in user is required', type: 'Unauthorized' } });
  });
});
