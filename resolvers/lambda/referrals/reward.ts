/**
 * The referrer's reward: paid once the referred friend's completed stays (room totals, converted
 * to US dollars) reach $400, whenever that condition is met: when a stay completes, and when the
 * friend redeems the code after already completing them. Once per redemption (`rewarded_at` and
 * the ledger's unique index). The caller holds the friend's user lock.
 */
import { convertMinor, USD_RATE, type CurrencyRate } from '../money/currency.js';
import { earnedCreditExpiry } from '../money/expiry.js';
import { ReferralRules } from '../shared/constants.js';
import { parseInstant, type SqlExecutor } from '../shared/data-api.js';
import type { CreditBalanceChange } from '../shared/publish.js';
import { balanceChange, currencyRates, extendEarnedExpiry, insertEntry, lockUser } from '../ledger/ledger.js';

/** Pays the referrer of `userId` if the friend's completed stays reached the threshold. */
export async function rewardReferrer(tx: SqlExecutor, userId: string, at: Date): Promise<CreditBalanceChange | null> {
  const [redemption] = await tx.query<{ id: string; referrer_user_id: string }>(
    'SELECT id, referrer_user_id FROM referral_redemptions WHERE referred_user_id = :user::uuid AND rewarded_at IS NULL FOR UPDATE',
    { user: userId },
  );
  if (!redemption) return null;
  const totals = await tx.query<{ currency: string; total: number }>(
    `SELECT currency, sum(room_total_minor)::bigint AS total FROM bookings WHERE user_id = :user::uuid AND status = 'COMPLETED' GROUP BY currency`,
    { user: userId },
  );
  const rates = await currencyRates(
    tx,
    totals.map((row) => row.currency.trim()),
  );
  // Rounded up: in the referrer's favour.
  const usdCents = totals.reduce(
    (sum, row) => sum + convertMinor(Number(row.total), rates.get(row.currency.trim()) as CurrencyRate, USD_RATE, 'ceil'),
    0,
  );
  if (usdCents < ReferralRules.THRESHOLD_USD_CENTS) return null;

  const referrer = await lockUser(tx, redemption.referrer_user_id);
  if (!referrer) return null;
  const currency = referrer.home_currency.trim();
  const rate = (await currencyRates(tx, [currency])).get(currency) as CurrencyRate;
  const [last] = await tx.query<{ at: string | null }>('SELECT max(created_at) AS at FROM bookings WHERE user_id = :user::uuid', {
    user: referrer.id,
  });
  const expiresAt = earnedCreditExpiry(at, last?.at ? parseInstant(last.at) : null);
  const entry = await insertEntry(tx, {
    userId: referrer.id,
    kind: 'REFERRAL_REWARD',
    amount: convertMinor(ReferralRules.REWARD_USD_CENTS, USD_RATE, rate, 'ceil'),
    currency,
    expiresAt,
    referralRedemptionId: redemption.id,
    note: 'A friend you referred completed $400 of stays',
    at,
  });
  await extendEarnedExpiry(tx, referrer.id, at, expiresAt);
  await tx.execute('UPDATE referral_redemptions SET rewarded_at = :at::timestamptz WHERE id = :id::uuid', {
    at: at.toISOString(),
    id: redemption.id,
  });
  return balanceChange(tx, referrer, [entry], at);
}
