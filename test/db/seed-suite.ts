/** The seed generator's behaviour, run against each backend by seed.test.ts and seed.pg.test.ts. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../db/migrate/index.js';
import { hasSeedData, seed, SEEDED_USERS, SeedTargetError, type SeedOptions } from '../../db/seed/index.js';
import { ledgerSums, ledgerViolations, tableDigests } from './seed-checks.js';
import { query, type TestTarget } from './targets.js';

/** Small and fixed, so runs are quick and comparable. */
export const SMALL: SeedOptions = { hotels: 30, seed: 'test-seed', startDate: '2026-03-02', days: 60 };

export function describeSeed(backend: string, open: () => TestTarget | Promise<TestTarget>): void {
  describe(`seed on ${backend}`, () => {
    const opened: TestTarget[] = [];
    const seeded = async (options: SeedOptions = SMALL) => {
      const db = await open();
      opened.push(db);
      await migrate(db.target);
      const result = await seed(db.target, options);
      return { target: db.target, result };
    };
    // One seeded database serves the read-only checks (PGlite takes seconds to start).
    let shared: Awaited<ReturnType<typeof seeded>>;
    beforeAll(async () => {
      shared = await seeded();
    });
    afterAll(async () => {
      await Promise.all(opened.splice(0).map((db) => db.close()));
    });

    it('writes the same rows for the same seed and start date, and different rows for another seed', async () => {
      const firstDigest = await tableDigests(shared.target);

      const again = await tableDigests((await seeded()).target);
      const other = await tableDigests((await seeded({ ...SMALL, seed: 'another-seed' })).target);

      expect(again).toEqual(firstDigest);
      expect(other.hotels).not.toBe(firstDigest.hotels);
      expect(other.inventory).not.toBe(firstDigest.inventory);
    });

    it('gives every seeded user a balance equal to the sum of their ledger, with a consistent history', async () => {
      const { target, result } = shared;

      const sums = await ledgerSums(target);

      for (const user of SEEDED_USERS) expect(sums[user.username], user.username).toBe(result.balances[user.username]);
      expect(Object.values(result.balances).some((balance) => balance > 0)).toBe(true);
      expect(await ledgerViolations(target)).toEqual([]);
      const kinds = (await query(target, 'SELECT DISTINCT kind FROM credit_ledger ORDER BY 1')).flat();
      expect(kinds).toEqual(
        expect.arrayContaining(['CASHBACK_EARNED', 'SPENT', 'EXPIRED', 'PROMO', 'REFERRAL_SIGNUP', 'REFERRAL_REWARD', 'CASHBACK_REVERSAL']),
      );
    });

    it('builds the catalogue and a night of inventory per room type per day', async () => {
      const { target, result } = shared;

      const [[hotels, minTypes, maxTypes]] = (await query(
        target,
        `SELECT count(*), min(n), max(n) FROM
          (SELECT h.id, count(r.id) AS n FROM hotels h JOIN room_types r ON r.hotel_id = h.id GROUP BY h.id) AS t`,
      )) as number[][] as [[number, number, number]];
      expect([hotels, minTypes >= 2, maxTypes <= 6]).toEqual([30, true, true]);
      const [[rows, nights, first, last]] = (await query(
        target,
        'SELECT count(*), count(DISTINCT night), min(night)::text, max(night)::text FROM inventory',
      )) as [[number, number, string, string]];
      expect([rows, nights, first, last]).toEqual([result.roomTypes * 60, 60, '2026-03-02', '2026-04-30']);
      const [[distinctRates, weekendDiffers]] = (await query(
        target,
        `SELECT count(DISTINCT rate_minor),
          bool_or(weekend <> weekday) FROM (SELECT room_type_id,
            avg(rate_minor) FILTER (WHERE extract(isodow FROM night) IN (5, 6)) AS weekend,
            avg(rate_minor) FILTER (WHERE extract(isodow FROM night) NOT IN (5, 6)) AS weekday, min(rate_minor) AS rate_minor
          FROM inventory GROUP BY room_type_id) AS t`,
      )) as [[number, boolean]];
      expect(distinctRates).toBeGreaterThan(20);
      expect(weekendDiffers).toBe(true);
      const users = (await query(target, 'SELECT cognito_sub FROM users ORDER BY cognito_sub')).flat();
      expect(users).toEqual(SEEDED_USERS.map((user) => user.sub).sort());
    });

    it('refuses a database that already has data unless asked to reset it', async () => {
      const { target } = shared;
      const before = await tableDigests(target);
      expect(await hasSeedData(target)).toBe(true);

      await expect(seed(target, SMALL)).rejects.toThrow(SeedTargetError);
      await seed(target, { ...SMALL, reset: true });

      expect(await tableDigests(target)).toEqual(before);
    });
  });
}
