/**
 * Turns the scenario plan into rows: users, referral redemptions, bookings with their nights,
 * the credit ledger, and lists. Events are replayed in time order through {@link CreditBook},
 * so spending, expiry, cancellation and referral rewards produce a consistent ledger.
 */
import { addDays, timestamp } from './dates.js';
import { carriedRateBp, cashbackFor, tierBands } from '../../resolvers/lambda/money/tiers.js';
import { CreditBook, type LedgerRow } from './ledger.js';
import { BOOKING_PLANS, LIST_PLANS, SCENARIO_RULES as RULES, USER_PLANS, type BookingPlan } from './scenario-plan.js';
import type { BookingRow, InventorySnapshot, Scenario } from './scenario-types.js';
import type { Catalogue, HotelRow, RatePlanRow, RoomTypeRow } from './types.js';
import { SEEDED_USERS, seededUser } from './users.js';

/** The seed's credits are in US dollars: the tier bands as the rules state them. */
const TIER_BANDS = tierBands();

/** How many US-dollar hotels the scenario books into (their inventory is read first). */
export const SCENARIO_HOTEL_SLOTS = 8;

interface Event {
  at: string;
  run: () => void;
}

/** Builds the scenario. `snapshot` holds the current inventory of the slot hotels' room types. */
export function buildScenario(catalogue: Catalogue, startDate: string, newId: () => string, snapshot: InventorySnapshot): Scenario {
  const at = (day: number, hour = 9) => timestamp(addDays(startDate, day), hour * 3600);
  const now = at(0, 0);
  const book = new CreditBook(newId, RULES.CREDIT_CURRENCY);
  const scenario: Scenario = {
    users: [],
    redemptions: [],
    bookings: [],
    bookingNights: [],
    ledger: book.rows,
    lists: [],
    listHotels: [],
    inventoryTakes: [],
    balances: {},
  };
  const slots = scenarioHotels(catalogue);
  const yearSpend = new Map<string, number>();
  const completedTotal = new Map<string, number>();
  const events: Event[] = [];

  for (const plan of USER_PLANS) {
    const user = seededUser(plan.user);
    const signedUpAt = at(-user.signedUpDaysBefore, 8);
    const referrer = plan.redeemsCodeOf ? seededUser(plan.redeemsCodeOf) : undefined;
    scenario.users.push({
      id: user.id,
      cognito_sub: user.sub,
      email: user.email,
      name: user.name,
      home_currency: user.homeCurrency,
      signed_up_at: signedUpAt,
      referral_code: user.referralCode,
      referred_by: referrer?.id ?? null,
      created_at: signedUpAt,
      updated_at: signedUpAt,
    });
    const signupExpiry = at(-user.signedUpDaysBefore + RULES.SIGNUP_CREDIT_DAYS, 8);
    events.push({
      at: signedUpAt,
      run: () => {
        if (plan.promoMinor) book.grant(user.id, 'PROMO', plan.promoMinor, signedUpAt, signupExpiry, { note: 'Welcome offer' });
        if (!referrer) return;
        const redemption = {
          id: newId(),
          referred_user_id: user.id,
          referrer_user_id: referrer.id,
          code: referrer.referralCode,
          redeemed_at: signedUpAt,
          rewarded_at: null as string | null,
        };
        scenario.redemptions.push(redemption);
        book.grant(user.id, 'REFERRAL_SIGNUP', RULES.REFERRAL_SIGNUP_MINOR, signedUpAt, signupExpiry, {
          referralRedemptionId: redemption.id,
        });
      },
    });
  }

  for (const plan of BOOKING_PLANS) {
    const user = seededUser(plan.user);
    const createdAt = at(plan.createdDay, 10);
    events.push({
      at: createdAt,
      run: () => {
        const booking = createBooking(plan, user.id, createdAt);
        const checkOutDay = plan.checkInDay + daysOf(booking);
        if (plan.cancelDay !== undefined)
          events.push({ at: at(plan.cancelDay, 11), run: () => cancel(booking, at(plan.cancelDay as number, 11)) });
        else if (checkOutDay <= 0) events.push({ at: at(checkOutDay, 12), run: () => complete(booking, at(checkOutDay, 12)) });
        else scenario.inventoryTakes.push({ room_type_id: booking.room_type_id, check_in: booking.check_in, check_out: booking.check_out });
      },
    });
  }

  // Replay in time order; handlers may schedule later events.
  while (events.length > 0) {
    events.sort((a, b) => a.at.localeCompare(b.at));
    const event = events.shift() as Event;
    book.expireUntil(event.at);
    event.run();
  }
  book.expireUntil(now);
  for (const user of SEEDED_USERS) scenario.balances[user.username] = book.balance(user.id, now);
  addLists(scenario, catalogue, at, newId);
  return scenario;

  function createBooking(plan: BookingPlan, userId: string, createdAt: string): BookingRow {
    const { hotel, roomType, ratePlan, rates } = chooseStay(plan, slots, snapshot, catalogue, startDate);
    const roomTotal = rates.reduce((sum, rate) => sum + rate, 0);
    const taxes = Math.round((roomTotal * hotel.tax_rate_bp) / 10_000);
    const fees = hotel.fee_per_night_minor * rates.length + hotel.fee_per_stay_minor;
    const wanted = plan.credits === 'none' ? 0 : plan.credits === 'all' ? Infinity : plan.credits;
    const credits = Math.min(wanted, book.balance(userId, createdAt), roomTotal);
    const id = newId();
    const spent = credits > 0 ? book.spend(userId, credits, createdAt, id) : [];
    // The Lambdas' rules (resolvers/lambda/money/tiers.ts): qualifying spend is the room total
    // however it is paid, and a status held from last year sets a floor under the rate.
    const qualifying = roomTotal;
    const yearKey = `${userId}:${createdAt.slice(0, 4)}`;
    const lastYear = yearSpend.get(`${userId}:${Number(createdAt.slice(0, 4)) - 1}`) ?? 0;
    const cashback = cashbackFor(yearSpend.get(yearKey) ?? 0, qualifying, TIER_BANDS, carriedRateBp(lastYear, TIER_BANDS));
    yearSpend.set(yearKey, (yearSpend.get(yearKey) ?? 0) + qualifying);
    const checkIn = addDays(startDate, plan.checkInDay);
    const booking: BookingRow = {
      id,
      user_id: userId,
      hotel_id: hotel.id,
      room_type_id: roomType.id,
      rate_plan_id: ratePlan.id,
      check_in: checkIn,
      check_out: addDays(checkIn, rates.length),
      guests: 2,
      status: 'CONFIRMED',
      currency: hotel.currency,
      room_total_minor: roomTotal,
      taxes_minor: taxes,
      fees_minor: fees,
      total_minor: roomTotal + taxes + fees,
      credit_currency: RULES.CREDIT_CURRENCY,
      credits_applied_minor: credits,
      credits_value_minor: credits,
      qualifying_spend_minor: qualifying,
      cashback_earned_minor: cashback,
      cancellation_penalty_minor: penalty(ratePlan, rates, roomTotal + taxes + fees),
      cancelled_at: null,
      refund_minor: null,
      cancellation_free: null,
      credits_returned_minor: null,
      cashback_reversed_minor: null,
      refund_deducted_minor: null,
      completed_at: null,
      idempotency_key: `seed-${id}`,
      request_hash: `seed-${id}`,
      created_at: createdAt,
      updated_at: createdAt,
      spent,
      cashback: null,
    };
    rates.forEach((rate, n) => scenario.bookingNights.push({ booking_id: id, night: addDays(checkIn, n), rate_minor: rate }));
    if (cashback > 0) {
      booking.cashback = book.grant(userId, 'CASHBACK_EARNED', cashback, createdAt, addTimestampDays(createdAt, RULES.EARNED_CREDIT_DAYS), {
        bookingId: id,
      });
    }
    book.extendEarned(userId, createdAt, addTimestampDays(createdAt, RULES.EARNED_CREDIT_DAYS));
    scenario.bookings.push(booking);
    return booking;
  }

  function cancel(booking: BookingRow, when: string): void {
    const fallback = addTimestampDays(when, RULES.REFUND_FALLBACK_DAYS);
    for (const spent of booking.spent) book.refundSpent(spent, when, fallback);
    const reversed = booking.cashback ? book.reverseCashback(booking.cashback, when) : 0;
    const unrecovered = booking.cashback_earned_minor - reversed;
    const yearKey = `${booking.user_id}:${booking.created_at.slice(0, 4)}`;
    yearSpend.set(yearKey, (yearSpend.get(yearKey) ?? 0) - booking.qualifying_spend_minor);
    Object.assign(booking, {
      status: 'CANCELLED',
      cancelled_at: when,
      updated_at: when,
      cancellation_free: true,
      credits_returned_minor: booking.credits_applied_minor,
      cashback_reversed_minor: reversed,
      refund_deducted_minor: unrecovered,
      refund_minor: Math.max(0, booking.total_minor - booking.credits_value_minor - unrecovered),
    });
  }

  function complete(booking: BookingRow, when: string): void {
    Object.assign(booking, { status: 'COMPLETED', completed_at: when, updated_at: when });
    // The friend's completed room totals (taxes and fees excluded), as the Lambdas count them.
    const total = (completedTotal.get(booking.user_id) ?? 0) + booking.room_total_minor;
    completedTotal.set(booking.user_id, total);
    const redemption = scenario.redemptions.find((r) => r.referred_user_id === booking.user_id && !r.rewarded_at);
    if (redemption && total >= RULES.REFERRAL_THRESHOLD_MINOR) {
      redemption.rewarded_at = when;
      book.grant(
        redemption.referrer_user_id,
        'REFERRAL_REWARD',
        RULES.REFERRAL_REWARD_MINOR,
        when,
        addTimestampDays(when, RULES.EARNED_CREDIT_DAYS),
        { referralRedemptionId: redemption.id },
      );
    }
  }
}

