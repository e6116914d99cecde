/**
 * Mutation.cancelBooking: refund or penalty by the policy, inventory released, spent credits
 * returned (original expiry, or 30 days when it has passed), cashback reversed as far as it is
 * still unspent and the rest deducted from the money refund. Every credit step is a ledger entry;
 * all of it in one transaction.
 */
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { refundAmount } from '../money/cancellation.js';
import { convertMinor, type CurrencyRate } from '../money/currency.js';
import { refundedCreditExpiry } from '../money/expiry.js';
import { BusinessMetric, ErrorType } from '../shared/constants.js';
import { isoInstant, parseInstant } from '../shared/data-api.js';
import { BusinessError, NotFoundError } from '../shared/errors.js';
import { requireUser, type FieldHandler } from '../shared/handler.js';
import { metrics } from '../shared/powertools.js';
import type { AvailabilityChange, CreditBalanceChange } from '../shared/publish.js';
import { balanceChange, currencyRates, insertEntry, lockUser, type LedgerRow } from '../ledger/ledger.js';
import { loadBookingRow, toBooking } from './booking-view.js';

/** Serves Mutation.cancelBooking. */
export const cancelBooking: FieldHandler = async (event, { db, publisher, now }) => {
  const caller = requireUser(event);
  const bookingId = String((event.arguments.input as { bookingId?: string } | undefined)?.bookingId ?? '');
  const outcome = await db.transaction(async (tx) => {
    const at = now();
    const user = await lockUser(tx, caller.id);
    const booking = user ? await loadBookingRow(tx, bookingId, { userId: caller.id, lock: true }) : null;
    if (!user || !booking) throw new NotFoundError('No such booking of yours');
    if (booking.status === 'CANCELLED') return null;
    if (booking.status === 'COMPLETED') throw new BusinessError(ErrorType.BOOKING_NOT_CANCELLABLE, 'A completed stay cannot be cancelled');

    const hotelCurrency = booking.booking_currency.trim();
    const creditCurrency = booking.credit_currency.trim();
    const rates = await currencyRates(tx, [hotelCurrency, creditCurrency]);
    const deadline = booking.cancellation_deadline ? parseInstant(booking.cancellation_deadline) : null;
    const free = deadline !== null && at < deadline;
    const penalty = free ? 0 : Number(booking.cancellation_penalty_minor);

    await tx.execute(
      `UPDATE inventory SET rooms_sold = rooms_sold - 1
        WHERE room_type_id = :rt::uuid AND night IN (SELECT night FROM booking_nights WHERE booking_id = :booking::uuid)`,
      { rt: booking.room_type_id, booking: booking.id },
    );

    const entries: LedgerRow[] = [];
    const spent = await tx.query<{ id: string; amount_minor: number; grant_expires_at: string }>(
      `SELECT s.id, s.amount_minor, g.expires_at AS grant_expires_at FROM credit_ledger s JOIN credit_ledger g ON g.id = s.consumes_entry_id
        WHERE s.booking_id = :booking::uuid AND s.kind = 'SPENT' ORDER BY s.created_at, s.id`,
      { booking: booking.id },
    );
    let creditsReturned = 0;
    for (const entry of spent) {
      const amount = -Number(entry.amount_minor);
      const refundExpiry = refundedCreditExpiry(parseInstant(entry.grant_expires_at), at);
      // The original expiry exactly as stored (microseconds), when it still holds.
      const expiresAt = refundExpiry > at && refundExpiry.getTime() === parseInstant(entry.grant_expires_at).getTime() ? entry.grant_expires_at : refundExpiry;
      entries.push(await insertEntry(tx, { userId: user.id, kind: 'REFUND_OF_SPENT', amount, currency: creditCurrency, expiresAt, bookingId: booking.id, consumesEntryId: entry.id, at }));
      creditsReturned += amount;
    }

    // The reversal takes what is left of this booking's cashback grant; spent cashback cannot
    // come back as credits (the balance never goes negative), so its value leaves the refund.
    const [cashback] = await tx.query<{ id: string; amount_minor: number; remaining_minor: number }>(
      `SELECT id, amount_minor, remaining_minor::bigint AS remaining_minor FROM credit_grant_remaining WHERE booking_id = :booking::uuid AND kind = 'CASHBACK_EARNED'`,
      { booking: booking.id },
    );
    const cashbackEarned = Number(cashback?.amount_minor ?? 0);
    const reversed = Math.min(cashbackEarned, Math.max(0, Number(cashback?.remaining_minor ?? 0)));
    if (cashback && reversed > 0) {
      entries.push(await insertEntry(tx, { userId: user.id, kind: 'CASHBACK_REVERSAL', amount: -reversed, currency: creditCurrency, bookingId: booking.id, consumesEntryId: cashback.id, at }));
    }
    const amountCharged = Number(booking.total_minor) - Number(booking.credits_value_minor);
    // Deduction in the hotel's currency, rounded down (the guest's favour), and never more than is left to refund.
    const unrecovered = convertMinor(cashbackEarned - reversed, rates.get(creditCurrency) as CurrencyRate, rates.get(hotelCurrency) as CurrencyRate, 'floor');
    const deducted = Math.min(unrecovered, Math.max(0, amountCharged - penalty));
    const refund = refundAmount({ amountCharged, penalty, deductedFromRefund: deducted });

    await tx.execute(
      `UPDATE bookings SET status = 'CANCELLED', cancelled_at = :at::timestamptz, updated_at = :at::timestamptz, refund_minor = :refund,
         cancellation_free = :free, credits_returned_minor = :returned, cashback_reversed_minor = :reversed, refund_deducted_minor = :deducted
        WHERE id = :booking::uuid`,
      { at: at.toISOString(), refund, free, returned: creditsReturned, reversed, deducted, booking: booking.id },
    );
    const nights = await tx.query<{ night: string; rooms_left: number; rate_minor: number; currency: string }>(
      `SELECT i.night::text AS night, i.rooms_total - i.rooms_sold AS rooms_left, i.rate_minor, i.currency FROM inventory i
        JOIN booking_nights n ON n.night = i.night AND n.booking_id = :booking::uuid WHERE i.room_type_id = :rt::uuid ORDER BY i.night`,
      { booking: booking.id, rt: booking.room_type_id },
    );
    const credit: CreditBalanceChange | null = entries.length > 0 ? await balanceChange(tx, user, entries, at) : null;
    const availability: AvailabilityChange = {
      hotelId: booking.hotel_id,
      roomTypeId: booking.room_type_id,
      nights: nights.map((night) => ({ date: night.night, roomsLeft: Number(night.rooms_left), rate: { amount: Number(night.rate_minor), currency: night.currency.trim() } })),
      changedAt: isoInstant(at),
    };
    return { credit, availability };
  });
  if (outcome) metrics.addMetric(BusinessMetric.BOOKING_CANCELLED, MetricUnit.Count, 1);
  if (outcome?.credit) await publisher.creditBalanceChanged(outcome.credit);
  if (outcome) await publisher.availabilityChanged(outcome.availability);
  const row = await loadBookingRow(db, bookingId, { userId: caller.id });
  if (!row) throw new NotFoundError('No such booking of yours');
  return toBooking(db, row);
};
