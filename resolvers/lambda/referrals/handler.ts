/**
 * The referrals Lambda: Mutation.redeemReferralCode. One code per user, once, within 30 days of
 * signup, never one's own; the signup credit is granted at once and expires 30 days after signup.
 * If the friend's completed stays already reach the threshold, the referrer is paid at once.
 */
import { convertMinor, USD_RATE, type CurrencyRate } from '../money/currency.js';
import { addDays, signupCreditExpiry } from '../money/expiry.js';
import { ErrorType, ReferralRules } from '../shared/constants.js';
import { parseInstant } from '../shared/data-api.js';
import { BusinessError, NotFoundError } from '../shared/errors.js';
import { createResolverHandler, requireUser, type FieldHandler } from '../shared/handler.js';
import { balanceChange, balanceOf, currencyRates, insertEntry, lockUser, toLedgerEntry } from '../ledger/ledger.js';
import { rewardReferrer } from './reward.js';

const notAllowed = (message: string) => new BusinessError(ErrorType.REFERRAL_NOT_ALLOWED, message);

/** Serves Mutation.redeemReferralCode. */
export const redeemReferralCode: FieldHandler<'Mutation.redeemReferralCode'> = async (event, { db, publisher, now }) => {
  const caller = requireUser(event);
  const code = String(event.arguments.code ?? '')
    .trim()
    .toUpperCase();
  const outcome = await db.transaction(async (tx) => {
    const at = now();
    const user = await lockUser(tx, caller.id);
    if (!user) throw new NotFoundError('No such user');
    const [referrer] = /^[A-Z0-9]{6,16}$/.test(code)
      ? await tx.query<{ id: string }>('SELECT id FROM users WHERE referral_code = :code', { code })
      : [];
    if (!referrer) throw new NotFoundError('No such referral code');
    if (referrer.id === user.id) throw notAllowed('You cannot redeem your own referral code');
    const [already] = await tx.query<{ id: string }>('SELECT id FROM referral_redemptions WHERE referred_user_id = :user::uuid', {
      user: user.id,
    });
    if (already || user.referred_by) throw notAllowed('You have already redeemed a referral code');
    const signedUpAt = parseInstant(user.signed_up_at);
    if (at > addDays(signedUpAt, ReferralRules.REDEEM_WITHIN_DAYS))
      throw notAllowed(`Referral codes can be redeemed within ${ReferralRules.REDEEM_WITHIN_DAYS} days of signup`);

    const [redemption] = await tx.query<{ id: string }>(
      'INSERT INTO referral_redemptions (referred_user_id, referrer_user_id, code, redeemed_at) VALUES (:user::uuid, :referrer::uuid, :code, :at::timestamptz) RETURNING id',
      { user: user.id, referrer: referrer.id, code, at: at.toISOString() },
    );
    await tx.execute('UPDATE users SET referred_by = :referrer::uuid, updated_at = now() WHERE id = :user::uuid', {
      referrer: referrer.id,
      user: user.id,
    });
    const currency = user.home_currency.trim();
    const rate = (await currencyRates(tx, [currency])).get(currency) as CurrencyRate;
    const credit = await insertEntry(tx, {
      userId: user.id,
      kind: 'REFERRAL_SIGNUP',
      amount: convertMinor(ReferralRules.SIGNUP_CREDIT_USD_CENTS, USD_RATE, rate, 'ceil'),
      currency,
      expiresAt: signupCreditExpiry(signedUpAt),
      referralRedemptionId: (redemption as { id: string }).id,
      note: `Referral code ${code}`,
      at,
    });
    // The friend may have completed $400 of stays before redeeming: the referrer is paid now.
    const reward = await rewardReferrer(tx, user.id, at);
    return { credit, balance: await balanceOf(tx, user.id), change: await balanceChange(tx, user, [credit], at), reward, currency };
  });
  await publisher.creditBalanceChanged(outcome.change);
  if (outcome.reward) await publisher.creditBalanceChanged(outcome.reward);
  return { code, credit: toLedgerEntry(outcome.credit), balance: { amount: outcome.balance, currency: outcome.currency } };
};

/** Routes of the referrals Lambda. */
export const referralRoutes = { 'Mutation.redeemReferralCode': redeemReferralCode };

/** Lambda entry. */
export const handler = createResolverHandler(referralRoutes);
