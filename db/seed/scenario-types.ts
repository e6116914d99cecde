/** Row shapes of the seeded users' world. */
import type { LedgerRow } from './ledger.js';

export interface UserRow {
  id: string;
  cognito_sub: string;
  email: string;
  name: string;
  home_currency: string;
  signed_up_at: string;
  referral_code: string;
  referred_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface RedemptionRow {
  id: string;
  referred_user_id: string;
  referrer_user_id: string;
  code: string;
  redeemed_at: string;
  rewarded_at: string | null;
}

export interface BookingRow {
  id: string;
  user_id: string;
  hotel_id: string;
  room_type_id: string;
  rate_plan_id: string;
  check_in: string;
  check_out: string;
  guests: number;
  status: 'CONFIRMED' | 'CANCELLED' | 'COMPLETED';
  currency: string;
  room_total_minor: number;
  taxes_minor: number;
  fees_minor: number;
  total_minor: number;
  credit_currency: string;
  credits_applied_minor: number;
  /** The credits' value in the hotel's currency (migration 0010); equal here, as seeded stays are in USD. */
  credits_value_minor: number;
  qualifying_spend_minor: number;
  cashback_earned_minor: number;
  cancellation_penalty_minor: number;
  cancelled_at: string | null;
  refund_minor: number | null;
  /** Settlement of a cancellation (migration 0010). */
  cancellation_free: boolean | null;
  credits_returned_minor: number | null;
  cashback_reversed_minor: number | null;
  refund_deducted_minor: number | null;
  completed_at: string | null;
  idempotency_key: string;
  request_hash: string;
  created_at: string;
  updated_at: string;
  /** Not columns: the ledger entries this booking made, for cancellation. */
  spent: LedgerRow[];
  cashback: LedgerRow | null;
}

/** Free rooms and the rate of one room type on one night, keyed `roomTypeId|YYYY-MM-DD`. */
export type InventorySnapshot = Map<string, { rate: number; free: number }>;

export interface Scenario {
  users: UserRow[];
  redemptions: RedemptionRow[];
  bookings: BookingRow[];
  bookingNights: { booking_id: string; night: string; rate_minor: number }[];
  ledger: LedgerRow[];
  lists: { id: string; user_id: string; name: string; created_at: string; updated_at: string }[];
  listHotels: { list_id: string; hotel_id: string; added_at: string }[];
  /** Upcoming stays that hold one room on each of their nights. */
  inventoryTakes: { room_type_id: string; check_in: string; check_out: string }[];
  /** Each seeded user's credit balance at the start date (minor units), by username. */
  balances: Record<string, number>;
}
