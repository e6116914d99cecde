-- Money rules (see resolvers/lambda/DECISIONS.md): qualifying spend on the whole room rate,
-- penalties over the whole room rate, and spent cashback that no refund or credit can cover.

-- 1. Qualifying spend is the aggregate room rate, excluding taxes and fees, however the room was
--    paid: credits included. Until now a booking's credits were subtracted from it, and
--    credits_applied_minor is exactly what was subtracted (credits never exceeded the room total in
--    the credit currency), so adding it back gives every existing booking the new figure. The
--    cashback those bookings earned stays as the ledger recorded it (the ledger is append-only).
COMMENT ON COLUMN bookings.qualifying_spend_minor IS
  'The room total in credit_currency (rounded up), however it was paid (credits included), excluding taxes and fees: the calendar-year qualifying spend that tiers are computed from.';
UPDATE bookings SET qualifying_spend_minor = qualifying_spend_minor + credits_applied_minor WHERE credits_applied_minor > 0;

-- 2. A cancellation may take spent cashback back from the user's other credits: one
--    CASHBACK_REVERSAL per grant it takes from (the booking's own cashback grant first), so the
--    one-reversal-per-booking index becomes one reversal per (booking, grant).
DROP INDEX credit_ledger_one_cashback_reversal_per_booking;
CREATE UNIQUE INDEX credit_ledger_one_cashback_reversal_per_grant ON credit_ledger (booking_id, consumes_entry_id) WHERE kind = 'CASHBACK_REVERSAL';

-- 3. WRITE_OFF: what is still left of spent cashback after the refund and the user's other credits
--    took what they could. The balance never goes below zero and is always the sum of the ledger,
--    so a write-off moves no credits: its amount is 0 and bookings.written_off_minor holds what was
--    written off (credit_currency); the entry makes it visible in the history, never silent.
ALTER TABLE credit_ledger DROP CONSTRAINT credit_ledger_kind_valid;
ALTER TABLE credit_ledger ADD CONSTRAINT credit_ledger_kind_valid CHECK (kind IN (
    'CASHBACK_EARNED', 'PROMO', 'REFERRAL_SIGNUP', 'REFERRAL_REWARD', 'REFUND_OF_SPENT',
    'SPENT', 'CASHBACK_REVERSAL', 'EXPIRED', 'ADJUSTMENT', 'WRITE_OFF'));
ALTER TABLE credit_ledger DROP CONSTRAINT credit_ledger_amount_nonzero;
ALTER TABLE credit_ledger ADD CONSTRAINT credit_ledger_amount_nonzero CHECK ((amount_minor <> 0) = (kind <> 'WRITE_OFF'));
ALTER TABLE credit_ledger ADD CONSTRAINT credit_ledger_write_off_names_booking CHECK (kind <> 'WRITE_OFF' OR booking_id IS NOT NULL);
CREATE UNIQUE INDEX credit_ledger_one_write_off_per_booking ON credit_ledger (booking_id) WHERE kind = 'WRITE_OFF';

ALTER TABLE bookings
  ADD COLUMN written_off_minor bigint,
  ADD CONSTRAINT bookings_written_off_nonnegative CHECK (written_off_minor IS NULL OR written_off_minor >= 0);
