/**
 * Generates a year of inventory in SQL: the client sends only each room type's pricing (a few
 * hundred room types per statement), and PostgreSQL expands it over generate_series. Variation
 * comes from md5 of (seed, room type, night), so it is deterministic on every engine.
 *
 * rate  = base × season(day of year) × weekday pattern × holiday bump × jitter(0.94–1.06),
 *         rounded to the room type's step
 * sold  = rooms × occupancy, where occupancy follows a booking curve (near nights fuller),
 *         rises with the season, and has noise; capped at the room count.
 */
import type { DataApiTarget } from '../../platform/data-api/types.js';
import { SeedLimits } from './constants.js';
import { execute, jsonParameter, textParameter } from './sql.js';
import type { RoomTypePricing } from './types.js';

const INVENTORY_SQL = `
INSERT INTO inventory (room_type_id, night, rooms_total, rooms_sold, rate_minor, currency)
SELECT r.id, d.night, r.total,
       LEAST(r.total, GREATEST(0, floor(r.total * (
         (0.2 + 0.6 * exp(-d.ahead / 45.0)) * (1 + 1.5 * (s.season - 1)) + (h.noise - 0.5) * 0.35))))::int,
       GREATEST(r.step, round(r.base * s.season * s.week * s.holiday * (0.94 + 0.12 * h.jitter) / r.step) * r.step)::bigint,
       r.currency
  FROM jsonb_to_recordset(:rows::jsonb)
       AS r(id uuid, base bigint, step bigint, total int, currency text, peak int, amp float8, weekend float8, weekday float8)
 CROSS JOIN LATERAL (
       SELECT (:start::date + g) AS night, g AS ahead FROM generate_series(0, :days::int - 1) AS g) AS d
 CROSS JOIN LATERAL (
       SELECT md5(:seed || r.id::text || d.night::text) AS digest) AS m
 CROSS JOIN LATERAL (
       SELECT ('x0' || substr(m.digest, 1, 7))::bit(32)::int / 268435456.0 AS jitter,
              ('x0' || substr(m.digest, 8, 7))::bit(32)::int / 268435456.0 AS noise) AS h
 CROSS JOIN LATERAL (
       SELECT 1 + r.amp * cos(2 * pi() * (extract(doy FROM d.night) - r.peak) / 365.25) AS season,
              CASE WHEN extract(isodow FROM d.night) IN (5, 6) THEN r.weekend ELSE r.weekday END AS week,
              CASE WHEN (extract(month FROM d.night) = 12 AND extract(day FROM d.night) >= 20)
                     OR (extract(month FROM d.night) = 1 AND extract(day FROM d.night) <= 2) THEN 1.25 ELSE 1 END AS holiday) AS s
 ORDER BY r.id, d.night`;

/**
 * Inserts `days` nights of inventory for each room type, starting at `startDate`. The batch size
 * adapts to how long statements take, so each one stays far below the Data API's 45 s statement
 * timeout on a slow or busy machine. The rows do not depend on the batching.
 */
export async function insertInventory(
  target: DataApiTarget,
  pricing: readonly RoomTypePricing[],
  options: { seed: string; startDate: string; days: number; onProgress?: (roomTypesDone: number) => void },
): Promise<void> {
  const { MIN, START, MAX } = SeedLimits.INVENTORY_ROOM_TYPES_PER_STATEMENT;
  let size: number = START;
  for (let offset = 0; offset < pricing.length;) {
    const rows = pricing.slice(offset, offset + size);
    const started = Date.now();
    await execute(target, INVENTORY_SQL, [
      jsonParameter('rows', rows),
      { name: 'start', value: { stringValue: options.startDate }, typeHint: 'DATE' },
      { name: 'days', value: { longValue: options.days } },
      textParameter('seed', options.seed),
    ]);
    offset += rows.length;
    options.onProgress?.(offset);
    const elapsed = Date.now() - started;
    if (elapsed > SeedLimits.INVENTORY_SLOW_STATEMENT_MS) size = Math.max(MIN, Math.floor(size / 2));
    else if (elapsed < SeedLimits.INVENTORY_SLOW_STATEMENT_MS / 4) size = Math.min(MAX, size * 2);
  }
}
