-- The catalogue: cities, hotels, amenities, room types and their rate plans.
-- Coordinates are WGS84 degrees; time zones are IANA names (the hotel's zone decides what
-- "today" and a cancellation deadline mean for a stay).

CREATE TABLE cities (
  id            uuid             NOT NULL DEFAULT gen_random_uuid(),
  name          text             NOT NULL,
  country_code  char(2)          NOT NULL,
  country_name  text             NOT NULL,
  latitude      double precision NOT NULL,
  longitude     double precision NOT NULL,
  time_zone     text             NOT NULL,
  currency      char(3)          NOT NULL,
  CONSTRAINT cities_pkey PRIMARY KEY (id),
  CONSTRAINT cities_name_country_key UNIQUE (name, country_code),
  CONSTRAINT cities_latitude_range CHECK (latitude BETWEEN -90 AND 90),
  CONSTRAINT cities_longitude_range CHECK (longitude BETWEEN -180 AND 180),
  CONSTRAINT cities_country_code_iso CHECK (country_code ~ '^[A-Z]{2}$'),
  CONSTRAINT cities_currency_iso CHECK (currency ~ '^[A-Z]{3}$')
);

CREATE TABLE hotels (
  id                 uuid             NOT NULL DEFAULT gen_random_uuid(),
  city_id            uuid             NOT NULL,
  name               text             NOT NULL,
  description        text             NOT NULL DEFAULT '',
  address            text             NOT NULL,
  latitude           double precision NOT NULL,
  longitude          double precision NOT NULL,
  star_rating        smallint         NOT NULL,
  time_zone          text             NOT NULL,
  currency           char(3)          NOT NULL,
  -- Tax on the room rate in basis points (1250 = 12.5%): an integer, so no float ever touches money.
  tax_rate_bp        integer          NOT NULL DEFAULT 0,
  -- Fees in minor units of the hotel's currency, charged per night and per stay.
  fee_per_night_minor bigint          NOT NULL DEFAULT 0,
  fee_per_stay_minor  bigint          NOT NULL DEFAULT 0,
  photo_urls         text[]           NOT NULL DEFAULT '{}',
  check_in_time      time             NOT NULL DEFAULT '15:00',
  check_out_time     time             NOT NULL DEFAULT '11:00',
  review_score       numeric(3,1),
  review_count       integer          NOT NULL DEFAULT 0,
  created_at         timestamptz      NOT NULL DEFAULT now(),
  updated_at         timestamptz      NOT NULL DEFAULT now(),
  CONSTRAINT hotels_pkey PRIMARY KEY (id),
  CONSTRAINT hotels_city_id_fkey FOREIGN KEY (city_id) REFERENCES cities (id),
  CONSTRAINT hotels_latitude_range CHECK (latitude BETWEEN -90 AND 90),
  CONSTRAINT hotels_longitude_range CHECK (longitude BETWEEN -180 AND 180),
  CONSTRAINT hotels_star_rating_range CHECK (star_rating BETWEEN 1 AND 5),
  CONSTRAINT hotels_currency_iso CHECK (currency ~ '^[A-Z]{3}$'),
  CONSTRAINT hotels_tax_rate_range CHECK (tax_rate_bp BETWEEN 0 AND 10000),
  CONSTRAINT hotels_fees_nonnegative CHECK (fee_per_night_minor >= 0 AND fee_per_stay_minor >= 0),
  CONSTRAINT hotels_review_score_range CHECK (review_score IS NULL OR review_score BETWEEN 0 AND 10),
  CONSTRAINT hotels_review_count_nonnegative CHECK (review_count >= 0)
);

-- Search "in a city", ordered by rating.
CREATE INDEX hotels_city_rating_idx ON hotels (city_id, star_rating DESC, review_score DESC);
-- Search "near a point": a GiST index on point(longitude, latitude) (core PostgreSQL, no extension).
-- Bounding box:  WHERE point(longitude, latitude) <@ box(point(:west, :south), point(:east, :north))
-- Nearest first: ORDER BY point(longitude, latitude) <-> point(:lon, :lat)  (degrees; compute metres for display)
CREATE INDEX hotels_location_gist ON hotels USING gist (point(longitude, latitude));

CREATE TABLE amenities (
  code      text NOT NULL,
  name      text NOT NULL,
  category  text NOT NULL,
  CONSTRAINT amenities_pkey PRIMARY KEY (code),
  CONSTRAINT amenities_code_format CHECK (code ~ '^[a-z][a-z0-9_]*$')
);

