/**
 * Mutation.createBooking: in ONE transaction, a room for every night (guarded UPDATE + the CHECK
 * constraint), credits spent soonest-expiring first, the booking and its nights, the cashback,
 * and the idempotency key marked done. Published after the commit: the balance change and the
 * room type's new availability.
 */
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { earnedCreditExpiry } from '../money/expiry.js';
import { BusinessMetric, ErrorType, SqlState, StayLimits } from '../shared/constants.js';
import { sqlStateOf } from '../shared/data-api.js';
import { BusinessError, NotFoundError, SoldOutError, ValidationError } from '../shared/errors.js';
import { requireUser, type FieldHandler } from '../shared/handler.js';
import { metrics } from '../shared/powertools.js';
import type { AvailabilityChange, CreditBalanceChange } from '../shared/publish.js';
import { balanceChange, expireDueGrants, extendEarnedExpiry, insertEntry, lockUser, type LedgerRow } from '../ledger/ledger.js';
import { loadBookingRow, toBooking } from './booking-view.js';
import { claimKey, completeKey, releaseKey, requestHash } from './idempotency.js';
import { priceOffer } from './offer.js';
import { decodeQuoteId } from './quote-id.js';
import { loadStay } from './stay.js';

/** Serves Mutation.createBooking. */
export const createBooking: FieldHandler<'Mutation.createBooking'> = async (event, { db, publisher, now }) => {
  const caller = requireUser(event);
  const input = event.arguments.input;
  if (!input?.idempotencyKey || input.idempotencyKey.length > StayLimits.MAX_IDEMPOTENCY_KEY_LENGTH) {
    throw new ValidationError(`idempotencyKey must be 1 to ${StayLimits.MAX_IDEMPOTENCY_KEY_LENGTH} characters`);
  }
  const stayRequest = decodeQuoteId(input.quoteId);
  const claim = await claimKey(db, caller.id, input.idempotencyKey, requestHash(input));
  if (claim.kind === 'replay')
    return toBooking(db, (await loadBookingRow(db, claim.bookingId)) as NonNullable<Awaited<ReturnType<typeof loadBookingRow>>>);

  let outcome: { bookingId: string; credit: CreditBalanceChange | null; availability: AvailabilityChange };
  try {
    outcome = await db.transaction(async (tx) => {
      const at = now();
      const user = await lockUser(tx, caller.id);
      if (!user) throw new NotFoundError('No such user');
      const stay = await loadStay(tx, stayRequest, at);
      const expired = await expireDueGrants(tx, user.id, at);
      const offer = await priceOffer(tx, stay, user, at);
      if (input.quotedTotal.amount !== offer.price.total || input.quotedTotal.currency !== offer.hotelCurrency) {
        throw new BusinessError(ErrorType.PRICE_CHANGED, 'The price changed since the quote', {
          total: { amount: offer.price.total, currency: offer.hotelCurrency },
        });
      }
      const taken = await tx.execute(
        `UPDATE inventory SET rooms_sold = rooms_sold + 1
          WHERE room_type_id = :rt::uuid AND night >= :checkIn::date AND night < :checkOut::date AND rooms_sold + 1 <= rooms_total`,
        { rt: stayRequest.roomTypeId, checkIn: stayRequest.checkIn, checkOut: stayRequest.checkOut },
      );
      if (taken !== stay.nights.length) throw new SoldOutError();

      const credits = input.applyCredits ? offer.creditsApplicable : 0;
      const creditsValue = input.applyCredits ? offer.creditsValue : 0;
      const { qualifyingSpend, cashback } = offer;
      const [booking] = await tx.query<{ id: string }>(
        `INSERT INTO bookings (user_id, hotel_id, room_type_id, rate_plan_id, check_in, check_out, guests, status, currency, room_total_minor,
           taxes_minor, fees_minor, total_minor, credit_currency, credits_applied_minor, credits_value_minor, qualifying_spend_minor,
           cashback_earned_minor, cancellation_deadline, cancellation_penalty_minor, idempotency_key, request_hash, created_at, updated_at)
         VALUES (:user::uuid, :hotel::uuid, :rt::uuid, :plan::uuid, :checkIn::date, :checkOut::date, :guests, 'CONFIRMED', :currency, :room,
           :taxes, :fees, :total, :creditCurrency, :credits, :creditsValue, :qualifying, :cashback, :deadline::timestamptz, :penalty, :key, :hash,
           :at::timestamptz, :at::timestamptz)
         RETURNING id`,
        {
          user: user.id,
          hotel: stayRequest.hotelId,
          rt: stayRequest.roomTypeId,
          plan: stay.catalogue.rate_plan_id,
          checkIn: stayRequest.checkIn,
          checkOut: stayRequest.checkOut,
          guests: stayRequest.guests,
          currency: offer.hotelCurrency,
          room: offer.price.roomTotal,
          taxes: offer.price.taxes,
          fees: offer.price.fees,
          total: offer.price.total,
          creditCurrency: offer.creditCurrency,
          credits,
          creditsValue,
          qualifying: qualifyingSpend,
          cashback,
          deadline: offer.deadline?.toISOString() ?? null,
          penalty: Math.min(offer.penalty, offer.price.total),
          key: input.idempotencyKey,
          hash: requestHash(input),
          at: at.toISOString(),
        },
      );
      const bookingId = (booking as { id: string }).id;
      await tx.execute(
        `INSERT INTO booking_nights (booking_id, night, rate_minor)
         SELECT :booking::uuid, night, rate_minor FROM inventory WHERE room_type_id = :rt::uuid AND night >= :checkIn::date AND night < :checkOut::date`,
        { booking: bookingId, rt: stayRequest.roomTypeId, checkIn: stayRequest.checkIn, checkOut: stayRequest.checkOut },
      );

      const entries: LedgerRow[] = [...expired];
      let toSpend = credits;
      for (const grant of offer.grants) {
        if (toSpend <= 0) break;
        const amount = Math.min(toSpend, grant.remaining_minor);
        entries.push(
          await insertEntry(tx, {
            userId: user.id,
            kind: 'SPENT',
            amount: -amount,
            currency: offer.creditCurrency,
            bookingId,
            consumesEntryId: grant.id,
            at,
          }),
        );
        toSpend -= amount;
      }
      const earnedExpiry = earnedCreditExpiry(at, at);
      await extendEarnedExpiry(tx, user.id, at, earnedExpiry);
      if (cashback > 0) {
        entries.push(
          await insertEntry(tx, {
            userId: user.id,
            kind: 'CASHBACK_EARNED',
            amount: cashback,
            currency: offer.creditCurrency,
            expiresAt: earnedExpiry,
            bookingId,
            at,
          }),
        );
      }
      await completeKey(tx, user.id, input.idempotencyKey, bookingId);

      const nights = await tx.query<{ night: string; rooms_left: number; rate_minor: number; currency: string }>(
        `SELECT night::text AS night, rooms_total - rooms_sold AS rooms_left, rate_minor, currency FROM inventory
          WHERE room_type_id = :rt::uuid AND night >= :checkIn::date AND night < :checkOut::date ORDER BY night`,
        { rt: stayRequest.roomTypeId, checkIn: stayRequest.checkIn, checkOut: stayRequest.checkOut },
      );
      return {
        bookingId,
        credit: entries.length > 0 ? await balanceChange(tx, user, entries, at) : null,
        availability: {
          hotelId: stayRequest.hotelId,
          roomTypeId: stayRequest.roomTypeId,
          nights: nights.map((night) => ({
            date: night.night,
            roomsLeft: Number(night.rooms_left),
            rate: { amount: Number(night.rate_minor), currency: night.currency.trim() },
          })),
          changedAt: at.toISOString(),
        },
      };
    });
  } catch (error) {
    await releaseKey(db, caller.id, input.idempotencyKey);
    // The CHECK constraint is the last guard against overselling (0003): report it as sold out.
    const soldOut = error instanceof SoldOutError || sqlStateOf(error) === SqlState.CHECK_VIOLATION;
    if (soldOut) metrics.addMetric(BusinessMetric.BOOKING_SOLD_OUT, MetricUnit.Count, 1);
    if (sqlStateOf(error) === SqlState.CHECK_VIOLATION) throw new SoldOutError();
    throw error;
  }
  metrics.addMetric(BusinessMetric.BOOKING_CREATED, MetricUnit.Count, 1);
  if (outcome.credit) await publisher.creditBalanceChanged(outcome.credit);
  await publisher.availabilityChanged(outcome.availability);
  return toBooking(db, (await loadBookingRow(db, outcome.bookingId)) as NonNullable<Awaited<ReturnType<typeof loadBookingRow>>>);
};