function daysOf(booking: BookingRow): number {
  return Math.round((Date.parse(booking.check_out) - Date.parse(booking.check_in)) / 86_400_000);
}

function addTimestampDays(at: string, days: number): string {
  return `${addDays(at.slice(0, 10), days)}${at.slice(10)}`;
}

function penalty(plan: RatePlanRow, rates: number[], total: number): number {
  if (plan.penalty_kind === 'FULL_STAY') return total;
  const roomTotal = rates.reduce((sum, rate) => sum + rate, 0);
  if (plan.penalty_kind === 'PERCENT_OF_STAY') return Math.ceil((roomTotal * (plan.penalty_percent ?? 100)) / 100);
  return rates[0] ?? 0;
}

/** The first US-dollar hotels; the scenario's bookings go there. */
export function scenarioHotels(catalogue: Catalogue): HotelRow[] {
  return catalogue.hotels.filter((hotel) => hotel.currency === RULES.CREDIT_CURRENCY).slice(0, SCENARIO_HOTEL_SLOTS);
}

/**
 * Picks the room type and nightly rates of a planned stay. Past stays use the room type's base
 * rate; upcoming stays take rates and availability from the inventory snapshot (and reduce it),
 * trying the slot's room types, then the next hotels, until every night has a room (and, for a
 * stay that will be cancelled, the rate is refundable).
 */
