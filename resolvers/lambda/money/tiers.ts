/**
 * The rewards tier math, in ONE place for the Lambdas and the seed (db/seed): the bands, cashback
 * for a booking (which may straddle tiers) and the rewards status. Pure functions over integer
 * minor units of the user's credit currency.
 *
 * Rounding ("to the cent, in the user's favour"): the exact cashback of a booking is
 * sum(portion x rate) over the tiers it touches; it is rounded UP to the minor unit once, on the
 * booking total (not per tier), so no booking ever earns less than its exact cashback.
 *
 * Status carries its rate: a status held from last year (it lasts through the following calendar
 * year) sets a floor under this year's band rate, so each dollar earns the higher of the two.
 */
import { CashbackTiers } from '../shared/constants.js';

export type RewardsTier = (typeof CashbackTiers)[number]['tier'];

/** One tier's band: spend from `from` (inclusive, minor units) earns `rateBp` basis points. */
export interface TierBand {
  readonly tier: RewardsTier;
  readonly from: number;
  readonly rateBp: number;
}

const BP_PER_UNIT = 10_000;

/**
 * The tier bands in a currency: `usdToMinor` converts the rule's US cents into that currency's
 * minor units (identity for USD).
 */
export function tierBands(usdToMinor: (usdCents: number) => number = (cents) => cents): TierBand[] {
  return CashbackTiers.map((band) => ({ tier: band.tier, from: usdToMinor(band.fromUsdCents), rateBp: band.rateBp }));
}

/** The tier a calendar-year spend reaches. */
export function tierForSpend(spend: number, bands: readonly TierBand[]): TierBand {
  let reached = bands[0] as TierBand;
  for (const band of bands) if (spend >= band.from) reached = band;
  return reached;
}

/**
 * The rate (basis points) a status carried over from last year guarantees this year: the rate of
 * the band last year's spend reached (STANDARD's rate when there was none).
 */
export function carriedRateBp(lastYearSpend: number, bands: readonly TierBand[]): number {
  return tierForSpend(lastYearSpend, bands).rateBp;
}

/**
 * Cashback for `amount` of qualifying spend when `spentBefore` was already spent this calendar
 * year: each part of the amount earns the higher of the rate of the band it falls in and
 * `floorRateBp` (the carried status's rate), rounded up once.
 * @example cashbackFor(0, 200_000, tierBands()) // 7_500: $1,000 at 2.5% + $1,000 at 5%
 * @example cashbackFor(200_000, 200_000, tierBands()) // 12_500: $1,500 at 5% + $500 at 10%
 * @example cashbackFor(0, 200_000, tierBands(), 1000) // 20_000: RESERVE held from last year, 10% throughout
 */
export function cashbackFor(spentBefore: number, amount: number, bands: readonly TierBand[], floorRateBp = 0): number {
  if (amount <= 0) return 0;
  const start = Math.max(0, spentBefore);
  const end = start + amount;
  let exactTimesBp = 0;
  bands.forEach((band, index) => {
    const bandEnd = bands[index + 1]?.from ?? Number.POSITIVE_INFINITY;
    const overlap = Math.min(end, bandEnd) - Math.max(start, band.from);
    if (overlap > 0) exactTimesBp += overlap * Math.max(band.rateBp, floorRateBp);
  });
  return Math.ceil(exactTimesBp / BP_PER_UNIT);
}

/** What `User.rewards` shows. */
export interface RewardsStatusValue {
  tier: RewardsTier;
  year: number;
  qualifyingSpend: number;
  nextTier: RewardsTier | null;
  spendToNextTier: number | null;
  cashbackPercent: number;
  /** `YYYY-12-31`, or null for STANDARD. */
  statusValidUntil: string | null;
}

/**
 * The status held in `year`: the higher of this year's tier and last year's (status lasts through
 * the next calendar year). The next tier and the spend to reach it follow this year's spend; the
 * cashback rate is what the next dollar earns: the higher of the held status's rate and the rate
 * of this year's band.
 */
export function rewardsStatus(input: {
  year: number;
  thisYearSpend: number;
  lastYearSpend: number;
  bands: readonly TierBand[];
}): RewardsStatusValue {
  const { bands, year } = input;
  const current = tierForSpend(input.thisYearSpend, bands);
  const carried = tierForSpend(input.lastYearSpend, bands);
  const currentRank = bands.indexOf(current);
  const carriedRank = bands.indexOf(carried);
  const held = carriedRank > currentRank ? carried : current;
  const next = bands[currentRank + 1];
  let statusValidUntil: string | null = null;
  if (held.tier !== bands[0]?.tier) statusValidUntil = `${carriedRank > currentRank ? year : year + 1}-12-31`;
  return {
    tier: held.tier,
    year,
    qualifyingSpend: input.thisYearSpend,
    nextTier: next?.tier ?? null,
    spendToNextTier: next ? next.from - input.thisYearSpend : null,
    cashbackPercent: Math.max(current.rateBp, held.rateBp) / 100,
    statusValidUntil,
  };
}
