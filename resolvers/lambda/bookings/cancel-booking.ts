/**
 * Mutation.cancelBooking: refused once the stay has begun (the check-in date on the hotel's
 * calendar); otherwise refund or penalty by the policy, inventory released, and the credit side
 * settled by cancel-settlement.ts (penalty over the whole room rate, spent credits returned,
 * cashback reversed). Every credit step is a ledger entry; all of it in one transaction.
 */
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { todayInZone } from '../money/zoned-time.js';
import { BusinessMetric, ErrorType } from '../shared/constants.js';
import { isoInstant, parseInstant } from '../shared/data-api.js';
import { BusinessError, NotFoundError } from '../shared/errors.js';
import { requireUser, type FieldHandler } from '../shared/handler.js';
import { metrics } from '../shared/powertools.js';
import type { AvailabilityChange, CreditBalanceChange } from '../shared/publish.js';
import { balanceChange, currencyRates, lockUser } from '../ledger/ledger.js';
import { loadBookingRow, toBooking } from './booking-view.js';
import { settleCancellation } from './cancel-settlement.js';

/** Serves Mutation.cancelBooking. */
export const cancelBooking: FieldHandler<'Mutation.cancelBooking'> = async (event, { db, publisher, now }) => {
  const caller = requireUser(event);
  const bookingId = String(event.arguments.input?.bookingId ?? '');
  const outcome = await db.transaction(async (tx) => {
    const at = now();
    const user = await lockUser(tx, caller.id);
    const booking = user ? await loadBookingRow(tx, bookingId, { userId: caller.id, lock: true }) : null;
    if (!user || !booking) throw new NotFoundError('No such booking of yours');
    if (booking.status === 'CANCELLED') return null;
    if (booking.status === 'COMPLETED') throw new BusinessError(ErrorType.BOOKING_NOT_CANCELLABLE, 'A completed stay cannot be cancelled');

    // A stay that has begun cannot be cancelled: from the start of the check-in date on the hotel's calendar.
    if (todayInZone(at, booking.time_zone) >= booking.check_in) {
      throw new BusinessError(
        ErrorType.BOOKING_NOT_CANCELLABLE,
        "The stay has begun (check-in date on the hotel's calendar); it can no longer be cancelled",
      );
    }

    const hotelCurrency = booking.booking_currency.trim();
    const creditCurrency = booking.credit_currency.trim();
    const rates = await currencyRates(tx, [hotelCurrency, creditCurrency]);
    const deadline = booking.cancellation_deadline ? parseInstant(booking.cancellation_deadline) : null;
    const free = deadline !== null && at < deadline;

    await tx.execute(
      `UPDATE inventory SET rooms_sold = rooms_sold - 1
        WHERE room_type_id = :rt::uuid AND night IN (SELECT night FROM booking_nights WHERE booking_id = :booking::uuid)`,
      { rt: booking.room_type_id, booking: booking.id },
    );
    const settled = await settleCancellation(
      tx,
      {
        id: booking.id,
        userId: user.id,
        hotelCurrency,
        creditCurrency,
        amountCharged: Number(booking.total_minor) - Number(booking.credits_value_minor),
        penalty: free ? 0 : Number(booking.cancellation_penalty_minor),
      },
      rates,
      at,
    );

    await tx.execute(
      `UPDATE bookings SET status = 'CANCELLED', cancelled_at = :at::timestamptz, updated_at = :at::timestamptz, refund_minor = :refund,
         cancellation_free = :free, credits_returned_minor = :returned, cashback_reversed_minor = :reversed, refund_deducted_minor = :deducted,
         written_off_minor = :writtenOff
        WHERE id = :booking::uuid`,
      {
        at: at.toISOString(),
        refund: settled.refund,
        free,
        returned: settled.creditsReturned,
        reversed: settled.cashbackReversed,
        deducted: settled.deductedFromRefund,
        writtenOff: settled.writtenOff,
        booking: booking.id,
      },
    );
    const nights = await tx.query<{ night: string; rooms_left: number; rate_minor: number; currency: string }>(
      `SELECT i.night::text AS night, i.rooms_total - i.rooms_sold AS rooms_left, i.rate_minor, i.currency FROM inventory i
        JOIN booking_nights n ON n.night = i.night AND n.booking_id = :booking::uuid WHERE i.room_type_id = :rt::uuid ORDER BY i.night`,
      { booking: booking.id, rt: booking.room_type_id },
    );
    const credit: CreditBalanceChange | null = settled.entries.length > 0 ? await balanceChange(tx, user, settled.entries, at) : null;
    const availability: AvailabilityChange = {
      hotelId: booking.hotel_id,
      roomTypeId: booking.room_type_id,
      nights: nights.map((night) => ({
        date: night.night,
        roomsLeft: Number(night.rooms_left),
        rate: { amount: Number(night.rate_minor), currency: night.currency.trim() },
      })),
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
