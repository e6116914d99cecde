-- The search's per-hotel read model: one narrow row per hotel with what searchHotels filters on
-- (city, location, stars, currency, time zone, amenity codes) and, per party size, a lower bound
-- of the nightly rate. With it a search reads a few pages of these rows for all the hotels of a
-- place, then looks at room types (room_type_calendar, migration 0012) only for the hotels that
-- can still reach the page: those first in the sort order, and for a sort by price those whose
-- bound is below the page's last total (Query.searchHotels says how).
--
-- min_rate_for_guests[g] is the lowest nightly rate, over every inventory row, of the hotel's
-- room types that sleep g or more (NULL when none has inventory); its length is the most guests
-- any room type sleeps, so `cardinality(min_rate_for_guests) >= g` says the hotel can host g.
-- A stay of n nights in such a room type costs at least n * min_rate_for_guests[g]. Bookings and
-- cancellations change no field of this row, so they never refresh it.
CREATE TABLE hotel_search (
  hotel_id            uuid             PRIMARY KEY REFERENCES hotels (id) ON DELETE CASCADE,
  city_id             uuid             NOT NULL,
  latitude            double precision NOT NULL,
  longitude           double precision NOT NULL,
  star_rating         smallint         NOT NULL,
  currency            char(3)          NOT NULL,
  review_score        numeric(3,1),
  time_zone           text             NOT NULL,
  amenity_codes       text[]           NOT NULL,
  min_rate_for_guests bigint[]         NOT NULL,
  -- api_hotel_summary (migration 0012) of the hotel, kept here so a page of results reads it
  -- instead of building it (a join and a sort of its amenities, its city, its photos) per row.
  summary             jsonb            NOT NULL
);
CREATE INDEX hotel_search_city_idx ON hotel_search (city_id);
CREATE INDEX hotel_search_location_gist ON hotel_search USING gist (point(longitude, latitude));

-- min_rate_for_guests of one hotel: each room type's lowest rate once, then the lowest of those
-- that sleep g or more, for g from 1 to the most any room type sleeps.
CREATE FUNCTION hotel_search_min_rates(p_hotel_id uuid) RETURNS bigint[]
LANGUAGE sql STABLE AS $$
  WITH room AS MATERIALIZED (
    SELECT r.max_guests, (SELECT min(i.rate_minor) FROM inventory i WHERE i.room_type_id = r.id) AS min_rate
      FROM room_types r WHERE r.hotel_id = p_hotel_id)
  SELECT ARRAY(SELECT (SELECT min(room.min_rate) FROM room WHERE room.max_guests >= g)
                 FROM generate_series(1, (SELECT max(room.max_guests) FROM room)) AS g ORDER BY g)
$$;

-- Recomputes the rows of some hotels from hotels, hotel_amenities, room_types and inventory (and
-- removes the rows of hotels that no longer exist). Callers changing one hotel at once take turns
-- on an advisory lock (one of 128 buckets of hotels, held to commit, taken in order), and each
-- statement after the lock sees what the one before committed, so no refresh writes an older
-- view over a newer one.
CREATE FUNCTION refresh_hotel_search(p_ids uuid[]) RETURNS void
LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('hotel_search'), buckets.bucket)
     FROM (SELECT DISTINCT abs(hashtext(id::text) % 128) AS bucket FROM unnest(p_ids) AS id ORDER BY 1) AS buckets;
  DELETE FROM hotel_search hs
   WHERE hs.hotel_id = ANY (p_ids) AND NOT EXISTS (SELECT 1 FROM hotels h WHERE h.id = hs.hotel_id);
  INSERT INTO hotel_search (hotel_id, city_id, latitude, longitude, star_rating, currency, review_score, time_zone,
                            amenity_codes, min_rate_for_guests, summary)
  SELECT h.id, h.city_id, h.latitude, h.longitude, h.star_rating, h.currency, h.review_score, h.time_zone,
         ARRAY(SELECT ha.amenity_code FROM hotel_amenities ha WHERE ha.hotel_id = h.id ORDER BY 1),
         hotel_search_min_rates(h.id), api_hotel_summary(h.id)
    FROM hotels h
   WHERE h.id = ANY (p_ids)
  ON CONFLICT (hotel_id) DO UPDATE
     SET city_id = EXCLUDED.city_id, latitude = EXCLUDED.latitude, longitude = EXCLUDED.longitude,
         star_rating = EXCLUDED.star_rating, currency = EXCLUDED.currency, review_score = EXCLUDED.review_score,
         time_zone = EXCLUDED.time_zone, amenity_codes = EXCLUDED.amenity_codes,
         min_rate_for_guests = EXCLUDED.min_rate_for_guests, summary = EXCLUDED.summary;
