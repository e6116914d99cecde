/** The rewards Lambda: User.rewards (tier math in money/tiers.ts). */
import { rewardsStatus } from '../money/tiers.js';
import { createResolverHandler, requireUser, type FieldHandler } from '../shared/handler.js';
import { NotFoundError } from '../shared/errors.js';
import { bandsFor, yearSpend } from '../bookings/offer.js';
import { readUser } from '../bookings/user.js';
import { currencyRates } from '../ledger/ledger.js';

/** Serves User.rewards for the ensured caller. */
export const rewards: FieldHandler<'User.rewards'> = async (event, { db, now }) => {
  const caller = requireUser(event);
  const user = await readUser(db, caller.id);
  if (!user) throw new NotFoundError('No such user');
  const currency = user.home_currency.trim();
  const rate = (await currencyRates(db, [currency])).get(currency);
  const year = now().getUTCFullYear();
  const [thisYearSpend, lastYearSpend] = await Promise.all([yearSpend(db, user.id, year), yearSpend(db, user.id, year - 1)]);
  const status = rewardsStatus({ year, thisYearSpend, lastYearSpend, bands: bandsFor(rate as NonNullable<typeof rate>) });
  return {
    ...status,
    qualifyingSpend: { amount: status.qualifyingSpend, currency },
    spendToNextTier: status.spendToNextTier === null ? null : { amount: status.spendToNextTier, currency },
  };
};

/** Routes of the rewards Lambda. */
export const rewardRoutes = { 'User.rewards': rewards };

/** Lambda entry. */
export const handler = createResolverHandler(rewardRoutes);
