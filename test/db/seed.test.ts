import { describe, expect, it } from 'vitest';
import { seed, SeedOptionsError } from '../../db/seed/index.js';
import { tieredCashback } from '../../db/seed/ledger.js';
import { describeSeed } from './seed-suite.js';
import { pgliteTarget } from './targets.js';

describeSeed('PGlite', pgliteTarget);

describe('seed options', () => {
  it('lists every invalid option in one error before touching the database', async () => {
    const untouched = { api: new Proxy({}, { get: () => { throw new Error('database used'); } }) } as never;

    const run = seed(untouched, { hotels: 0, startDate: '2026-02-30', days: 5 });

    await expect(run).rejects.toThrow(SeedOptionsError);
    await expect(run).rejects.toThrow(/hotels must be .*; start date must be .*2026-02-30.*; days must be/);
  });
});

describe('seed cashback tiers', () => {
  it('straddles tiers as the rewards rules describe', () => {
    expect(tieredCashback(0, 200_000)).toBe(7_500);
    expect(tieredCashback(200_000, 200_000)).toBe(12_500);
    expect(tieredCashback(0, 1)).toBe(1);
  });
});