END $$;

-- Only min_rate_for_guests of some hotels, under the same lock: what room types and inventory
-- change (neither appears in the rest of the row), at a fraction of a whole refresh.
CREATE FUNCTION refresh_hotel_search_rates(p_ids uuid[]) RETURNS void
LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('hotel_search'), buckets.bucket)
     FROM (SELECT DISTINCT abs(hashtext(id::text) % 128) AS bucket FROM unnest(p_ids) AS id ORDER BY 1) AS buckets;
  UPDATE hotel_search hs SET min_rate_for_guests = hotel_search_min_rates(hs.hotel_id) WHERE hs.hotel_id = ANY (p_ids);
END $$;

-- Hotels: a new or changed hotel gets its row refreshed (a trigger with transition tables takes no
-- column list, and the app does not update hotels, so every update refreshes).
CREATE FUNCTION hotel_search_after_hotels() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_hotel_search(ARRAY(SELECT id FROM changed));
  RETURN NULL;
END $$;

CREATE TRIGGER hotels_search_insert AFTER INSERT ON hotels
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hotel_search_after_hotels();
CREATE TRIGGER hotels_search_update AFTER UPDATE ON hotels
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hotel_search_after_hotels();

-- Amenities: refresh the hotels whose rows they changed, before and after.
CREATE FUNCTION hotel_search_after_insert() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_hotel_search(ARRAY(SELECT DISTINCT hotel_id FROM inserted));
  RETURN NULL;
END $$;

CREATE FUNCTION hotel_search_after_update() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_hotel_search(ARRAY(SELECT hotel_id FROM updated UNION SELECT hotel_id FROM previous));
  RETURN NULL;
END $$;

CREATE FUNCTION hotel_search_after_delete() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_hotel_search(ARRAY(SELECT DISTINCT hotel_id FROM previous));
  RETURN NULL;
END $$;

CREATE TRIGGER hotel_amenities_search_insert AFTER INSERT ON hotel_amenities
  REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION hotel_search_after_insert();
CREATE TRIGGER hotel_amenities_search_update AFTER UPDATE ON hotel_amenities
  REFERENCING OLD TABLE AS previous NEW TABLE AS updated FOR EACH STATEMENT EXECUTE FUNCTION hotel_search_after_update();
CREATE TRIGGER hotel_amenities_search_delete AFTER DELETE ON hotel_amenities
  REFERENCING OLD TABLE AS previous FOR EACH STATEMENT EXECUTE FUNCTION hotel_search_after_delete();

-- Room types: the lowest rates of the hotels they belong to, before and after.
CREATE FUNCTION hotel_search_rates_after_insert() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_hotel_search_rates(ARRAY(SELECT DISTINCT hotel_id FROM inserted));
  RETURN NULL;
END $$;

CREATE FUNCTION hotel_search_rates_after_update() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_hotel_search_rates(ARRAY(SELECT hotel_id FROM updated UNION SELECT hotel_id FROM previous));
  RETURN NULL;
END $$;

CREATE FUNCTION hotel_search_rates_after_delete() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_hotel_search_rates(ARRAY(SELECT DISTINCT hotel_id FROM previous));
  RETURN NULL;
END $$;

CREATE TRIGGER room_types_search_insert AFTER INSERT ON room_types
  REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION hotel_search_rates_after_insert();
