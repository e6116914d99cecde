-- Inventory: one row per room type per night (the hotel-local calendar date of the night).
-- Rooms are fungible within a room type, so a booking takes one unit from every night of its
-- stay; the CHECK constraints make overselling impossible whatever the caller does:
--   UPDATE inventory SET rooms_sold = rooms_sold + 1
--    WHERE room_type_id = :rt AND night >= :check_in AND night < :check_out
-- fails with SQLSTATE 23514 (inventory_rooms_sold_within_total) when any night is full.

CREATE TABLE inventory (
  room_type_id  uuid    NOT NULL,
  night         date    NOT NULL,
  rooms_total   integer NOT NULL,
  rooms_sold    integer NOT NULL DEFAULT 0,
  -- The nightly rate in minor units of currency (ISO 4217; the hotel's currency).
  rate_minor    bigint  NOT NULL,
  currency      char(3) NOT NULL,
  CONSTRAINT inventory_pkey PRIMARY KEY (room_type_id, night),
  CONSTRAINT inventory_room_type_id_fkey FOREIGN KEY (room_type_id) REFERENCES room_types (id) ON DELETE CASCADE,
  CONSTRAINT inventory_rooms_total_nonnegative CHECK (rooms_total >= 0),
  CONSTRAINT inventory_rooms_sold_nonnegative CHECK (rooms_sold >= 0),
  CONSTRAINT inventory_rooms_sold_within_total CHECK (rooms_sold <= rooms_total),
  CONSTRAINT inventory_rate_nonnegative CHECK (rate_minor >= 0),
  CONSTRAINT inventory_currency_iso CHECK (currency ~ '^[A-Z]{3}$')
);
-- The primary key (room_type_id, night) is the index availability and price reads use:
--   WHERE room_type_id = ANY(...) AND night >= :check_in AND night < :check_out