CREATE TABLE hotel_amenities (
  hotel_id      uuid NOT NULL,
  amenity_code  text NOT NULL,
  CONSTRAINT hotel_amenities_pkey PRIMARY KEY (hotel_id, amenity_code),
  CONSTRAINT hotel_amenities_hotel_id_fkey FOREIGN KEY (hotel_id) REFERENCES hotels (id) ON DELETE CASCADE,
  CONSTRAINT hotel_amenities_amenity_code_fkey FOREIGN KEY (amenity_code) REFERENCES amenities (code)
);
-- Filter "hotels that have amenity X".
CREATE INDEX hotel_amenities_amenity_idx ON hotel_amenities (amenity_code, hotel_id);

-- A rate plan carries the cancellation policy: free cancellation until
-- free_cancellation_hours before check-in (check_in date + the hotel's check_in_time, in the
-- hotel's time zone), then the penalty. NULL free_cancellation_hours means non-refundable.
CREATE TABLE rate_plans (
  id                       uuid     NOT NULL DEFAULT gen_random_uuid(),
  hotel_id                 uuid     NOT NULL,
  code                     text     NOT NULL,
  name                     text     NOT NULL,
  meal_plan                text     NOT NULL DEFAULT 'ROOM_ONLY',
  free_cancellation_hours  integer,
  -- FIRST_NIGHT: the first night's rate; PERCENT_OF_STAY: penalty_percent of the room total;
  -- FULL_STAY: the whole room total.
  penalty_kind             text     NOT NULL,
  penalty_percent          smallint,
  CONSTRAINT rate_plans_pkey PRIMARY KEY (id),
  CONSTRAINT rate_plans_hotel_id_fkey FOREIGN KEY (hotel_id) REFERENCES hotels (id) ON DELETE CASCADE,
  CONSTRAINT rate_plans_hotel_code_key UNIQUE (hotel_id, code),
  CONSTRAINT rate_plans_meal_plan_valid CHECK (meal_plan IN ('ROOM_ONLY', 'BREAKFAST', 'HALF_BOARD', 'FULL_BOARD')),
  CONSTRAINT rate_plans_free_cancellation_hours_range CHECK (free_cancellation_hours IS NULL OR free_cancellation_hours BETWEEN 0 AND 8760),
  CONSTRAINT rate_plans_penalty_kind_valid CHECK (penalty_kind IN ('FIRST_NIGHT', 'PERCENT_OF_STAY', 'FULL_STAY')),
  CONSTRAINT rate_plans_penalty_percent_matches_kind CHECK (
    (penalty_kind = 'PERCENT_OF_STAY') = (penalty_percent IS NOT NULL)
    AND (penalty_percent IS NULL OR penalty_percent BETWEEN 1 AND 100))
);

-- A room type sells under one rate plan; its nightly rates live in inventory.
CREATE TABLE room_types (
  id            uuid     NOT NULL DEFAULT gen_random_uuid(),
  hotel_id      uuid     NOT NULL,
  rate_plan_id  uuid     NOT NULL,
  name          text     NOT NULL,
  description   text     NOT NULL DEFAULT '',
  max_guests    smallint NOT NULL,
  beds          text     NOT NULL,
  bed_count     smallint NOT NULL DEFAULT 1,
  size_sqm      smallint,
  photo_urls    text[]   NOT NULL DEFAULT '{}',
  CONSTRAINT room_types_pkey PRIMARY KEY (id),
  CONSTRAINT room_types_hotel_id_fkey FOREIGN KEY (hotel_id) REFERENCES hotels (id) ON DELETE CASCADE,
  CONSTRAINT room_types_rate_plan_id_fkey FOREIGN KEY (rate_plan_id) REFERENCES rate_plans (id),
  CONSTRAINT room_types_hotel_name_key UNIQUE (hotel_id, name),
  CONSTRAINT room_types_max_guests_range CHECK (max_guests BETWEEN 1 AND 20),
  CONSTRAINT room_types_bed_count_range CHECK (bed_count BETWEEN 1 AND 20),
  CONSTRAINT room_types_size_positive CHECK (size_sqm IS NULL OR size_sqm > 0)
);
CREATE INDEX room_types_hotel_idx ON room_types (hotel_id);
CREATE INDEX room_types_rate_plan_idx ON room_types (rate_plan_id);
