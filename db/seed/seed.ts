/**
 * The seed generator: a deterministic, realistic Roam database (same seed + same start date =
 * same rows). Everything goes through the Data API, so it fills PGlite, a PostgreSQL server or
 * Aurora alike. Inventory (the bulk: ~1.5 million rows per 1,000 hotels) is expanded in SQL.
 */
import type { DataApiTarget } from '../../platform/data-api/types.js';
import { generateCatalogue } from './catalogue.js';
import { SeedTargetError } from './errors.js';
import { insertCatalogue } from './insert-catalogue.js';
import { insertScenario, readInventorySnapshot } from './insert-scenario.js';
import { insertInventory } from './inventory.js';
import { resolveSeedOptions, type SeedOptions } from './options.js';
import { createIdFactory, createPrng } from './prng.js';
import { buildScenario, scenarioHotels } from './scenario.js';
import { execute } from './sql.js';

/** Tables the seed fills, children first (the order a reset empties them in). */
export const SEEDED_TABLES = [
  'list_hotels',
  'lists',
  'credit_ledger',
  'referral_redemptions',
  'booking_nights',
  'bookings',
  'users',
  'inventory',
  'room_types',
  'rate_plans',
  'hotel_amenities',
  'amenities',
  'hotels',
  'cities',
] as const;

/** What a seed run wrote. */
export interface SeedResult {
  seed: string;
  startDate: string;
  hotels: number;
  roomTypes: number;
  inventoryRows: number;
  bookings: number;
  ledgerEntries: number;
  /** Each seeded user's credit balance (minor units, USD) at the start date, by username. */
  balances: Record<string, number>;
  elapsedMs: number;
}

const PROGRESS_EVERY_MS = 5_000;

// Ids look like UUIDv7 with this fixed "time", so they do not depend on the clock.
const ID_EPOCH_MS = Date.UTC(2024, 0, 1);

/**
 * Seeds an empty, migrated database. Refuses a database that already has hotels unless
 * `reset` is set.
 *
 * @example
 * await seed(target, { hotels: 200, seed: 'demo', startDate: '2026-01-01', log: console.log });
 */
export async function seed(target: DataApiTarget, options: SeedOptions = {}): Promise<SeedResult> {
  const opts = resolveSeedOptions(options);
  const started = Date.now();
  const log = (line: string) => opts.log(`[seed ${((Date.now() - started) / 1000).toFixed(1)}s] ${line}`);
  await prepareTarget(target, opts.reset, log);

  const prng = createPrng(`roam-seed:${opts.seed}`);
  const newId = createIdFactory(createPrng(`roam-ids:${opts.seed}`), ID_EPOCH_MS);
  log(`generating ${opts.hotels} hotels (seed "${opts.seed}", inventory ${opts.startDate} + ${opts.days} nights)`);
  const catalogue = generateCatalogue(prng, newId, opts.hotels, opts.startDate);
  await insertCatalogue(target, catalogue, log);

  const totalNights = catalogue.pricing.length * opts.days;
  let lastProgress = 0;
  await insertInventory(target, catalogue.pricing, {
    seed: opts.seed,
    startDate: opts.startDate,
    days: opts.days,
    onProgress: (done) => {
      if (done < catalogue.pricing.length && Date.now() - lastProgress < PROGRESS_EVERY_MS) return;
      lastProgress = Date.now();
      log(
        `inventory: ${done}/${catalogue.pricing.length} room types (${(done * opts.days).toLocaleString('en-US')} of ${totalNights.toLocaleString('en-US')} nights)`,
      );
    },
  });

  const slotHotelIds = new Set(scenarioHotels(catalogue).map((hotel) => hotel.id));
  const slotRoomTypes = catalogue.roomTypes.filter((room) => slotHotelIds.has(room.hotel_id)).map((room) => room.id);
  const snapshot = await readInventorySnapshot(target, slotRoomTypes, opts.startDate);
  const scenario = buildScenario(catalogue, opts.startDate, newId, snapshot);
  await insertScenario(target, scenario);
  log(
    `users: ${scenario.users.length}, bookings: ${scenario.bookings.length}, ledger entries: ${scenario.ledger.length}, lists: ${scenario.lists.length}`,
  );

  // Only the tables the seed filled: a whole-database ANALYZE also walks the system catalogs.
  await execute(target, `ANALYZE ${SEEDED_TABLES.join(', ')}`);
  log('done');
  return {
    seed: opts.seed,
    startDate: opts.startDate,
    hotels: catalogue.hotels.length,
    roomTypes: catalogue.roomTypes.length,
    inventoryRows: totalNights,
    bookings: scenario.bookings.length,
    ledgerEntries: scenario.ledger.length,
    balances: scenario.balances,
    elapsedMs: Date.now() - started,
  };
}

async function prepareTarget(target: DataApiTarget, reset: boolean, log: (line: string) => void): Promise<void> {
  if (reset) {
    // CASCADE: tables added by later migrations that reference these (requests, holds, ...) go too.
    await execute(target, `TRUNCATE ${SEEDED_TABLES.join(', ')} CASCADE`);
    log('emptied the seeded tables');
    return;
  }
  if (await hasSeedData(target)) {
    throw new SeedTargetError('The database already has hotels or users; seed an empty database or pass --reset.');
  }
}

/**
 * True when the (migrated) database already has hotels or users: `npm start` seeds only when
 * this is false.
 */
export async function hasSeedData(target: DataApiTarget): Promise<boolean> {
  const result = await execute(target, 'SELECT EXISTS (SELECT 1 FROM hotels) OR EXISTS (SELECT 1 FROM users)');
  return result.records?.[0]?.[0]?.booleanValue === true;
}
