/**
 * The credit side of a cancellation, inside its transaction (the user's row is locked): spent
 * credits go back less the part of the penalty the money refund could not cover, the booking's
 * cashback comes back from what is left of it, spent cashback comes out of the money refund, then
 * out of the user's other credits, and whatever is still left is written off with a WRITE_OFF
 * entry. Every step is a ledger entry; the balance never goes below zero.
 */
import { convertMinor, type CurrencyRate } from '../money/currency.js';
import { refundedCreditExpiry } from '../money/expiry.js';
import { parseInstant, type SqlExecutor } from '../shared/data-api.js';
import { insertEntry, openGrants, type LedgerRow } from '../ledger/ledger.js';

/** What the booking row says about the money (minor units; hotel = booking currency). */
export interface CancelledBooking {
  id: string;
  userId: string;
  hotelCurrency: string;
  creditCurrency: string;
  /** total - credits value: what was paid in money (hotel currency). */
  amountCharged: number;
  /** The policy's penalty, 0 when free (hotel currency). */
  penalty: number;
}

/** The settlement, for the booking row and the announcement. */
export interface Settlement {
  entries: LedgerRow[];
  refund: number;
  creditsReturned: number;
  cashbackReversed: number;
  deductedFromRefund: number;
  writtenOff: number;
}

/**
 * Settles `booking` at `at`. `rates` holds the hotel and credit currencies. Rounding is in the
 * guest's favour: credits withheld for the penalty and money deducted for spent cashback are
 * rounded down, the credits the deduction covers rounded up.
 */
export async function settleCancellation(
  tx: SqlExecutor,
  booking: CancelledBooking,
  rates: ReadonlyMap<string, CurrencyRate>,
  at: Date,
): Promise<Settlement> {
  const hotelRate = rates.get(booking.hotelCurrency) as CurrencyRate;
  const creditRate = rates.get(booking.creditCurrency) as CurrencyRate;
  const entries: LedgerRow[] = [];
  const entry = async (
    kind: string,
    amount: number,
    extra: { expiresAt?: Date | string; consumesEntryId?: string; note?: string } = {},
  ) => {
    const row = await insertEntry(tx, {
      userId: booking.userId,
      kind,
      amount,
      currency: booking.creditCurrency,
      bookingId: booking.id,
      at,
      ...extra,
    });
    entries.push(row);
    return row;
  };

  // 1. The penalty applies to the whole room rate: money first, then the credits that paid for it.
  const penaltyFromMoney = Math.min(booking.penalty, booking.amountCharged);
  const penaltyInCredits = convertMinor(booking.penalty - penaltyFromMoney, hotelRate, creditRate, 'floor');
  const spent = await tx.query<{ id: string; amount_minor: number; grant_expires_at: string }>(
    `SELECT s.id, s.amount_minor, g.expires_at AS grant_expires_at FROM credit_ledger s JOIN credit_ledger g ON g.id = s.consumes_entry_id
      WHERE s.booking_id = :booking::uuid AND s.kind = 'SPENT' ORDER BY g.expires_at, s.created_at, s.id`,
    { booking: booking.id },
  );
  // Withheld from the soonest-expiring credits first, so the guest keeps the longest-lived ones.
  let toWithhold = penaltyInCredits;
  let creditsReturned = 0;
  for (const row of spent) {
    const withheld = Math.min(toWithhold, -Number(row.amount_minor));
    toWithhold -= withheld;
    const amount = -Number(row.amount_minor) - withheld;
    if (amount <= 0) continue;
    const original = parseInstant(row.grant_expires_at);
    const refundExpiry = refundedCreditExpiry(original, at);
    // The original expiry exactly as stored (microseconds), when it still holds.
    const expiresAt = refundExpiry.getTime() === original.getTime() ? row.grant_expires_at : refundExpiry;
    await entry('REFUND_OF_SPENT', amount, { expiresAt, consumesEntryId: row.id });
    creditsReturned += amount;
  }

  // 2. The booking's cashback: what is left of its grant comes back.
  const [cashback] = await tx.query<{ id: string; amount_minor: number; remaining_minor: number }>(
    `SELECT id, amount_minor, remaining_minor::bigint AS remaining_minor FROM credit_grant_remaining WHERE booking_id = :booking::uuid AND kind = 'CASHBACK_EARNED'`,
    { booking: booking.id },
  );
  const cashbackEarned = Number(cashback?.amount_minor ?? 0);
  let cashbackReversed = Math.min(cashbackEarned, Math.max(0, Number(cashback?.remaining_minor ?? 0)));
  if (cashback && cashbackReversed > 0) await entry('CASHBACK_REVERSAL', -cashbackReversed, { consumesEntryId: cashback.id });

  // 3. Spent cashback comes out of the money left to refund...
  const moneyLeft = booking.amountCharged - penaltyFromMoney;
  const unrecovered = cashbackEarned - cashbackReversed;
  const unrecoveredInHotel = convertMinor(unrecovered, creditRate, hotelRate, 'floor');
  const deductedFromRefund = Math.min(unrecoveredInHotel, moneyLeft);
  const coveredByRefund =
    deductedFromRefund === unrecoveredInHotel
      ? unrecovered
      : Math.min(unrecovered, convertMinor(deductedFromRefund, hotelRate, creditRate, 'ceil'));

  // 4. ...then out of the user's other credits, soonest-expiring first, never below zero...
  let toTake = unrecovered - coveredByRefund;
  for (const grant of toTake > 0 ? await openGrants(tx, booking.userId, at) : []) {
    if (toTake <= 0) break;
    const amount = Math.min(toTake, grant.remaining_minor);
    await entry('CASHBACK_REVERSAL', -amount, { consumesEntryId: grant.id, note: 'Spent cashback of a cancelled booking' });
    cashbackReversed += amount;
    toTake -= amount;
  }

  // 5. ...and the rest is written off, in the open.
  const writtenOff = Math.max(0, toTake);
  if (writtenOff > 0) {
    const major = (writtenOff / 10 ** creditRate.minorDigits).toFixed(creditRate.minorDigits);
    await entry('WRITE_OFF', 0, {
      note: `Written off: ${major} ${booking.creditCurrency} of spent cashback that the refund and other credits could not cover`,
    });
  }
  return { entries, refund: moneyLeft - deductedFromRefund, creditsReturned, cashbackReversed, deductedFromRefund, writtenOff };
}
