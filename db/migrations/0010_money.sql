-- Money engineer (issue 7): what the booking, credit and referral Lambdas need beyond 0001-0006.
--
-- 1. Fixed exchange rates. Hotels price in their own currency; credits and cashback are in the
--    user's home currency. Conversions use this table (a fixed table, not a live feed: the
--    business rules need a deterministic answer; a real rates feed would update these rows).
--    usd_micros_per_unit = US dollars per one major unit of the currency, times 1,000,000.
--    minor_digits = ISO 4217 minor unit (0 for JPY, KRW, VND, CLP, ISK as the seed uses them).
CREATE TABLE currency_rates (
  currency             char(3)  NOT NULL,
  minor_digits         smallint NOT NULL,
  usd_micros_per_unit  bigint   NOT NULL,
  CONSTRAINT currency_rates_pkey PRIMARY KEY (currency),
  CONSTRAINT currency_rates_currency_iso CHECK (currency ~ '^[A-Z]{3}$'),
  CONSTRAINT currency_rates_minor_digits_range CHECK (minor_digits BETWEEN 0 AND 3),
  CONSTRAINT currency_rates_rate_positive CHECK (usd_micros_per_unit > 0)
);

INSERT INTO currency_rates (currency, minor_digits, usd_micros_per_unit) VALUES
  ('USD', 2, 1000000), ('EUR', 2, 1080000), ('GBP', 2, 1270000), ('CHF', 2, 1130000),
  ('CAD', 2, 730000), ('AUD', 2, 660000), ('NZD', 2, 600000), ('JPY', 0, 6700),
  ('KRW', 0, 740), ('VND', 0, 40), ('CLP', 0, 1070), ('ISK', 0, 7200),
  ('IDR', 2, 63), ('INR', 2, 12000), ('THB', 2, 28000), ('SGD', 2, 740000),
  ('HKD', 2, 128000), ('AED', 2, 272000), ('BRL', 2, 200000), ('MXN', 2, 58000),
  ('PEN', 2, 270000), ('CZK', 2, 43000), ('DKK', 2, 145000), ('EGP', 2, 21000),
  ('KES', 2, 7700), ('MAD', 2, 100000), ('TRY', 2, 31000), ('ZAR', 2, 54000);

-- 2. Idempotency of createBooking. A request claims (user, key) in its own autocommitted
--    statement before the booking transaction starts, so a concurrent duplicate sees the claim
--    at once (IdempotencyKeyInFlight) instead of waiting on the booking's row locks. The booking
--    transaction sets booking_id in the same commit as the booking; a failed attempt deletes its
--    claim, so a retry runs again. A claim whose claimed_until passed (the Lambda died) may be
--    taken over by a retry.
CREATE TABLE booking_requests (
  user_id          uuid        NOT NULL,
  idempotency_key  text        NOT NULL,
  request_hash     text        NOT NULL,
  booking_id       uuid,
  claimed_until    timestamptz NOT NULL,
  created_at       timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT booking_requests_pkey PRIMARY KEY (user_id, idempotency_key),
  CONSTRAINT booking_requests_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id),
  CONSTRAINT booking_requests_booking_id_fkey FOREIGN KEY (booking_id) REFERENCES bookings (id),
  CONSTRAINT booking_requests_key_length CHECK (length(idempotency_key) BETWEEN 1 AND 255)
);

-- 3. What a booking and its cancellation settled, so every read shows the same numbers:
--    credits_value_minor: the value of the credits applied, in the hotel's currency (what they
--      took off the charge); amount charged = total_minor - credits_value_minor.
--    cancellation_free: cancelled before the deadline.
--    credits_returned_minor / cashback_reversed_minor: credit_currency, also ledger entries.
--    refund_deducted_minor: cashback already spent, taken from the money refund (hotel currency).
ALTER TABLE bookings
  ADD COLUMN credits_value_minor bigint NOT NULL DEFAULT 0,
  ADD COLUMN cancellation_free boolean,
  ADD COLUMN credits_returned_minor bigint,
  ADD COLUMN cashback_reversed_minor bigint,
  ADD COLUMN refund_deducted_minor bigint,
  ADD CONSTRAINT bookings_credits_value_within_room_total CHECK (credits_value_minor BETWEEN 0 AND room_total_minor);
