/** A booking row with its catalogue and nights as the GraphQL Booking object. */
import type { BookingStatus } from '../../../generated/graphql.js';
import { isoInstant, type SqlExecutor } from '../shared/data-api.js';
import { toHotel, toRoomType } from './catalogue.js';
import { toPolicy } from './offer.js';
import { policySummary } from '../money/cancellation.js';
import { CATALOGUE_COLUMNS, type CatalogueRow } from './stay.js';

/** bookings columns (alias b) plus the owner's sub and the catalogue. */
export interface BookingRow extends CatalogueRow {
  id: string;
  user_id: string;
  cognito_sub: string;
  status: BookingStatus;
  check_in: string;
  check_out: string;
  guests: number;
  booking_currency: string;
  room_total_minor: number;
  taxes_minor: number;
  fees_minor: number;
  total_minor: number;
  credit_currency: string;
  credits_applied_minor: number;
  credits_value_minor: number;
  qualifying_spend_minor: number;
  cashback_earned_minor: number;
  cancellation_deadline: string | null;
  cancellation_penalty_minor: number;
  cancelled_at: string | null;
  refund_minor: number | null;
  cancellation_free: boolean | null;
  credits_returned_minor: number | null;
  cashback_reversed_minor: number | null;
  refund_deducted_minor: number | null;
  created_at: string;
  updated_at: string;
}

const BOOKING_SELECT = `SELECT b.id, b.user_id, u.cognito_sub, b.status, b.check_in::text AS check_in, b.check_out::text AS check_out, b.guests,
  b.currency AS booking_currency, b.room_total_minor, b.taxes_minor, b.fees_minor, b.total_minor, b.credit_currency, b.credits_applied_minor,
  b.credits_value_minor, b.qualifying_spend_minor, b.cashback_earned_minor, b.cancellation_deadline, b.cancellation_penalty_minor,
  b.cancelled_at, b.refund_minor, b.cancellation_free, b.credits_returned_minor, b.cashback_reversed_minor, b.refund_deducted_minor,
  b.created_at, b.updated_at, ${CATALOGUE_COLUMNS}
  FROM bookings b JOIN users u ON u.id = b.user_id JOIN hotels h ON h.id = b.hotel_id JOIN room_types rt ON rt.id = b.room_type_id
  JOIN rate_plans rp ON rp.id = b.rate_plan_id`;

/** One booking (of `userId` when given, any user's otherwise), optionally locked FOR UPDATE OF b. */
export async function loadBookingRow(
  db: SqlExecutor,
  bookingId: string,
  options: { userId?: string; lock?: boolean } = {},
): Promise<BookingRow | null> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(bookingId)) return null;
  const [row] = await db.query<BookingRow>(
    `${BOOKING_SELECT} WHERE b.id = :id::uuid AND (:user::uuid IS NULL OR b.user_id = :user::uuid)${options.lock ? ' FOR UPDATE OF b' : ''}`,
    { id: bookingId, user: options.userId ?? null },
  );
  return row ?? null;
}

/** The booking as GraphQL's Booking. */
export async function toBooking(db: SqlExecutor, row: BookingRow) {
  const nights = await db.query<{ night: string; rate_minor: number }>(
    'SELECT night::text AS night, rate_minor FROM booking_nights WHERE booking_id = :id::uuid ORDER BY night',
    { id: row.id },
  );
  const currency = row.booking_currency.trim();
  const creditCurrency = row.credit_currency.trim();
  const hotelMoney = (amount: number | null) => ({ amount: Number(amount ?? 0), currency });
  const creditMoney = (amount: number | null) => ({ amount: Number(amount ?? 0), currency: creditCurrency });
  const deadline = row.cancellation_deadline ? new Date(isoInstant(row.cancellation_deadline)) : null;
  const terms = { freeCancellationHours: row.free_cancellation_hours, penaltyKind: row.penalty_kind, penaltyPercent: row.penalty_percent };
  const amountCharged = Number(row.total_minor) - Number(row.credits_value_minor);
  return {
    id: row.id,
    userId: row.cognito_sub,
    status: row.status,
    hotel: toHotel(row),
    roomType: toRoomType(row),
    checkIn: row.check_in,
    checkOut: row.check_out,
    nights: nights.length,
    guests: Number(row.guests),
    nightlyRates: nights.map((night) => ({ date: night.night, rate: hotelMoney(night.rate_minor) })),
    roomTotal: hotelMoney(row.room_total_minor),
    taxesAndFeesTotal: hotelMoney(Number(row.taxes_minor) + Number(row.fees_minor)),
    total: hotelMoney(row.total_minor),
    creditsApplied: creditMoney(row.credits_applied_minor),
    amountCharged: hotelMoney(amountCharged),
    cashbackEarned: creditMoney(row.cashback_earned_minor),
    cancellationPolicy: toPolicy(
      deadline,
      row.time_zone,
      Number(row.cancellation_penalty_minor),
      currency,
      policySummary(deadline, row.time_zone, terms),
    ),
    cancellation:
      row.status === 'CANCELLED' && row.cancelled_at
        ? {
            cancelledAt: isoInstant(row.cancelled_at),
            free: Boolean(row.cancellation_free),
            penalty: hotelMoney(row.cancellation_free ? 0 : row.cancellation_penalty_minor),
            creditsReturned: creditMoney(row.credits_returned_minor),
            cashbackReversed: creditMoney(row.cashback_reversed_minor),
            deductedFromRefund: hotelMoney(row.refund_deducted_minor),
            refund: hotelMoney(row.refund_minor),
          }
        : null,
    createdAt: isoInstant(row.created_at),
    updatedAt: isoInstant(row.updated_at),
  };
}
