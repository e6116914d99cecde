/** Errors of the seed generator. */

/** One or more options are invalid; the message lists them all. */
export class SeedOptionsError extends Error {
  override readonly name = 'SeedOptionsError';
  constructor(readonly problems: readonly string[]) {
    super(`Invalid seed options: ${problems.join('; ')}`);
  }
}

/** The database is not in a state the seed can write to (e.g. it already has data). */
export class SeedTargetError extends Error {
  override readonly name = 'SeedTargetError';
}
