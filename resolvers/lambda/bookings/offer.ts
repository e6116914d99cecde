/**
 * The priced offer for one user and one stay: what quote shows and what createBooking books.
 * Credits and cashback are in the user's home currency; conversions round in the user's favour.
 */
import { cancellationDeadline, cancellationPenalty, policySummary } from '../money/cancellation.js';
import { convertMinor, USD_RATE, type CurrencyRate } from '../money/currency.js';
import { creditsToApply, priceStay, type StayPrice } from '../money/pricing.js';
import { carriedRateBp, cashbackFor, tierBands, type TierBand } from '../money/tiers.js';
import { formatInZone } from '../money/zoned-time.js';
import type { SqlExecutor } from '../shared/data-api.js';
import { currencyRates, openGrants, type OpenGrant } from '../ledger/ledger.js';
import type { Stay } from './stay.js';

export interface Offer {
  price: StayPrice;
  hotelCurrency: string;
  creditCurrency: string;
  grants: OpenGrant[];
  creditsAvailable: number;
  creditsApplicable: number;
  /** Value of creditsApplicable in the hotel's currency (rounded up, capped at the room total). */
  creditsValue: number;
  /** Room total in the credit currency (rounded up). */
  roomTotalInCredits: number;
  /** Qualifying spend this calendar year before this booking. */
  spentBefore: number;
  /** The rate a status held from last year guarantees (basis points). */
  floorRateBp: number;
  /** Qualifying spend of this booking: the room total in the credit currency, however it is paid. */
  qualifyingSpend: number;
  /** Cashback on the qualifying spend: the same for the quote and the booking, credits or not. */
  cashback: number;
  bands: TierBand[];
  deadline: Date | null;
  penalty: number;
  summary: string;
}

/** Qualifying spend of `userId` in the UTC calendar year `year` (bookings not cancelled). */
export async function yearSpend(tx: SqlExecutor, userId: string, year: number): Promise<number> {
  const [row] = await tx.query<{ spend: number }>(
    `SELECT COALESCE(sum(qualifying_spend_minor), 0)::bigint AS spend FROM bookings
      WHERE user_id = :user::uuid AND status <> 'CANCELLED' AND created_at >= :from::timestamptz AND created_at < :to::timestamptz`,
    { user: userId, from: `${year}-01-01T00:00:00Z`, to: `${year + 1}-01-01T00:00:00Z` },
  );
  return Number(row?.spend ?? 0);
}

/** The tier bands in the user's currency (thresholds rounded down, in the user's favour). */
export function bandsFor(rate: CurrencyRate) {
  return tierBands((cents) => convertMinor(cents, USD_RATE, rate, 'floor'));
}

/** Prices `stay` for the user at `now`. */
export async function priceOffer(tx: SqlExecutor, stay: Stay, user: { id: string; home_currency: string }, now: Date): Promise<Offer> {
  const hotelCurrency = stay.catalogue.currency.trim();
  const creditCurrency = user.home_currency.trim();
  const rates = await currencyRates(tx, [hotelCurrency, creditCurrency, 'USD']);
  const hotelRate = rates.get(hotelCurrency) as CurrencyRate;
  const creditRate = rates.get(creditCurrency) as CurrencyRate;
  const nightlyRates = stay.nights.map((night) => night.rate);
  const price = priceStay(nightlyRates, {
    taxRateBp: Number(stay.catalogue.tax_rate_bp),
    feePerNight: Number(stay.catalogue.fee_per_night_minor),
    feePerStay: Number(stay.catalogue.fee_per_stay_minor),
  });
  const grants = await openGrants(tx, user.id, now);
  const creditsAvailable = grants.reduce((sum, grant) => sum + grant.remaining_minor, 0);
  const roomTotalInCredits = convertMinor(price.roomTotal, hotelRate, creditRate, 'ceil');
  const creditsApplicable = creditsToApply(creditsAvailable, roomTotalInCredits);
  const creditsValue = Math.min(price.roomTotal, convertMinor(creditsApplicable, creditRate, hotelRate, 'ceil'));
  // Qualifying spend is the aggregate room rate however it is paid (credits included), taxes and
  // fees excluded; the seed and migration 0011 count it the same way.
  const year = now.getUTCFullYear();
  const spentBefore = await yearSpend(tx, user.id, year);
  const lastYearSpend = await yearSpend(tx, user.id, year - 1);
  const bands = bandsFor(creditRate);
  const floorRateBp = carriedRateBp(lastYearSpend, bands);
  const qualifyingSpend = roomTotalInCredits;
  const cashback = cashbackFor(spentBefore, qualifyingSpend, bands, floorRateBp);
  const deadline = cancellationDeadline({
    checkIn: stay.request.checkIn,
    checkInTime: stay.catalogue.check_in_time,
    timeZone: stay.catalogue.time_zone,
    terms: stay.terms,
  });
  return {
    price,
    hotelCurrency,
    creditCurrency,
    grants,
    creditsAvailable,
    creditsApplicable,
    creditsValue,
    roomTotalInCredits,
    spentBefore,
    floorRateBp,
    qualifyingSpend,
    cashback,
    bands,
    deadline,
    penalty: cancellationPenalty(stay.terms, nightlyRates),
    summary: policySummary(deadline, stay.catalogue.time_zone, stay.terms),
  };
}

/** The CancellationPolicy object. */
export function toPolicy(deadline: Date | null, timeZone: string, penalty: number, currency: string, summary: string) {
  return { freeUntil: deadline ? formatInZone(deadline, timeZone) : null, timeZone, penalty: { amount: penalty, currency }, summary };
}
