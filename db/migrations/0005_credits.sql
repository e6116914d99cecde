-- The credit ledger: append-only; a user's balance is the sum of their entries' amounts.
--
-- Grants (amount > 0, expires_at set): CASHBACK_EARNED, PROMO, REFERRAL_SIGNUP,
--   REFERRAL_REWARD, REFUND_OF_SPENT, and ADJUSTMENT when positive.
-- Debits (amount < 0): SPENT, CASHBACK_REVERSAL, EXPIRED, and ADJUSTMENT when negative.
--   A debit names the grant it takes from in consumes_entry_id, so the remainder of a grant is
--   its amount plus the sum of the debits that consume it (view credit_grant_remaining), and
--   spending soonest-expiring first is ORDER BY expires_at over grants with a remainder.
-- REFUND_OF_SPENT names the SPENT entry it gives back in consumes_entry_id too.

CREATE TABLE referral_redemptions (
  id                uuid        NOT NULL DEFAULT gen_random_uuid(),
  referred_user_id  uuid        NOT NULL,
  referrer_user_id  uuid        NOT NULL,
  code              text        NOT NULL,
  redeemed_at       timestamptz NOT NULL DEFAULT now(),
  -- Set when the friend's completed stays reach the threshold and the referrer is credited.
  rewarded_at       timestamptz,
  CONSTRAINT referral_redemptions_pkey PRIMARY KEY (id),
  -- A user redeems one code, once.
  CONSTRAINT referral_redemptions_referred_user_key UNIQUE (referred_user_id),
  CONSTRAINT referral_redemptions_referred_user_id_fkey FOREIGN KEY (referred_user_id) REFERENCES users (id),
  CONSTRAINT referral_redemptions_referrer_user_id_fkey FOREIGN KEY (referrer_user_id) REFERENCES users (id),
  CONSTRAINT referral_redemptions_not_self CHECK (referred_user_id <> referrer_user_id)
);
CREATE INDEX referral_redemptions_referrer_idx ON referral_redemptions (referrer_user_id);

CREATE TABLE credit_ledger (
  id                      uuid        NOT NULL DEFAULT gen_random_uuid(),
  user_id                 uuid        NOT NULL,
  kind                    text        NOT NULL,
  amount_minor            bigint      NOT NULL,
  currency                char(3)     NOT NULL,
  expires_at              timestamptz,
  booking_id              uuid,
  consumes_entry_id       uuid,
  referral_redemption_id  uuid,
  note                    text,
  created_at              timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT credit_ledger_pkey PRIMARY KEY (id),
  CONSTRAINT credit_ledger_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id),
  CONSTRAINT credit_ledger_booking_id_fkey FOREIGN KEY (booking_id) REFERENCES bookings (id),
  CONSTRAINT credit_ledger_consumes_entry_id_fkey FOREIGN KEY (consumes_entry_id) REFERENCES credit_ledger (id),
  CONSTRAINT credit_ledger_referral_redemption_id_fkey FOREIGN KEY (referral_redemption_id) REFERENCES referral_redemptions (id),
  CONSTRAINT credit_ledger_kind_valid CHECK (kind IN (
    'CASHBACK_EARNED', 'PROMO', 'REFERRAL_SIGNUP', 'REFERRAL_REWARD', 'REFUND_OF_SPENT',
    'SPENT', 'CASHBACK_REVERSAL', 'EXPIRED', 'ADJUSTMENT')),
  CONSTRAINT credit_ledger_currency_iso CHECK (currency ~ '^[A-Z]{3}$'),
  CONSTRAINT credit_ledger_amount_nonzero CHECK (amount_minor <> 0),
  CONSTRAINT credit_ledger_sign_matches_kind CHECK (
    CASE
      WHEN kind IN ('CASHBACK_EARNED', 'PROMO', 'REFERRAL_SIGNUP', 'REFERRAL_REWARD', 'REFUND_OF_SPENT') THEN amount_minor > 0
      WHEN kind IN ('SPENT', 'CASHBACK_REVERSAL', 'EXPIRED') THEN amount_minor < 0
      ELSE true
    END),
  -- Every grant expires; debits do not.
  CONSTRAINT credit_ledger_grant_has_expiry CHECK ((amount_minor > 0) = (expires_at IS NOT NULL)),
  -- Debits (other than a negative adjustment) name the grant they consume; a refund names its SPENT entry.
  CONSTRAINT credit_ledger_consumes_entry_required CHECK (
    kind NOT IN ('SPENT', 'CASHBACK_REVERSAL', 'EXPIRED', 'REFUND_OF_SPENT') OR consumes_entry_id IS NOT NULL),
  CONSTRAINT credit_ledger_booking_kinds CHECK (
    kind NOT IN ('CASHBACK_EARNED', 'SPENT', 'CASHBACK_REVERSAL', 'REFUND_OF_SPENT') OR booking_id IS NOT NULL),
  CONSTRAINT credit_ledger_referral_kinds CHECK (
    kind NOT IN ('REFERRAL_SIGNUP', 'REFERRAL_REWARD') OR referral_redemption_id IS NOT NULL)
);

-- Credit history, newest first.
CREATE INDEX credit_ledger_user_created_idx ON credit_ledger (user_id, created_at DESC, id);
-- Open grants by expiry (spend soonest-expiring first; the expiry job).
CREATE INDEX credit_ledger_user_grants_expiry_idx ON credit_ledger (user_id, expires_at) WHERE amount_minor > 0;
CREATE INDEX credit_ledger_consumes_idx ON credit_ledger (consumes_entry_id) WHERE consumes_entry_id IS NOT NULL;
CREATE INDEX credit_ledger_booking_idx ON credit_ledger (booking_id) WHERE booking_id IS NOT NULL;
-- At most one cashback grant and one cashback reversal per booking.
CREATE UNIQUE INDEX credit_ledger_one_cashback_per_booking ON credit_ledger (booking_id) WHERE kind = 'CASHBACK_EARNED';
CREATE UNIQUE INDEX credit_ledger_one_cashback_reversal_per_booking ON credit_ledger (booking_id) WHERE kind = 'CASHBACK_REVERSAL';
-- A grant expires once; a spent entry is refunded once.
CREATE UNIQUE INDEX credit_ledger_one_expiry_per_grant ON credit_ledger (consumes_entry_id) WHERE kind = 'EXPIRED';
CREATE UNIQUE INDEX credit_ledger_one_refund_per_spent ON credit_ledger (consumes_entry_id) WHERE kind = 'REFUND_OF_SPENT';
-- One signup credit and one referrer reward per redemption.
CREATE UNIQUE INDEX credit_ledger_one_entry_per_referral_kind ON credit_ledger (referral_redemption_id, kind) WHERE referral_redemption_id IS NOT NULL;

-- What is left of each grant: its amount plus the debits that consume it.
CREATE VIEW credit_grant_remaining AS
SELECT g.id, g.user_id, g.kind, g.currency, g.amount_minor, g.expires_at, g.booking_id, g.created_at,
       g.amount_minor + COALESCE((
         SELECT sum(d.amount_minor) FROM credit_ledger d
          WHERE d.consumes_entry_id = g.id AND d.amount_minor < 0), 0) AS remaining_minor
  FROM credit_ledger g
 WHERE g.amount_minor > 0;

-- The balance, always derived from the ledger.
CREATE VIEW credit_balances AS
SELECT user_id, currency, sum(amount_minor) AS balance_minor
  FROM credit_ledger
 GROUP BY user_id, currency;
