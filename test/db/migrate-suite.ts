/** The migration runner's behaviour, run against each backend by migrate.test.ts and migrate.pg.test.ts. */
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import {
  applyMigrations,
  migrate,
  MigrationFailedError,
  MigrationHistoryError,
  prepareMigrations,
  readMigrationSources,
  type MigrationSource,
} from '../../db/migrate/index.js';
import { hasSeedData } from '../../db/seed/index.js';
import { query, type TestTarget } from './targets.js';

const MIGRATIONS_DIR = fileURLToPath(new URL('../../db/migrations/', import.meta.url));

const TINY: MigrationSource[] = [
  { fileName: '0001_first.sql', sql: 'CREATE TABLE tiny_a (id int PRIMARY KEY);\nINSERT INTO tiny_a VALUES (1);' },
  { fileName: '0002_second.sql', sql: 'CREATE TABLE tiny_b (id int PRIMARY KEY);' },
  { fileName: '0003_third.sql', sql: 'CREATE TABLE tiny_c (id int PRIMARY KEY);' },
];

export function describeMigrations(backend: string, open: () => TestTarget | Promise<TestTarget>): void {
  describe(`migrations on ${backend}`, () => {
    let db: TestTarget | undefined;
    const fresh = async () => (db = await open()).target;
    afterEach(async () => {
      await db?.close();
      db = undefined;
    });

    it('applies every migration from empty and records each with its checksum', async () => {
      const target = await fresh();
      const files = await prepareMigrations(await readMigrationSources(MIGRATIONS_DIR));

      const result = await migrate(target);

      expect(result.applied).toEqual(files.map((file) => file.name));
      const history = await query(target, 'SELECT name, checksum FROM schema_migrations ORDER BY name');
      expect(history).toEqual(files.map((file) => [file.name, file.checksum]));
      const tables = await query(target, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1");
      expect(tables.flat()).toEqual(expect.arrayContaining(['users', 'hotels', 'inventory', 'bookings', 'credit_ledger', 'list_hotels']));
      expect(await hasSeedData(target)).toBe(false);
    });

    it('applies nothing on a second run', async () => {
      const target = await fresh();
      await migrate(target);

      const second = await migrate(target);

      expect(second.applied).toEqual([]);
      expect(second.alreadyApplied).toHaveLength((await readMigrationSources(MIGRATIONS_DIR)).length);
    });

    it('applies only the new migration when one is added', async () => {
      const target = await fresh();
      await applyMigrations(target, await prepareMigrations(TINY.slice(0, 2)));

      const result = await applyMigrations(target, await prepareMigrations(TINY));

      expect(result).toEqual({ applied: ['0003_third'], alreadyApplied: ['0001_first', '0002_second'] });
    });

    it('refuses a changed applied migration, naming it, and applies nothing', async () => {
      const target = await fresh();
      await applyMigrations(target, await prepareMigrations(TINY.slice(0, 2)));
      const edited = [TINY[0], { ...TINY[1], sql: 'CREATE TABLE tiny_b (id bigint PRIMARY KEY);' }, TINY[2]] as MigrationSource[];

      const run = applyMigrations(target, await prepareMigrations(edited));

      await expect(run).rejects.toThrow(MigrationHistoryError);
      await expect(run).rejects.toThrow(/Migration 0002_second has changed since it was applied/);
      expect(await query(target, "SELECT to_regclass('tiny_c') IS NULL")).toEqual([[true]]);
    });

    it('refuses when an applied migration is missing from the files', async () => {
      const target = await fresh();
      await applyMigrations(target, await prepareMigrations(TINY));

      const run = applyMigrations(target, await prepareMigrations([TINY[0], TINY[2]] as MigrationSource[]));

      await expect(run).rejects.toThrow(/Migration 0002_second is recorded as applied .* file 0002_second.sql is missing/);
    });

    it('refuses a pending migration that sorts before an applied one', async () => {
      const target = await fresh();
      await applyMigrations(target, await prepareMigrations([TINY[0], TINY[2]] as MigrationSource[]));

      const run = applyMigrations(target, await prepareMigrations(TINY));

      await expect(run).rejects.toThrow(/Migration 0002_second is not applied but sorts before 0003_third/);
      expect(await query(target, "SELECT to_regclass('tiny_b') IS NULL")).toEqual([[true]]);
    });

    it('rolls back a failing migration completely and names the statement', async () => {
      const target = await fresh();
      const broken: MigrationSource = {
        fileName: '0002_second.sql',
        sql: 'CREATE TABLE tiny_b (id int PRIMARY KEY);\nINSERT INTO tiny_b VALUES (1);\nINSERT INTO no_such_table VALUES (1);',
      };

      const run = applyMigrations(target, await prepareMigrations([TINY[0] as MigrationSource, broken]));

      await expect(run).rejects.toThrow(MigrationFailedError);
      await expect(run).rejects.toThrow(/Migration 0002_second failed at statement 3 of 3 and was rolled back: .*no_such_table/);
      expect(await query(target, "SELECT to_regclass('tiny_b') IS NULL")).toEqual([[true]]);
      expect(await query(target, 'SELECT name FROM schema_migrations ORDER BY name')).toEqual([['0001_first']]);
      const retry = await applyMigrations(target, await prepareMigrations(TINY));
      expect(retry.applied).toEqual(['0002_second', '0003_third']);
    });

    it('applies each migration once when two runners start together', async () => {
      const target = await fresh();
      const files = await prepareMigrations(TINY);

      const [a, b] = await Promise.all([applyMigrations(target, files), applyMigrations(target, files)]);

      expect([...a.applied, ...b.applied].sort()).toEqual(['0001_first', '0002_second', '0003_third']);
      expect(await query(target, 'SELECT count(*) FROM tiny_a')).toEqual([[1]]);
    });

    it('refuses to sell more rooms than exist on a night (check violation)', async () => {
      const target = await fresh();
      await migrate(target);
      await query(
        target,
        `WITH c AS (
          INSERT INTO cities (name, country_code, country_name, latitude, longitude, time_zone, currency)
          VALUES ('Lisbon', 'PT', 'Portugal', 38.72, -9.14, 'Europe/Lisbon', 'EUR') RETURNING id),
        h AS (
          INSERT INTO hotels (city_id, name, address, latitude, longitude, star_rating, time_zone, currency)
          SELECT id, 'Test Hotel', '1 Rua', 38.72, -9.14, 3, 'Europe/Lisbon', 'EUR' FROM c RETURNING id),
        p AS (
          INSERT INTO rate_plans (hotel_id, code, name, free_cancellation_hours, penalty_kind)
          SELECT id, 'FLEX', 'Flexible', 48, 'FIRST_NIGHT' FROM h RETURNING id, hotel_id),
        r AS (
          INSERT INTO room_types (id, hotel_id, rate_plan_id, name, max_guests, beds)
          SELECT '00000000-0000-4000-8000-000000000001', hotel_id, id, 'Double', 2, '1 double' FROM p RETURNING id)
        INSERT INTO inventory (room_type_id, night, rooms_total, rooms_sold, rate_minor, currency)
        SELECT id, night::date, 2, CASE WHEN night = '2030-01-02' THEN 2 ELSE 1 END, 12000, 'EUR'
          FROM r, generate_series('2030-01-01'::date, '2030-01-03'::date, '1 day') AS night`,
      );
      const takeOneRoom = (checkIn: string, checkOut: string) =>
        query(
          target,
          `UPDATE inventory SET rooms_sold = rooms_sold + 1
          WHERE room_type_id = '00000000-0000-4000-8000-000000000001' AND night >= '${checkIn}' AND night < '${checkOut}'`,
        );

      await expect(takeOneRoom('2030-01-01', '2030-01-03')).rejects.toThrow(/inventory_rooms_sold_within_total.*SQLState: 23514/s);
      expect(await query(target, 'SELECT night::text, rooms_sold FROM inventory ORDER BY night')).toEqual([
        ['2030-01-01', 1],
        ['2030-01-02', 2],
        ['2030-01-03', 1],
      ]);
      await expect(takeOneRoom('2030-01-03', '2030-01-04')).resolves.toEqual([]);
      await expect(query(target, 'UPDATE inventory SET rooms_sold = -1')).rejects.toThrow(/inventory_rooms_sold_nonnegative/);
    });
  });
}
