/**
 * Mutation.completeStay (back office, and the hourly completion job through it): marks a stay
 * completed after check-out, and pays the referrer's reward once the friend's completed stays
 * reach $400 (referrals/reward.ts).
 */
import { todayInZone } from '../money/zoned-time.js';
import { ErrorType } from '../shared/constants.js';
import { BusinessError, NotFoundError } from '../shared/errors.js';
import { requireBackOffice, type FieldHandler } from '../shared/handler.js';
import { lockUser } from '../ledger/ledger.js';
import { loadBookingRow, toBooking } from '../bookings/booking-view.js';
import { rewardReferrer } from '../referrals/reward.js';

/** Serves Mutation.completeStay. */
export const completeStay: FieldHandler<'Mutation.completeStay'> = async (event, { db, publisher, now }) => {
  requireBackOffice(event);
  const bookingId = String(event.arguments.bookingId ?? '');
  const reward = await db.transaction(async (tx) => {
    const at = now();
    // The guest's row first, as cancelBooking and redeemReferralCode take it: a completion never
    // interleaves with a cancellation of the same booking or with the guest's redemption.
    const owner = await loadBookingRow(tx, bookingId);
    if (!owner || !(await lockUser(tx, owner.user_id))) throw new NotFoundError('No such booking');
    const booking = await loadBookingRow(tx, bookingId, { lock: true });
    if (!booking) throw new NotFoundError('No such booking');
    if (booking.status === 'COMPLETED') return null;
    if (booking.status === 'CANCELLED')
      throw new BusinessError(ErrorType.BOOKING_NOT_COMPLETABLE, 'A cancelled booking cannot be completed');
    if (todayInZone(at, booking.time_zone) < booking.check_out)
      throw new BusinessError(ErrorType.BOOKING_NOT_COMPLETABLE, "Check-out has not come yet on the hotel's calendar");
    await tx.execute(
      `UPDATE bookings SET status = 'COMPLETED', completed_at = :at::timestamptz, updated_at = :at::timestamptz WHERE id = :id::uuid`,
      { at: at.toISOString(), id: booking.id },
    );
    return rewardReferrer(tx, booking.user_id, at);
  });
  if (reward) await publisher.creditBalanceChanged(reward);
  const row = await loadBookingRow(db, bookingId);
  if (!row) throw new NotFoundError('No such booking');
  return toBooking(db, row);
};
