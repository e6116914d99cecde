/** Rule tests for quotes, bookings, idempotency and cancellation, run by both drivers. */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { MoneyDriver } from './drivers.js';
import { RATE, expectConsistentLedger, grant, ledger, quoteAndBook, roomsSold, stayInput } from './fixtures.js';
import { daysFromToday, type TestHotel } from './support.js';

/** `env()` gives the driver and the prepared hotel (inventory at RATE from day 20 to day 90). */
export function describeBookingRules(env: () => { driver: MoneyDriver; hotel: TestHotel }) {
  const totalFor = (hotel: TestHotel, roomTotal: number, nights: number) =>
    roomTotal + Math.floor((roomTotal * hotel.taxRateBp) / 10_000) + hotel.feePerNight * nights + hotel.feePerStay;

  describe('quote', () => {
    it('prices rates, taxes and fees, the cashback at the user tier and the deadline in the hotel zone', async () => {
      const { driver, hotel } = env();
      const reply = await driver.quote(await driver.newUser(), stayInput(hotel, hotel.flexRoomTypeId, 20, 4));
      expect(reply.error).toBeUndefined();
      const q = reply.data;
      expect(q.nights).toBe(4);
      expect(q.nightlyRates.map((night: any) => night.rate.amount)).toEqual([RATE, RATE, RATE, RATE]);
      expect(q.roomTotal).toEqual({ amount: 4 * RATE, currency: 'USD' });
      expect(q.total.amount).toBe(totalFor(hotel, 4 * RATE, 4));
      expect(q.taxesAndFeesTotal.amount).toBe(q.total.amount - 4 * RATE);
      expect(q.taxesAndFees.reduce((sum: number, part: any) => sum + part.amount.amount, 0)).toBe(q.taxesAndFeesTotal.amount);
      expect(q.creditsAvailable.amount).toBe(0);
      expect(q.cashbackEarned).toEqual({ amount: 7_500, currency: 'USD' });
      expect(q.cancellationPolicy.timeZone).toBe(hotel.timeZone);
      expect(q.cancellationPolicy.freeUntil).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
      // freeUntil is flexHours before check-in time on the check-in day (hotel clock; zone offsets and check-in times bound the slack).
      const hoursBeforeMidday = (Date.parse(`${q.checkIn}T12:00:00Z`) - Date.parse(q.cancellationPolicy.freeUntil)) / 3_600_000;
      expect(hoursBeforeMidday).toBeGreaterThan(hotel.flexHours - 26);
      expect(hoursBeforeMidday).toBeLessThan(hotel.flexHours + 26);
      expect(q.cancellationPolicy.summary).toMatch(/^Free cancellation until /);
      expect(q.hotel).toMatchObject({ id: hotel.hotelId, timeZone: hotel.timeZone, currency: 'USD', city: { name: expect.any(String) } });
      expect(q.roomType.id).toBe(hotel.flexRoomTypeId);
      expect(q.roomType.cancellationTerms.freeCancellationHours).toBe(hotel.flexHours);
    });

    it('applies credits to the room rate only, never more than the balance, soonest-expiring first', async () => {
      const { driver, hotel } = env();
      const rich = await driver.newUser();
      await grant(driver.db, rich.id, 1_000_000, 240);
      const capped = (await driver.quote(rich, stayInput(hotel, hotel.flexRoomTypeId, 20, 1))).data;
      expect(capped.creditsAvailable.amount).toBe(1_000_000);
      expect(capped.creditsApplicable.amount).toBe(RATE);
      expect(capped.totalWithCredits.amount).toBe(capped.taxesAndFeesTotal.amount);

      const user = await driver.newUser();
      const latest = await grant(driver.db, user.id, 30_000, 720);
      const later = await grant(driver.db, user.id, 50_000, 480);
      const sooner = await grant(driver.db, user.id, 10_000, 120);
      const { quote, booking } = await quoteAndBook(driver, user, stayInput(hotel, hotel.flexRoomTypeId, 21, 1), true);
      expect(quote.creditsAvailable.amount).toBe(90_000);
      expect(quote.creditsApplicable.amount).toBe(RATE);
      expect(booking.creditsApplied).toEqual({ amount: RATE, currency: 'USD' });
      expect(booking.amountCharged.amount).toBe(booking.total.amount - RATE);
      // Qualifying spend is the room rate however it is paid: paid wholly by credits, the booking earns what the quote said.
      expect(quote.cashbackEarned.amount).toBe(1_250);
      expect(booking.cashbackEarned.amount).toBe(1_250);
      const spent = (await ledger(driver.db, user.id)).filter((entry) => entry.kind === 'SPENT');
      const byGrant = Object.fromEntries(spent.map((entry) => [entry.consumes_entry_id, Number(entry.amount_minor)]));
      expect(byGrant).toEqual({ [sooner]: -10_000, [later]: -(RATE - 10_000) });
      expect(byGrant[latest]).toBeUndefined();
      expect(await expectConsistentLedger(driver.db, user.id)).toBe(90_000 - RATE + booking.cashbackEarned.amount);
    });

    it('keeps credits and cashback in the user home currency, converted at the fixed rates in the user favour', async () => {
      const { driver, hotel } = env();
      const user = await driver.newUser();
      await driver.db.execute("UPDATE users SET home_currency = 'EUR' WHERE id = :id::uuid", { id: user.id });
      await grant(driver.db, user.id, 10_000, 240, 'PROMO', 'EUR');
      const q = (await driver.quote(user, stayInput(hotel, hotel.flexRoomTypeId, 20, 4))).data;
      expect(q.total.currency).toBe('USD');
      expect(q.creditsAvailable).toEqual({ amount: 10_000, currency: 'EUR' });
      expect(q.creditsApplicable).toEqual({ amount: 10_000, currency: 'EUR' });
      // EUR 100.00 at 1.08 USD/EUR is worth $108.00 off the charge.
      expect(q.totalWithCredits).toEqual({ amount: q.total.amount - 10_800, currency: 'USD' });
      // $2,000 = EUR 1,851.86 (rounded up); tiers at EUR 925.92 (rounded down): 2.5% of 92,592 + 5% of 92,594 = 6,944.5 -> 6,945.
      expect(q.cashbackEarned).toEqual({ amount: 6_945, currency: 'EUR' });
    });

    it('rejects bad stays with ValidationError and unknown rooms with NotFound', async () => {
      const { driver, hotel } = env();
      const user = await driver.newUser();
      const base = stayInput(hotel, hotel.flexRoomTypeId, 20, 2);
      const expectType = async (input: Record<string, unknown>, type: string) =>
        expect((await driver.quote(user, { ...base, ...input })).error?.type).toBe(type);
      await expectType({ checkOut: base.checkIn }, 'ValidationError');
      await expectType({ checkOut: daysFromToday(20 + 31) }, 'ValidationError');
      await expectType({ checkIn: daysFromToday(-2), checkOut: daysFromToday(1) }, 'ValidationError');
      await expectType({ guests: 0 }, 'ValidationError');
      await expectType({ guests: 21 }, 'ValidationError');
      await expectType({ roomTypeId: randomUUID() }, 'NotFound');
      await expectType({ hotelId: randomUUID() }, 'NotFound');
      // Beyond the seeded year of inventory: no rate, so not on sale.
      await expectType({ checkIn: daysFromToday(400), checkOut: daysFromToday(401) }, 'SoldOut');
      expect(
        (
          await driver.createBooking(user, {
            idempotencyKey: randomUUID(),
            quoteId: 'not-a-quote',
            quotedTotal: { amount: 1, currency: 'USD' },
            applyCredits: false,
          })
        ).error?.type,
      ).toBe('NotFound');
    });
  });

  describe('booking', () => {
    it('earns $75 on a first booking of 4 x $500, then $125 with $2,000 already spent', async () => {
      const { driver, hotel } = env();
      const user = await driver.newUser();
      const first = await quoteAndBook(driver, user, stayInput(hotel, hotel.flexRoomTypeId, 22, 4));
      expect(first.booking).toMatchObject({
        status: 'CONFIRMED',
        cashbackEarned: { amount: 7_500, currency: 'USD' },
        roomTotal: { amount: 200_000 },
      });
      if (driver.readBooking) expect((await driver.readBooking(user, first.booking.id)).data).toEqual(first.booking);
      const second = await quoteAndBook(driver, user, stayInput(hotel, hotel.flexRoomTypeId, 27, 4));
      expect(second.quote.cashbackEarned.amount).toBe(12_500);
      expect(second.booking.cashbackEarned.amount).toBe(12_500);
      expect(await expectConsistentLedger(driver.db, user.id)).toBe(20_000);
      const cashback = (await ledger(driver.db, user.id)).filter((entry) => entry.kind === 'CASHBACK_EARNED');
      expect(cashback.map((entry) => Number(entry.amount_minor))).toEqual([7_500, 12_500]);
    });

    it('moves the expiry of earned credits to two years after the latest booking', async () => {
      const { driver, hotel } = env();
      const user = await driver.newUser();
      await quoteAndBook(driver, user, stayInput(hotel, hotel.flexRoomTypeId, 30, 1));
      await driver.db.execute(
        "UPDATE credit_ledger SET expires_at = now() + interval '200 days' WHERE user_id = :u::uuid AND kind = 'CASHBACK_EARNED'",
        { u: user.id },
      );
      const promo = await grant(driver.db, user.id, 1_000, 100);
      await quoteAndBook(driver, user, stayInput(hotel, hotel.flexRoomTypeId, 31, 1));
      const entries = await ledger(driver.db, user.id);
      const twoYears = Date.now() + 2 * 365 * 86_400_000;
      for (const entry of entries.filter((e) => e.kind === 'CASHBACK_EARNED')) {
        expect(Math.abs(Date.parse(`${(entry.expires_at as string).replace(' ', 'T')}Z`) - twoYears)).toBeLessThan(2 * 86_400_000);
      }
      const promoEntry = entries.find((entry) => entry.id === promo);
      expect(Date.parse(`${(promoEntry?.expires_at as string).replace(' ', 'T')}Z`)).toBeLessThan(Date.now() + 101 * 3_600_000);
    });

    it('replays the first result for the same key and input, and changes nothing', async () => {
      const { driver, hotel } = env();
      const user = await driver.newUser();
      const input = stayInput(hotel, hotel.flexRoomTypeId, 35, 2);
      const quote = (await driver.quote(user, input)).data;
      const request = { idempotencyKey: randomUUID(), quoteId: quote.id, quotedTotal: quote.total, applyCredits: false };
      const first = await driver.createBooking(user, request);
      expect(first.error).toBeUndefined();
      const soldAfterFirst = await roomsSold(driver.db, hotel.flexRoomTypeId, input.checkIn);
      const entriesAfterFirst = (await ledger(driver.db, user.id)).length;
      const retry = await driver.createBooking(user, request);
      expect(retry.data.id).toBe(first.data.id);
      expect(retry.data.total).toEqual(first.data.total);
      expect(await roomsSold(driver.db, hotel.flexRoomTypeId, input.checkIn)).toBe(soldAfterFirst);
      expect((await ledger(driver.db, user.id)).length).toBe(entriesAfterFirst);

      const reused = await driver.createBooking(user, { ...request, applyCredits: true });
      expect(reused.error?.type).toBe('IdempotencyKeyReused');
    });

    it('answers IdempotencyKeyInFlight while the first request with the key runs, and books once under concurrent retries', async () => {
      const { driver, hotel } = env();
      const user = await driver.newUser();
      const quote = (await driver.quote(user, stayInput(hotel, hotel.flexRoomTypeId, 38, 1))).data;
      const request = { idempotencyKey: randomUUID(), quoteId: quote.id, quotedTotal: quote.total, applyCredits: false };
      // A claim held by a request that is still running (as createBooking writes it before its transaction).
      const { requestHash } = await import('../../../resolvers/lambda/bookings/idempotency.js');
      await driver.db.execute(
        "INSERT INTO booking_requests (user_id, idempotency_key, request_hash, claimed_until) VALUES (:u::uuid, :k, :h, now() + interval '1 minute')",
        { u: user.id, k: request.idempotencyKey, h: requestHash(request) },
      );
      expect((await driver.createBooking(user, request)).error?.type).toBe('IdempotencyKeyInFlight');

      const concurrent = { ...request, idempotencyKey: randomUUID() };
      const replies = await Promise.all(Array.from({ length: 5 }, () => driver.createBooking(user, concurrent)));
      const ids = new Set(replies.filter((reply) => reply.data).map((reply) => reply.data.id));
      expect(ids.size).toBe(1);
      for (const reply of replies) if (reply.error) expect(reply.error.type).toBe('IdempotencyKeyInFlight');
      const [row] = await driver.db.query<{ n: number }>(
        'SELECT count(*) AS n FROM bookings WHERE user_id = :u::uuid AND idempotency_key = :k',
        { u: user.id, k: concurrent.idempotencyKey },
      );
      expect(Number(row?.n)).toBe(1);
    });

    it('fails with PriceChanged carrying the new total when the rate moved since the quote', async () => {
      const { driver, hotel } = env();
      const user = await driver.newUser();
      const input = stayInput(hotel, hotel.nonRefRoomTypeId, 70, 2);
      const quote = (await driver.quote(user, input)).data;
      const moved = await driver.setRoomAvailability('iam', {
        roomTypeId: hotel.nonRefRoomTypeId,
        firstNight: input.checkIn,
        lastNight: input.checkIn,
        nightlyRate: { amount: RATE + 10_000, currency: 'USD' },
      });
      expect(moved.error).toBeUndefined();
      const sold = await roomsSold(driver.db, hotel.nonRefRoomTypeId, input.checkIn);
      const reply = await driver.createBooking(user, {
        idempotencyKey: randomUUID(),
        quoteId: quote.id,
        quotedTotal: quote.total,
        applyCredits: false,
      });
      expect(reply.error?.type).toBe('PriceChanged');
      expect(reply.error?.info).toEqual({ total: { amount: totalFor(hotel, 2 * RATE + 10_000, 2), currency: 'USD' } });
      expect(await roomsSold(driver.db, hotel.nonRefRoomTypeId, input.checkIn)).toBe(sold);
    });

    it('sells the last room once: the next booking is SoldOut', async () => {
      const { driver, hotel } = env();
      const input = stayInput(hotel, hotel.nonRefRoomTypeId, 75, 2);
      // One room left on each night (the seed may have sold some already).
      const sold = Math.max(
        await roomsSold(driver.db, hotel.nonRefRoomTypeId, input.checkIn),
        await roomsSold(driver.db, hotel.nonRefRoomTypeId, daysFromToday(76)),
      );
      for (const night of [input.checkIn, daysFromToday(76)]) {
        expect(
          (
            await driver.setRoomAvailability('iam', {
              roomTypeId: hotel.nonRefRoomTypeId,
              firstNight: night,
              lastNight: night,
              totalRooms: (await roomsSold(driver.db, hotel.nonRefRoomTypeId, night)) + 1,
            })
          ).error,
        ).toBeUndefined();
      }
      const [first, second] = [await driver.newUser(), await driver.newUser()];
      const late = (await driver.quote(second, input)).data;
      await quoteAndBook(driver, first, input);
      const reply = await driver.createBooking(second, {
        idempotencyKey: randomUUID(),
        quoteId: late.id,
        quotedTotal: late.total,
        applyCredits: false,
      });
      expect(reply.error).toMatchObject({ type: 'SoldOut' });
      expect((await driver.quote(second, input)).error?.type).toBe('SoldOut');
      expect(
        Math.max(
          await roomsSold(driver.db, hotel.nonRefRoomTypeId, input.checkIn),
          await roomsSold(driver.db, hotel.nonRefRoomTypeId, daysFromToday(76)),
        ),
      ).toBeGreaterThanOrEqual(sold + 1);
      expect(await expectConsistentLedger(driver.db, second.id)).toBe(0);
    });
  });

  describe('cancellation', () => {
    it('before the deadline refunds everything, releases the rooms, returns credits and reverses the cashback', async () => {
      const { driver, hotel } = env();
      const user = await driver.newUser();
      const promo = await grant(driver.db, user.id, 5_000, 240);
      const input = stayInput(hotel, hotel.flexRoomTypeId, 40, 2);
      const { booking } = await quoteAndBook(driver, user, input, true);
      expect(booking.cashbackEarned.amount).toBe(Math.ceil((2 * RATE * 250) / 10_000)); // on the whole room rate, credits included
      const soldWhileBooked = await roomsSold(driver.db, hotel.flexRoomTypeId, input.checkIn);
      const reply = await driver.cancelBooking(user, booking.id);
      expect(reply.error).toBeUndefined();
      expect(reply.data.status).toBe('CANCELLED');
      expect(reply.data.cancellation).toMatchObject({
        free: true,
        penalty: { amount: 0 },
        creditsReturned: { amount: 5_000 },
        cashbackReversed: { amount: booking.cashbackEarned.amount },
        deductedFromRefund: { amount: 0 },
        refund: { amount: booking.amountCharged.amount },
      });
      expect(await roomsSold(driver.db, hotel.flexRoomTypeId, input.checkIn)).toBe(soldWhileBooked - 1);
      const entries = await ledger(driver.db, user.id);
      const refund = entries.find((entry) => entry.kind === 'REFUND_OF_SPENT');
      expect(refund?.expires_at).toBe(entries.find((entry) => entry.id === promo)?.expires_at);
      expect(entries.filter((entry) => entry.kind === 'CASHBACK_REVERSAL')).toHaveLength(1);
      expect(await expectConsistentLedger(driver.db, user.id)).toBe(5_000);

      if (driver.readBooking) {
        // The reads part's booking(id) tells the same story as the money Lambdas.
        expect((await driver.readBooking(user, booking.id)).data).toEqual(reply.data);
      }
      const again = await driver.cancelBooking(user, booking.id);
      expect(again.data.cancellation).toEqual(reply.data.cancellation);
      expect((await ledger(driver.db, user.id)).length).toBe(entries.length);
      expect((await driver.cancelBooking(await driver.newUser(), booking.id)).error?.type).toBe('NotFound');
    });

    it('gives returned credits 30 days when their original expiry has passed', async () => {
      const { driver, hotel } = env();
      const user = await driver.newUser();
      const promo = await grant(driver.db, user.id, 4_000, 240);
      const { booking } = await quoteAndBook(driver, user, stayInput(hotel, hotel.flexRoomTypeId, 42, 1), true);
      await driver.db.execute("UPDATE credit_ledger SET expires_at = now() - interval '1 hour' WHERE id = :id::uuid", { id: promo });
      expect((await driver.cancelBooking(user, booking.id)).error).toBeUndefined();
      const refund = (await ledger(driver.db, user.id)).find((entry) => entry.kind === 'REFUND_OF_SPENT');
      const expires = Date.parse(`${(refund?.expires_at as string).replace(' ', 'T')}Z`);
      expect(Math.abs(expires - (Date.now() + 30 * 86_400_000))).toBeLessThan(3_600_000);
    });

    it('after the deadline keeps the penalty, and takes spent cashback from the refund (the balance never goes negative)', async () => {
      const { driver, hotel } = env();
      const user = await driver.newUser();
      const { booking: nonRefundable } = await quoteAndBook(driver, user, stayInput(hotel, hotel.nonRefRoomTypeId, 45, 4));
      expect(nonRefundable.cashbackEarned.amount).toBe(7_500);
      expect(nonRefundable.cancellationPolicy.freeUntil).toBeNull();
      const { booking: spender } = await quoteAndBook(driver, user, stayInput(hotel, hotel.flexRoomTypeId, 50, 1), true);
      expect(spender.creditsApplied.amount).toBe(7_500);
      const reply = await driver.cancelBooking(user, nonRefundable.id);
      expect(reply.error).toBeUndefined();
      const charged = nonRefundable.amountCharged.amount;
      const penalty = 200_000; // FULL_STAY
      const deducted = Math.min(7_500, charged - penalty);
      // What the refund cannot absorb comes from the user's other credits (the spender's cashback).
      const fromCredits = Math.min(7_500 - deducted, spender.cashbackEarned.amount);
      expect(reply.data.cancellation).toMatchObject({
        free: false,
        penalty: { amount: penalty },
        cashbackReversed: { amount: fromCredits },
        deductedFromRefund: { amount: deducted },
        refund: { amount: charged - penalty - deducted },
      });
      expect(await expectConsistentLedger(driver.db, user.id)).toBe(spender.cashbackEarned.amount - fromCredits);
    });

    it('reverses what is left of a partly spent cashback and deducts the rest', async () => {
      const { driver, hotel } = env();
      const user = await driver.newUser();
      const { booking } = await quoteAndBook(driver, user, stayInput(hotel, hotel.flexRoomTypeId, 55, 4)); // cashback 7,500
      const [cashback] = (await ledger(driver.db, user.id)).filter((entry) => entry.kind === 'CASHBACK_EARNED');
      // 5,000 of it spent elsewhere (a debit that consumes it, as a booking's SPENT entry would).
      const { booking: other } = await quoteAndBook(driver, user, stayInput(hotel, hotel.flexRoomTypeId, 60, 1));
      await driver.db.execute(
        "INSERT INTO credit_ledger (user_id, kind, amount_minor, currency, booking_id, consumes_entry_id) VALUES (:u::uuid, 'SPENT', -5000, 'USD', :b::uuid, :c::uuid)",
        { u: user.id, b: other.id, c: cashback?.id ?? '' },
      );
      const reply = await driver.cancelBooking(user, booking.id);
      expect(reply.data.cancellation).toMatchObject({
        free: true,
        cashbackReversed: { amount: 2_500 },
        deductedFromRefund: { amount: 5_000 },
        refund: { amount: booking.amountCharged.amount - 5_000 },
      });
      expect(await expectConsistentLedger(driver.db, user.id)).toBe(other.cashbackEarned.amount);
    });
  });
}
