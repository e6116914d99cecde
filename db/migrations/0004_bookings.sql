-- Bookings. Stay dates are hotel-local calendar dates; a stay covers the nights
-- [check_in, check_out). Money is in minor units: the price in the hotel's currency
-- (currency), credits and cashback in the credit ledger's currency (credit_currency).

CREATE TABLE bookings (
  id                      uuid        NOT NULL DEFAULT gen_random_uuid(),
  user_id                 uuid        NOT NULL,
  hotel_id                uuid        NOT NULL,
  room_type_id            uuid        NOT NULL,
  rate_plan_id            uuid        NOT NULL,
  check_in                date        NOT NULL,
  check_out               date        NOT NULL,
  guests                  smallint    NOT NULL,
  -- PENDING: inventory held, not yet confirmed (e.g. awaiting payment capture).
  status                  text        NOT NULL DEFAULT 'CONFIRMED',
  currency                char(3)     NOT NULL,
  room_total_minor        bigint      NOT NULL,
  taxes_minor             bigint      NOT NULL DEFAULT 0,
  fees_minor              bigint      NOT NULL DEFAULT 0,
  total_minor             bigint      NOT NULL,
  credit_currency         char(3)     NOT NULL,
  -- Credits spent on the room rate (never on taxes or fees), as 'spent' ledger entries.
  credits_applied_minor   bigint      NOT NULL DEFAULT 0,
  -- The room-rate part the user paid in money, in credit_currency: the calendar-year
  -- qualifying spend that tiers are computed from.
  qualifying_spend_minor  bigint      NOT NULL DEFAULT 0,
  cashback_earned_minor   bigint      NOT NULL DEFAULT 0,
  -- Snapshot of the rate plan's policy at booking time. NULL deadline = non-refundable.
  cancellation_deadline   timestamptz,
  cancellation_penalty_minor bigint   NOT NULL DEFAULT 0,
  cancelled_at            timestamptz,
  refund_minor            bigint,
  completed_at            timestamptz,
  -- Client-generated key; a retry with the same key and the same request_hash replays.
  idempotency_key         text        NOT NULL,
  request_hash            text        NOT NULL,
  created_at              timestamptz NOT NULL DEFAULT now(),
  updated_at              timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT bookings_pkey PRIMARY KEY (id),
  CONSTRAINT bookings_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id),
  CONSTRAINT bookings_hotel_id_fkey FOREIGN KEY (hotel_id) REFERENCES hotels (id),
  CONSTRAINT bookings_room_type_id_fkey FOREIGN KEY (room_type_id) REFERENCES room_types (id),
  CONSTRAINT bookings_rate_plan_id_fkey FOREIGN KEY (rate_plan_id) REFERENCES rate_plans (id),
  CONSTRAINT bookings_user_idempotency_key UNIQUE (user_id, idempotency_key),
  CONSTRAINT bookings_idempotency_key_length CHECK (length(idempotency_key) BETWEEN 1 AND 255),
  CONSTRAINT bookings_dates_order CHECK (check_out > check_in),
  CONSTRAINT bookings_stay_length CHECK (check_out - check_in <= 30),
  CONSTRAINT bookings_guests_range CHECK (guests BETWEEN 1 AND 20),
  CONSTRAINT bookings_status_valid CHECK (status IN ('PENDING', 'CONFIRMED', 'CANCELLED', 'COMPLETED')),
  CONSTRAINT bookings_currency_iso CHECK (currency ~ '^[A-Z]{3}$' AND credit_currency ~ '^[A-Z]{3}$'),
  CONSTRAINT bookings_amounts_nonnegative CHECK (
    room_total_minor >= 0 AND taxes_minor >= 0 AND fees_minor >= 0 AND credits_applied_minor >= 0
    AND qualifying_spend_minor >= 0 AND cashback_earned_minor >= 0 AND cancellation_penalty_minor >= 0),
  CONSTRAINT bookings_total_is_sum CHECK (total_minor = room_total_minor + taxes_minor + fees_minor),
  CONSTRAINT bookings_penalty_within_total CHECK (cancellation_penalty_minor <= total_minor),
  CONSTRAINT bookings_cancelled_has_time CHECK ((status = 'CANCELLED') = (cancelled_at IS NOT NULL)),
  CONSTRAINT bookings_refund_only_when_cancelled CHECK (refund_minor IS NULL OR (status = 'CANCELLED' AND refund_minor >= 0)),
  CONSTRAINT bookings_completed_has_time CHECK ((status = 'COMPLETED') = (completed_at IS NOT NULL))
);

-- "My bookings": by user, optionally by status, newest stay first.
CREATE INDEX bookings_user_check_in_idx ON bookings (user_id, check_in DESC, id);
CREATE INDEX bookings_user_status_check_in_idx ON bookings (user_id, status, check_in DESC, id);
-- Back office and tier computation.
CREATE INDEX bookings_hotel_check_in_idx ON bookings (hotel_id, check_in);
CREATE INDEX bookings_room_type_check_in_idx ON bookings (room_type_id, check_in);
CREATE INDEX bookings_user_created_idx ON bookings (user_id, created_at);

-- The nights a booking holds and the rate it was sold at (the price breakdown; releasing
-- inventory on cancellation walks these rows).
CREATE TABLE booking_nights (
  booking_id  uuid    NOT NULL,
  night       date    NOT NULL,
  rate_minor  bigint  NOT NULL,
  CONSTRAINT booking_nights_pkey PRIMARY KEY (booking_id, night),
  CONSTRAINT booking_nights_booking_id_fkey FOREIGN KEY (booking_id) REFERENCES bookings (id) ON DELETE CASCADE,
  CONSTRAINT booking_nights_rate_nonnegative CHECK (rate_minor >= 0)
);