function chooseStay(plan: BookingPlan, slots: HotelRow[], snapshot: InventorySnapshot, catalogue: Catalogue, startDate: string) {
  if (slots.length === 0) throw new Error('The seed scenario needs at least one US-dollar hotel (New York is always first)');
  for (let attempt = 0; attempt < slots.length; attempt++) {
    const hotel = slots[(plan.hotelSlot + attempt) % slots.length] as HotelRow;
    for (const roomType of catalogue.roomTypes.filter((room) => room.hotel_id === hotel.id)) {
      const ratePlan = catalogue.ratePlans.find((rp) => rp.id === roomType.rate_plan_id) as RatePlanRow;
      // A stay the plan cancels for a full refund needs a refundable rate.
      if (plan.cancelDay !== undefined && ratePlan.free_cancellation_hours === null) continue;
      const base = catalogue.pricing.find((p) => p.id === roomType.id)?.base ?? 0;
      const nights = plan.minTotalMinor ? Math.max(plan.nights, Math.min(14, Math.ceil(plan.minTotalMinor / base))) : plan.nights;
      const rates = stayRates(roomType, plan.checkInDay, nights, base, snapshot, startDate);
      if (rates) return { hotel, roomType: roomType as RoomTypeRow, ratePlan, rates };
    }
  }
  throw new Error(`No seeded hotel has a room on every night from day ${plan.checkInDay} for ${plan.nights} nights`);
}

function stayRates(
  roomType: RoomTypeRow,
  checkInDay: number,
  nights: number,
  base: number,
  snapshot: InventorySnapshot,
  startDate: string,
): number[] | undefined {
  const dates = Array.from({ length: nights }, (_, n) => addDays(startDate, checkInDay + n));
  if (checkInDay < 0) return dates.map(() => base);
  const cells = dates.map((night) => snapshot.get(`${roomType.id}|${night}`));
  if (cells.some((cell) => !cell || cell.free <= 0)) return undefined;
  for (const cell of cells) if (cell) cell.free -= 1;
  return cells.map((cell) => cell?.rate ?? 0);
}

function addLists(scenario: Scenario, catalogue: Catalogue, at: (day: number, hour?: number) => string, newId: () => string): void {
  for (const [username, name, day, hotelIndexes] of LIST_PLANS) {
    const id = newId();
    scenario.lists.push({ id, user_id: seededUser(username).id, name, created_at: at(day), updated_at: at(day) });
    const hotelIds = new Set(hotelIndexes.map((index) => (catalogue.hotels[index % catalogue.hotels.length] as HotelRow).id));
    [...hotelIds].forEach((hotelId, n) => scenario.listHotels.push({ list_id: id, hotel_id: hotelId, added_at: at(day + n) }));
  }
}

export type { LedgerRow };
