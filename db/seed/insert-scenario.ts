/** Reads the inventory the scenario books from, and writes the scenario's rows. */
import type { DataApiTarget } from '../../platform/data-api/types.js';
import { addDays } from './dates.js';
import { execute, insertRows, jsonParameter, type Column } from './sql.js';
import type { InventorySnapshot, Scenario } from './scenario-types.js';

/** Nights ahead of the start date that upcoming scenario stays may use. */
const SNAPSHOT_NIGHTS = 60;

/** Free rooms and rates of the given room types over the first nights from `startDate`. */
export async function readInventorySnapshot(target: DataApiTarget, roomTypeIds: string[], startDate: string): Promise<InventorySnapshot> {
  const result = await execute(
    target,
    `SELECT room_type_id::text, night::text, rate_minor, rooms_total - rooms_sold
       FROM inventory
      WHERE room_type_id IN (SELECT jsonb_array_elements_text(:ids::jsonb)::uuid)
        AND night >= :start AND night < :end`,
    [
      jsonParameter('ids', roomTypeIds),
      { name: 'start', value: { stringValue: startDate }, typeHint: 'DATE' },
      { name: 'end', value: { stringValue: addDays(startDate, SNAPSHOT_NIGHTS) }, typeHint: 'DATE' },
    ],
  );
  const snapshot: InventorySnapshot = new Map();
  for (const [roomType, night, rate, free] of result.records ?? []) {
    snapshot.set(`${roomType?.stringValue}|${night?.stringValue}`, { rate: Number(rate?.longValue), free: Number(free?.longValue) });
  }
  return snapshot;
}

const USER_COLUMNS: Column[] = [
  ['id', 'uuid'],
  ['cognito_sub', 'text'],
  ['email', 'text'],
  ['name', 'text'],
  ['home_currency', 'text'],
  ['signed_up_at', 'timestamptz'],
  ['referral_code', 'text'],
  ['referred_by', 'uuid'],
  ['created_at', 'timestamptz'],
  ['updated_at', 'timestamptz'],
];
const REDEMPTION_COLUMNS: Column[] = [
  ['id', 'uuid'],
  ['referred_user_id', 'uuid'],
  ['referrer_user_id', 'uuid'],
  ['code', 'text'],
  ['redeemed_at', 'timestamptz'],
  ['rewarded_at', 'timestamptz'],
];
const BOOKING_COLUMNS: Column[] = [
  ['id', 'uuid'],
  ['user_id', 'uuid'],
  ['hotel_id', 'uuid'],
  ['room_type_id', 'uuid'],
  ['rate_plan_id', 'uuid'],
  ['check_in', 'date'],
  ['check_out', 'date'],
  ['guests', 'smallint'],
  ['status', 'text'],
  ['currency', 'text'],
  ['room_total_minor', 'bigint'],
  ['taxes_minor', 'bigint'],
  ['fees_minor', 'bigint'],
  ['total_minor', 'bigint'],
  ['credit_currency', 'text'],
  ['credits_applied_minor', 'bigint'],
  ['qualifying_spend_minor', 'bigint'],
  ['cashback_earned_minor', 'bigint'],
  ['cancellation_penalty_minor', 'bigint'],
  ['cancelled_at', 'timestamptz'],
  ['refund_minor', 'bigint'],
  ['completed_at', 'timestamptz'],
  // Settlement columns of migration 0010 (the booking Lambdas read them).
  ['credits_value_minor', 'bigint'],
  ['cancellation_free', 'boolean'],
  ['credits_returned_minor', 'bigint'],
  ['cashback_reversed_minor', 'bigint'],
  ['refund_deducted_minor', 'bigint'],
  ['idempotency_key', 'text'],
  ['request_hash', 'text'],
  ['created_at', 'timestamptz'],
  ['updated_at', 'timestamptz'],
];
const LEDGER_COLUMNS: Column[] = [
  ['id', 'uuid'],
  ['user_id', 'uuid'],
  ['kind', 'text'],
  ['amount_minor', 'bigint'],
  ['currency', 'text'],
  ['expires_at', 'timestamptz'],
  ['booking_id', 'uuid'],
  ['consumes_entry_id', 'uuid'],
  ['referral_redemption_id', 'uuid'],
  ['note', 'text'],
  ['created_at', 'timestamptz'],
];

/** Inserts the scenario and takes one room per night for each upcoming stay. */
export async function insertScenario(target: DataApiTarget, scenario: Scenario): Promise<void> {
  await insertRows(target, 'users', USER_COLUMNS, scenario.users);
  await insertRows(target, 'referral_redemptions', REDEMPTION_COLUMNS, scenario.redemptions);
  await insertBookings(target, scenario);
  await insertRows(
    target,
    'booking_nights',
    [
      ['booking_id', 'uuid'],
      ['night', 'date'],
      ['rate_minor', 'bigint'],
    ],
    scenario.bookingNights,
  );
  await insertRows(target, 'credit_ledger', LEDGER_COLUMNS, scenario.ledger);
  await insertRows(
    target,
    'lists',
    [
      ['id', 'uuid'],
      ['user_id', 'uuid'],
      ['name', 'text'],
      ['created_at', 'timestamptz'],
      ['updated_at', 'timestamptz'],
    ],
    scenario.lists,
  );
  await insertRows(
    target,
    'list_hotels',
    [
      ['list_id', 'uuid'],
      ['hotel_id', 'uuid'],
      ['added_at', 'timestamptz'],
    ],
    scenario.listHotels,
  );
  for (const take of scenario.inventoryTakes) {
    await execute(
      target,
      'UPDATE inventory SET rooms_sold = rooms_sold + 1 WHERE room_type_id = :roomType AND night >= :checkIn AND night < :checkOut',
      [
        { name: 'roomType', value: { stringValue: take.room_type_id }, typeHint: 'UUID' },
        { name: 'checkIn', value: { stringValue: take.check_in }, typeHint: 'DATE' },
        { name: 'checkOut', value: { stringValue: take.check_out }, typeHint: 'DATE' },
      ],
    );
  }
}

/** Bookings get their cancellation deadline from the rate plan and the hotel's zone and check-in time. */
async function insertBookings(target: DataApiTarget, scenario: Scenario): Promise<void> {
  const names = BOOKING_COLUMNS.map(([name]) => name);
  const definition = BOOKING_COLUMNS.map(([name, type]) => `${name} ${type}`).join(', ');
  const rows = scenario.bookings.map((booking) => Object.fromEntries(names.map((name) => [name, booking[name as keyof typeof booking]])));
  await execute(
    target,
    `INSERT INTO bookings (${names.join(', ')}, cancellation_deadline)
     SELECT ${names.map((name) => `r.${name}`).join(', ')},
            CASE WHEN rp.free_cancellation_hours IS NULL THEN NULL
                 ELSE ((r.check_in + h.check_in_time) AT TIME ZONE h.time_zone) - make_interval(hours => rp.free_cancellation_hours)
            END
       FROM jsonb_to_recordset(:rows::jsonb) AS r(${definition})
       JOIN hotels h ON h.id = r.hotel_id
       JOIN rate_plans rp ON rp.id = r.rate_plan_id`,
    [jsonParameter('rows', rows)],
  );
}
