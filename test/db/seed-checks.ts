/** Helpers the seed tests share: a digest of the seeded tables and the ledger's invariants. */
import type { DataApiTarget } from '../../platform/data-api/types.js';
import { SEEDED_TABLES } from '../../db/seed/index.js';
import { query } from './targets.js';

/** md5 of each seeded table's rows (as text, sorted), by table name. */
export async function tableDigests(target: DataApiTarget): Promise<Record<string, string>> {
  const digests: Record<string, string> = {};
  for (const table of SEEDED_TABLES) {
    const [[digest]] = (await query(
      target,
      `SELECT md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) FROM ${table} AS t`,
    )) as [[string]];
    digests[table] = digest;
  }
  return digests;
}

/** Each user's ledger sum, by username (seeded users only). */
export async function ledgerSums(target: DataApiTarget): Promise<Record<string, number>> {
  const rows = await query(
    target,
    `SELECT split_part(u.email, '@', 1), coalesce(sum(l.amount_minor), 0)::bigint
      FROM users u LEFT JOIN credit_ledger l ON l.user_id = u.id GROUP BY u.email`,
  );
  return Object.fromEntries(rows.map(([name, sum]) => [name, Number(sum)]));
}

/** Rows that break an invariant of the seeded ledger and bookings; empty when consistent. */
export async function ledgerViolations(target: DataApiTarget): Promise<unknown[][]> {
  return query(
    target,
    `
    SELECT 'grant overdrawn', id::text FROM credit_grant_remaining WHERE remaining_minor < 0 OR remaining_minor > amount_minor
    UNION ALL
    SELECT 'negative balance', user_id::text FROM credit_balances WHERE balance_minor < 0
    UNION ALL
    SELECT 'spent differs from credits applied', b.id::text FROM bookings b
     WHERE b.credits_applied_minor <> -coalesce((SELECT sum(amount_minor) FROM credit_ledger
                                                  WHERE booking_id = b.id AND kind = 'SPENT'), 0)
    UNION ALL
    SELECT 'cashback differs from ledger', b.id::text FROM bookings b
     WHERE b.cashback_earned_minor <> coalesce((SELECT sum(amount_minor) FROM credit_ledger
                                                 WHERE booking_id = b.id AND kind = 'CASHBACK_EARNED'), 0)
    UNION ALL
    SELECT 'qualifying spend is not the room total', b.id::text FROM bookings b
     WHERE b.currency = b.credit_currency AND b.qualifying_spend_minor <> b.room_total_minor
    UNION ALL
    SELECT 'booking nights differ from stay', b.id::text FROM bookings b
     WHERE (SELECT count(*) FROM booking_nights n WHERE n.booking_id = b.id) <> b.check_out - b.check_in
        OR (SELECT sum(rate_minor) FROM booking_nights n WHERE n.booking_id = b.id) <> b.room_total_minor
    UNION ALL
    SELECT 'upcoming stay without a room sold', b.id::text FROM bookings b
      JOIN inventory i ON i.room_type_id = b.room_type_id AND i.night >= b.check_in AND i.night < b.check_out
     WHERE b.status = 'CONFIRMED' AND i.rooms_sold < 1
    UNION ALL
    SELECT 'cancelled with a refund but no deadline', b.id::text FROM bookings b
     WHERE b.status = 'CANCELLED' AND b.cancellation_deadline IS NULL
    UNION ALL
    SELECT 'cancellation settlement differs from ledger', b.id::text FROM bookings b
     WHERE b.status = 'CANCELLED' AND (
           b.credits_returned_minor <> coalesce((SELECT sum(amount_minor) FROM credit_ledger
                                                 WHERE booking_id = b.id AND kind = 'REFUND_OF_SPENT'), 0)
        OR b.cashback_reversed_minor <> -coalesce((SELECT sum(amount_minor) FROM credit_ledger
                                                  WHERE booking_id = b.id AND kind = 'CASHBACK_REVERSAL'), 0)
        OR b.refund_minor <> b.total_minor - b.credits_value_minor - b.refund_deducted_minor)`,
  );
}