CREATE TRIGGER room_types_search_update AFTER UPDATE ON room_types
  REFERENCING OLD TABLE AS previous NEW TABLE AS updated FOR EACH STATEMENT EXECUTE FUNCTION hotel_search_rates_after_update();
CREATE TRIGGER room_types_search_delete AFTER DELETE ON room_types
  REFERENCING OLD TABLE AS previous FOR EACH STATEMENT EXECUTE FUNCTION hotel_search_rates_after_delete();

-- Cities and amenities appear in the summary: a change refreshes the hotels that show them.
CREATE FUNCTION hotel_search_after_cities() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_hotel_search(ARRAY(SELECT h.id FROM hotels h WHERE h.city_id IN (SELECT id FROM updated)));
  RETURN NULL;
END $$;

CREATE FUNCTION hotel_search_after_amenities() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_hotel_search(ARRAY(
    SELECT DISTINCT ha.hotel_id FROM hotel_amenities ha WHERE ha.amenity_code IN (SELECT code FROM updated)));
  RETURN NULL;
END $$;

CREATE TRIGGER cities_search_update AFTER UPDATE ON cities
  REFERENCING NEW TABLE AS updated FOR EACH STATEMENT EXECUTE FUNCTION hotel_search_after_cities();
CREATE TRIGGER amenities_search_update AFTER UPDATE ON amenities
  REFERENCING NEW TABLE AS updated FOR EACH STATEMENT EXECUTE FUNCTION hotel_search_after_amenities();

-- TRUNCATE of hotel_amenities, room_types or inventory: no transition table, so every hotel.
CREATE FUNCTION hotel_search_after_truncate() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_hotel_search(ARRAY(SELECT hotel_id FROM hotel_search));
  RETURN NULL;
END $$;

CREATE TRIGGER hotel_amenities_search_truncate AFTER TRUNCATE ON hotel_amenities
  FOR EACH STATEMENT EXECUTE FUNCTION hotel_search_after_truncate();
CREATE TRIGGER room_types_search_truncate AFTER TRUNCATE ON room_types
  FOR EACH STATEMENT EXECUTE FUNCTION hotel_search_after_truncate();

-- Inventory: new or removed nights, and changed rates, move a room type's lowest rate; a booking
-- or cancellation (rooms_sold) and rooms for sale (rooms_total) do not, and cost only the
-- comparison of the statement's old and new rows.
CREATE FUNCTION hotel_search_after_inventory_insert() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_hotel_search_rates(ARRAY(
    SELECT DISTINCT r.hotel_id FROM room_types r WHERE r.id IN (SELECT room_type_id FROM inserted)));
  RETURN NULL;
END $$;

CREATE FUNCTION hotel_search_after_inventory_update() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  v_room_types uuid[];
BEGIN
  v_room_types := ARRAY(
    SELECT room_type_id FROM (
      (SELECT room_type_id, night, rate_minor FROM updated EXCEPT SELECT room_type_id, night, rate_minor FROM previous)
      UNION
      (SELECT room_type_id, night, rate_minor FROM previous EXCEPT SELECT room_type_id, night, rate_minor FROM updated)) AS moved);
  IF cardinality(v_room_types) > 0 THEN
    PERFORM refresh_hotel_search_rates(ARRAY(SELECT DISTINCT r.hotel_id FROM room_types r WHERE r.id = ANY (v_room_types)));
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION hotel_search_after_inventory_delete() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_hotel_search_rates(ARRAY(
    SELECT DISTINCT r.hotel_id FROM room_types r WHERE r.id IN (SELECT room_type_id FROM previous)));
  RETURN NULL;
END $$;

CREATE TRIGGER inventory_search_insert AFTER INSERT ON inventory
  REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION hotel_search_after_inventory_insert();
CREATE TRIGGER inventory_search_update AFTER UPDATE ON inventory
  REFERENCING OLD TABLE AS previous NEW TABLE AS updated FOR EACH STATEMENT EXECUTE FUNCTION hotel_search_after_inventory_update();
