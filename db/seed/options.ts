/** Validates seed options and fills in defaults. */
import { SeedDefaults, SeedLimits } from './constants.js';
import { isIsoDate, todayUtc } from './dates.js';
import { SeedOptionsError } from './errors.js';

/** Options of {@link seed}. */
export interface SeedOptions {
  /** Hotels to generate. @default 100 */
  hotels?: number;
  /** PRNG seed: the same seed and start date give the same rows. @default 'roam' */
  seed?: string;
  /** First night of inventory, `YYYY-MM-DD`. @default today's date in UTC */
  startDate?: string;
  /** Nights of inventory per room type. @default 60 */
  days?: number;
  /** Empty every table first (instead of refusing a database that has data). @default false */
  reset?: boolean;
  /** Receives progress lines. @default no output */
  log?: (line: string) => void;
}

export type ResolvedSeedOptions = Required<SeedOptions>;

/** Throws a {@link SeedOptionsError} listing every invalid option. */
export function resolveSeedOptions(options: SeedOptions): ResolvedSeedOptions {
  const resolved: ResolvedSeedOptions = {
    hotels: options.hotels ?? SeedDefaults.HOTELS,
    seed: options.seed ?? SeedDefaults.SEED,
    startDate: options.startDate ?? todayUtc(),
    days: options.days ?? SeedDefaults.DAYS,
    reset: options.reset ?? false,
    log: options.log ?? (() => {}),
  };
  const problems: string[] = [];
  if (!Number.isInteger(resolved.hotels) || resolved.hotels < 1 || resolved.hotels > SeedLimits.MAX_HOTELS) {
    problems.push(`hotels must be a whole number from 1 to ${SeedLimits.MAX_HOTELS} (got ${options.hotels})`);
  }
  if (resolved.seed.length === 0) problems.push('seed must not be empty');
  if (!isIsoDate(resolved.startDate)) problems.push(`start date must be a date written YYYY-MM-DD (got ${options.startDate})`);
  if (!Number.isInteger(resolved.days) || resolved.days < 60 || resolved.days > 730) {
    problems.push(`days must be a whole number from 60 to 730 (got ${options.days})`);
  }
  if (problems.length > 0) throw new SeedOptionsError(problems);
  return resolved;
}
