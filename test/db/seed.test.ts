import { describe, expect, it } from 'vitest';
import { seed, SeedOptionsError } from '../../db/seed/index.js';
import { describeSeed } from './seed-suite.js';
import { pgliteTarget } from './targets.js';

describeSeed('PGlite', pgliteTarget);

describe('seed options', () => {
  it('lists every invalid option in one error before touching the database', async () => {
    const untouched = {
      api: new Proxy(
        {},
        {
          get: () => {
            throw new Error('database used');
          },
        },
      ),
    } as never;

    const run = seed(untouched, { hotels: 0, startDate: '2026-02-30', days: 5 });

    await expect(run).rejects.toThrow(SeedOptionsError);
    await expect(run).rejects.toThrow(/hotels must be .*; start date must be .*2026-02-30.*; days must be/);
  });
});

describe('seed cashback tiers', () => {
  it("has no tier bands of its own: the scenario takes them from the Lambdas' tier module", async () => {
    const { readFile } = await import('node:fs/promises');
    for (const file of ['scenario.ts', 'ledger.ts']) {
      const source = await readFile(new URL(`../../db/seed/${file}`, import.meta.url), 'utf8');
      expect(source, file).not.toMatch(/100_000|350_000/);
    }
    expect(await readFile(new URL('../../db/seed/scenario.ts', import.meta.url), 'utf8')).toMatch(
      /from '\.\.\/\.\.\/resolvers\/lambda\/money\/tiers\.js'/,
    );
  });
});