CREATE TRIGGER inventory_search_delete AFTER DELETE ON inventory
  REFERENCING OLD TABLE AS previous FOR EACH STATEMENT EXECUTE FUNCTION hotel_search_after_inventory_delete();
CREATE TRIGGER inventory_search_truncate AFTER TRUNCATE ON inventory
  FOR EACH STATEMENT EXECUTE FUNCTION hotel_search_after_truncate();

-- The cheapest room type of one hotel that sleeps p_guests and has a room on every night of
-- [p_check_in, p_check_out), with the stay's total (room_type_calendar: two array reads each);
-- ties go to the smaller room type id. No row when none is bookable. A plain SQL function, so
-- the planner inlines it where it is called.
CREATE FUNCTION search_cheapest_room_type(p_hotel_id uuid, p_check_in date, p_check_out date, p_guests integer)
RETURNS TABLE (room_type_id uuid, total bigint)
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT r.id, cal.rate_before[p_check_out - cal.first_night + 1] - cal.rate_before[p_check_in - cal.first_night + 1]
    FROM room_types r
    JOIN room_type_calendar cal ON cal.room_type_id = r.id
   WHERE r.hotel_id = p_hotel_id AND r.max_guests >= p_guests
     AND p_check_in >= cal.first_night AND p_check_out - cal.first_night <= cal.nights
     AND cal.next_closed[p_check_in - cal.first_night + 1] >= p_check_out - cal.first_night
   ORDER BY 2, 1
   LIMIT 1
$$;

-- Hotels that already exist, in 16 slices: each statement stays well within the Data API's 45 s
-- on a database of 10,000 hotels with a year of inventory.
SELECT refresh_hotel_search(ARRAY(SELECT id FROM hotels WHERE abs(hashtext(id::text) % 16) = 0));
SELECT refresh_hotel_search(ARRAY(SELECT id FROM hotels WHERE abs(hashtext(id::text) % 16) = 1));
SELECT refresh_hotel_search(ARRAY(SELECT id FROM hotels WHERE abs(hashtext(id::text) % 16) = 2));
SELECT refresh_hotel_search(ARRAY(SELECT id FROM hotels WHERE abs(hashtext(id::text) % 16) = 3));
SELECT refresh_hotel_search(ARRAY(SELECT id FROM hotels WHERE abs(hashtext(id::text) % 16) = 4));
SELECT refresh_hotel_search(ARRAY(SELECT id FROM hotels WHERE abs(hashtext(id::text) % 16) = 5));
SELECT refresh_hotel_search(ARRAY(SELECT id FROM hotels WHERE abs(hashtext(id::text) % 16) = 6));
SELECT refresh_hotel_search(ARRAY(SELECT id FROM hotels WHERE abs(hashtext(id::text) % 16) = 7));
SELECT refresh_hotel_search(ARRAY(SELECT id FROM hotels WHERE abs(hashtext(id::text) % 16) = 8));
SELECT refresh_hotel_search(ARRAY(SELECT id FROM hotels WHERE abs(hashtext(id::text) % 16) = 9));
SELECT refresh_hotel_search(ARRAY(SELECT id FROM hotels WHERE abs(hashtext(id::text) % 16) = 10));
SELECT refresh_hotel_search(ARRAY(SELECT id FROM hotels WHERE abs(hashtext(id::text) % 16) = 11));
SELECT refresh_hotel_search(ARRAY(SELECT id FROM hotels WHERE abs(hashtext(id::text) % 16) = 12));
SELECT refresh_hotel_search(ARRAY(SELECT id FROM hotels WHERE abs(hashtext(id::text) % 16) = 13));
SELECT refresh_hotel_search(ARRAY(SELECT id FROM hotels WHERE abs(hashtext(id::text) % 16) = 14));
SELECT refresh_hotel_search(ARRAY(SELECT id FROM hotels WHERE abs(hashtext(id::text) % 16) = 15));
