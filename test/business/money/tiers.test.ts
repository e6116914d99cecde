import { describe, expect, it } from 'vitest';
import { carriedRateBp, cashbackFor, rewardsStatus, tierBands, tierForSpend } from '../../../resolvers/lambda/money/tiers.js';

const bands = tierBands();
const dollars = (n: number) => n * 100;

describe('cashback tiers', () => {
  it('earns $75 on a first booking of 4 nights at $500 (2.5% of $1,000 + 5% of $1,000)', () => {
    expect(cashbackFor(0, dollars(2000), bands)).toBe(dollars(75));
  });

  it('earns $125 on 4 nights at $500 with $2,000 already spent (5% of $1,500 + 10% of $500)', () => {
    expect(cashbackFor(dollars(2000), dollars(2000), bands)).toBe(dollars(125));
  });

  it('earns 10% on everything beyond $3,500', () => {
    expect(cashbackFor(dollars(5000), dollars(300), bands)).toBe(dollars(30));
  });

  it('rounds up to the cent, once per booking, in the user favour', () => {
    // $0.01 at 2.5% is 0.025 cents: the user gets 1 cent.
    expect(cashbackFor(0, 1, bands)).toBe(1);
    // $10.01 at 2.5% = 25.025 cents -> 26.
    expect(cashbackFor(0, 1001, bands)).toBe(26);
    // Straddling: 1 cent below $1,000 at 2.5% (0.025) + 1 cent above at 5% (0.05) = 0.075 -> 1, not 2.
    expect(cashbackFor(dollars(1000) - 1, 2, bands)).toBe(1);
  });

  it('earns at least the carried status rate on every dollar (a held status carries its rate)', () => {
    // RESERVE from last year: $2,000 at 10%, not $75.
    expect(cashbackFor(0, dollars(2000), bands, carriedRateBp(dollars(4000), bands))).toBe(dollars(200));
    // SELECT from last year: the first $1,000 at 5% instead of 2.5%, then 5%.
    expect(cashbackFor(0, dollars(2000), bands, carriedRateBp(dollars(1500), bands))).toBe(dollars(100));
    // Past $3,500 this year's RESERVE band beats a carried SELECT.
    expect(cashbackFor(dollars(3000), dollars(1000), bands, carriedRateBp(dollars(1500), bands))).toBe(dollars(75));
    expect(carriedRateBp(0, bands)).toBe(250);
  });

  it('earns nothing on nothing', () => {
    expect(cashbackFor(0, 0, bands)).toBe(0);
  });

  it('puts the thresholds at $1,000 and $3,500', () => {
    expect(tierForSpend(dollars(1000) - 1, bands).tier).toBe('STANDARD');
    expect(tierForSpend(dollars(1000), bands).tier).toBe('SELECT');
    expect(tierForSpend(dollars(3500), bands).tier).toBe('RESERVE');
  });

  it('scales the thresholds into another currency', () => {
    const yen = tierBands((cents) => Math.floor((cents * 100) / 67));
    expect(yen.map((band) => band.from)).toEqual([0, 149253, 522388]);
  });
});

describe('rewards status', () => {
  it('is STANDARD with $1,000 to go for a new user', () => {
    expect(rewardsStatus({ year: 2026, thisYearSpend: 0, lastYearSpend: 0, bands })).toEqual({
      tier: 'STANDARD',
      year: 2026,
      qualifyingSpend: 0,
      nextTier: 'SELECT',
      spendToNextTier: dollars(1000),
      cashbackPercent: 2.5,
      statusValidUntil: null,
    });
  });

  it('holds a tier reached this year through the next calendar year', () => {
    const status = rewardsStatus({ year: 2026, thisYearSpend: dollars(2000), lastYearSpend: 0, bands });
    expect(status).toMatchObject({
      tier: 'SELECT',
      nextTier: 'RESERVE',
      spendToNextTier: dollars(1500),
      cashbackPercent: 5,
      statusValidUntil: '2027-12-31',
    });
  });

  it('keeps last year status through this year, and its rate: the next dollar earns the higher of the two', () => {
    const status = rewardsStatus({ year: 2026, thisYearSpend: dollars(100), lastYearSpend: dollars(4000), bands });
    expect(status).toMatchObject({
      tier: 'RESERVE',
      nextTier: 'SELECT',
      spendToNextTier: dollars(900),
      cashbackPercent: 10,
      statusValidUntil: '2026-12-31',
    });
    const select = rewardsStatus({ year: 2026, thisYearSpend: dollars(100), lastYearSpend: dollars(2000), bands });
    expect(select).toMatchObject({ tier: 'SELECT', cashbackPercent: 5 });
    // This year's band beats a lower carried status.
    expect(rewardsStatus({ year: 2026, thisYearSpend: dollars(3600), lastYearSpend: dollars(2000), bands })).toMatchObject({
      tier: 'RESERVE',
      cashbackPercent: 10,
    });
  });

  it('has no next tier at RESERVE', () => {
    const status = rewardsStatus({ year: 2026, thisYearSpend: dollars(3500), lastYearSpend: 0, bands });
    expect(status).toMatchObject({
      tier: 'RESERVE',
      nextTier: null,
      spendToNextTier: null,
      cashbackPercent: 10,
      statusValidUntil: '2027-12-31',
    });
  });
});
