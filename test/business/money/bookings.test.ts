import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import {
  CANCEL_BOOKING, CREATE_BOOKING, QUOTE, SET_AVAILABILITY, daysFromToday, ledgerCheck, newUsername, pickUsdHotel, startMoneyApi,
  type MoneyTestApi, type TestHotel,
} from './support.js';

let api: MoneyTestApi;
let hotel: TestHotel;
const RATE = 50_000; // $500 a night
const FIRST = 20; // nights from today where the test inventory starts

function stay(roomTypeId: string, fromDay: number, nights: number) {
  return { hotelId: hotel.hotelId, roomTypeId, checkIn: daysFromToday(fromDay), checkOut: daysFromToday(fromDay + nights), guests: 1 };
}

async function quoteAndBook(username: string, input: ReturnType<typeof stay>, applyCredits = false, key = randomUUID()) {
  const quoted = await api.asUser(username, QUOTE, { input });
  expect(quoted.errors).toBeUndefined();
  const q = quoted.data.quote;
  const booked = await api.asUser(username, CREATE_BOOKING, { input: { idempotencyKey: key, quoteId: q.id, quotedTotal: q.total, applyCredits } });
  expect(booked.errors).toBeUndefined();
  return { quote: q, booking: booked.data.createBooking };
}

function expectedTotal(roomTotal: number, nights: number) {
  return roomTotal + Math.floor((roomTotal * hotel.taxRateBp) / 10_000) + hotel.feePerNight * nights + hotel.feePerStay;
}

beforeAll(async () => {
  api = await startMoneyApi();
  hotel = await pickUsdHotel(api.db);
  for (const roomTypeId of [hotel.flexRoomTypeId, hotel.nonRefRoomTypeId]) {
    const set = await api.asUser('pat-partner', SET_AVAILABILITY, {
      input: { roomTypeId, firstNight: daysFromToday(FIRST), lastNight: daysFromToday(FIRST + 60), totalRooms: 50, nightlyRate: { amount: RATE, currency: 'USD' } },
    }, ['partners']);
    expect(set.errors).toBeUndefined();
  }
});

afterAll(async () => {
  await api?.close();
});

describe('quote', () => {
  it('prices rates, taxes and fees, cashback at the user tier and the deadline in the hotel zone', async () => {
    const input = stay(hotel.flexRoomTypeId, FIRST, 4);
    const { data, errors } = await api.asUser(newUsername('quoter'), QUOTE, { input });
    expect(errors).toBeUndefined();
    const q = data.quote;
    expect(q.nights).toBe(4);
    expect(q.nightlyRates.map((night: any) => night.rate.amount)).toEqual([RATE, RATE, RATE, RATE]);
    expect(q.roomTotal).toEqual({ amount: 200_000, currency: 'USD' });
    expect(q.total.amount).toBe(expectedTotal(200_000, 4));
    expect(q.taxesAndFeesTotal.amount).toBe(q.total.amount - 200_000);
    expect(q.creditsAvailable.amount).toBe(0);
    expect(q.cashbackEarned).toEqual({ amount: 7_500, currency: 'USD' });
    expect(q.cancellationPolicy.timeZone).toBe(hotel.timeZone);
    expect(q.cancellationPolicy.freeUntil).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
    expect(q.cancellationPolicy.summary).toMatch(/^Free cancellation until /);
  });
});

describe('booking and cashback tiers', () => {
  it('earns $75 on a first booking of 4 x $500, then $125 on the next with $2,000 spent', async () => {
    const user = newUsername('tiers');
    const first = await quoteAndBook(user, stay(hotel.flexRoomTypeId, FIRST, 4));
    expect(first.booking.cashbackEarned).toEqual({ amount: 7_500, currency: 'USD' });
    expect(first.booking.status).toBe('CONFIRMED');
    const second = await quoteAndBook(user, stay(hotel.flexRoomTypeId, FIRST + 5, 4));
    expect(second.quote.cashbackEarned.amount).toBe(12_500);
    expect(second.booking.cashbackEarned.amount).toBe(12_500);
    const check = await ledgerCheck(api.db, await api.userId(user));
    expect(check).toEqual({ balance: 20_000, remaining: 20_000, negativeGrants: 0 });
  });
});

describe('cancellation', () => {
  it('before the deadline refunds everything, releases the rooms and reverses the cashback', async () => {
    const user = newUsername('cancel-free');
    const { booking } = await quoteAndBook(user, stay(hotel.flexRoomTypeId, FIRST + 10, 2));
    const { data, errors } = await api.asUser(user, CANCEL_BOOKING, { input: { bookingId: booking.id } });
    expect(errors).toBeUndefined();
    const cancelled = data.cancelBooking;
    expect(cancelled.status).toBe('CANCELLED');
    expect(cancelled.cancellation).toMatchObject({ free: true, penalty: { amount: 0 }, cashbackReversed: { amount: booking.cashbackEarned.amount }, deductedFromRefund: { amount: 0 } });
    expect(cancelled.cancellation.refund.amount).toBe(booking.amountCharged.amount);
    expect((await ledgerCheck(api.db, await api.userId(user))).balance).toBe(0);
  });
});
