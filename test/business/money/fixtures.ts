/** Test-side helpers shared by the rule suites: stays, inventory, ledger fixtures and checks. */
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { DataAccess } from '../../../resolvers/lambda/shared/data-api.js';
import type { MoneyDriver, TestUser } from './drivers.js';
import { daysFromToday, type TestHotel } from './support.js';

export const RATE = 50_000; // $500 a night

/** A stay request on `roomTypeId` starting `fromDay` days from today. */
export function stayInput(hotel: TestHotel, roomTypeId: string, fromDay: number, nights: number, guests = 1) {
  return { hotelId: hotel.hotelId, roomTypeId, checkIn: daysFromToday(fromDay), checkOut: daysFromToday(fromDay + nights), guests };
}

/** Quotes then books; fails the test on any error. */
export async function quoteAndBook(driver: MoneyDriver, user: TestUser, input: ReturnType<typeof stayInput>, applyCredits = false) {
  const quoted = await driver.quote(user, input);
  expect(quoted.error).toBeUndefined();
  const booked = await driver.createBooking(user, {
    idempotencyKey: randomUUID(),
    quoteId: quoted.data.id,
    quotedTotal: quoted.data.total,
    applyCredits,
  });
  expect(booked.error).toBeUndefined();
  return { quote: quoted.data, booking: booked.data };
}

/** A grant written directly (promotions come from outside the API). */
export async function grant(
  db: DataAccess,
  userId: string,
  amount: number,
  expiresInHours: number,
  kind = 'PROMO',
  currency = 'USD',
): Promise<string> {
  const [row] = await db.query<{ id: string }>(
    `INSERT INTO credit_ledger (user_id, kind, amount_minor, currency, expires_at, note)
     VALUES (:user::uuid, :kind, :amount, :currency, now() + :hours::int * interval '1 hour', 'test grant') RETURNING id`,
    { user: userId, kind, amount, hours: expiresInHours, currency },
  );
  return (row as { id: string }).id;
}

/** The user's ledger, oldest first. */
export async function ledger(db: DataAccess, userId: string) {
  return db.query<{ id: string; kind: string; amount_minor: number; expires_at: string | null; consumes_entry_id: string | null }>(
    'SELECT id, kind, amount_minor, expires_at, consumes_entry_id FROM credit_ledger WHERE user_id = :u::uuid ORDER BY created_at, id',
    { u: userId },
  );
}

/** Balance = sum of the ledger = what is left of the grants, and no grant is overdrawn. */
export async function expectConsistentLedger(db: DataAccess, userId: string): Promise<number> {
  const [row] = await db.query<any>(
    `SELECT (SELECT COALESCE(sum(amount_minor), 0)::bigint FROM credit_ledger WHERE user_id = :u::uuid) AS balance,
            (SELECT COALESCE(sum(remaining_minor), 0)::bigint FROM credit_grant_remaining WHERE user_id = :u::uuid) AS remaining,
            (SELECT count(*) FROM credit_grant_remaining WHERE user_id = :u::uuid AND remaining_minor < 0) AS overdrawn`,
    { u: userId },
  );
  expect(Number(row.remaining)).toBe(Number(row.balance));
  expect(Number(row.overdrawn)).toBe(0);
  expect(Number(row.balance)).toBeGreaterThanOrEqual(0);
  return Number(row.balance);
}

/** Rooms sold of a room type on a date. */
export async function roomsSold(db: DataAccess, roomTypeId: string, night: string): Promise<number> {
  const [row] = await db.query<{ rooms_sold: number }>(
    'SELECT rooms_sold FROM inventory WHERE room_type_id = :rt::uuid AND night = :night::date',
    { rt: roomTypeId, night },
  );
  return Number(row?.rooms_sold);
}

/** Moves a booking's stay into the past (time passing), so it can be completed. */
export async function moveStayToPast(db: DataAccess, bookingId: string): Promise<void> {
  await db.execute('UPDATE bookings SET check_in = current_date - 3, check_out = current_date - 2 WHERE id = :id::uuid', { id: bookingId });
}
