-- The search read model: one row per room type that answers "is every night of [check_in,
-- check_out) bookable, and what does the stay cost" with two array reads, whatever the length of
-- the stay, instead of a scan of every night of every candidate room type.
--
-- Night k (0-based) is first_night + k, for k from 0 to nights - 1. Arrays are 1-based, so night
-- k is at index k + 1, and each array has nights + 1 elements (the last one is the end sentinel):
--   rate_before[k + 1] = the sum of the nightly rates of nights 0 .. k - 1 (rate_before[1] = 0),
--     so a stay of nights a .. b - 1 costs rate_before[b + 1] - rate_before[a + 1];
--   next_closed[k + 1] = the first night j >= k with no room left (or no inventory row), and
--     nights for none, so every night of a .. b - 1 has a room when next_closed[a + 1] >= b.
-- Statement triggers on inventory keep it current: bookings and cancellations (rooms_sold),
-- back-office changes (rooms_total, rates, new nights), deletes, and TRUNCATE.
CREATE TABLE room_type_calendar (
  room_type_id uuid     PRIMARY KEY REFERENCES room_types (id) ON DELETE CASCADE,
  first_night  date     NOT NULL,
  nights       integer  NOT NULL,
  rate_before  bigint[] NOT NULL,
  next_closed  integer[] NOT NULL
);
-- Kept whole in the row: a search reads the arrays of every candidate room type, and a compressed
-- or out-of-line array costs a decompression or extra index lookups on each read. Rows up to a
-- page (about 670 nights) are stored as they are; longer ones are compressed, not refused.
ALTER TABLE room_type_calendar SET (toast_tuple_target = 8160);
ALTER TABLE room_type_calendar ALTER COLUMN rate_before SET STORAGE MAIN, ALTER COLUMN next_closed SET STORAGE MAIN;

-- Recomputes the calendar rows of some room types from inventory. Callers racing on one room type
-- take turns (an advisory lock on one of 128 buckets of room types, held to commit: few enough
-- for a refresh of every room type at once, taken in order so two callers never deadlock), and
-- each statement after the lock sees what the one before committed, so no refresh writes over a
-- newer one.
CREATE FUNCTION refresh_room_type_calendar(p_ids uuid[]) RETURNS void
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  v_id uuid;
  v_first date;
  v_nights integer;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('room_type_calendar'), buckets.bucket)
     FROM (SELECT DISTINCT abs(hashtext(id::text) % 128) AS bucket FROM unnest(p_ids) AS id ORDER BY 1) AS buckets;
  -- One room type at a time: each statement then plans as an index range scan on inventory_pkey.
  FOR v_id IN SELECT DISTINCT id FROM unnest(p_ids) AS id LOOP
    SELECT min(night), max(night) - min(night) + 1 INTO v_first, v_nights FROM inventory WHERE room_type_id = v_id;
    IF v_first IS NULL THEN
      DELETE FROM room_type_calendar WHERE room_type_id = v_id;
      CONTINUE;
    END IF;
    INSERT INTO room_type_calendar (room_type_id, first_night, nights, rate_before, next_closed)
    SELECT v_id, v_first, v_nights, array_agg(n.rate_before ORDER BY n.k), array_agg(COALESCE(n.next_closed, v_nights) ORDER BY n.k)
      FROM (SELECT g.k,
                   -- Running sums and minimums (frames from the edge) cost one pass each.
                   (sum(COALESCE(i.rate_minor, 0)) OVER forward - COALESCE(i.rate_minor, 0))::bigint AS rate_before,
                   min(CASE WHEN i.night IS NULL OR i.rooms_sold >= i.rooms_total THEN g.k END) OVER backward AS next_closed
              FROM generate_series(0, v_nights) AS g(k)
              LEFT JOIN inventory i ON i.room_type_id = v_id AND i.night = v_first + g.k
            WINDOW forward AS (ORDER BY g.k ROWS UNBOUNDED PRECEDING), backward AS (ORDER BY g.k DESC ROWS UNBOUNDED PRECEDING)) AS n
    ON CONFLICT (room_type_id) DO UPDATE
       SET first_night = EXCLUDED.first_night, nights = EXCLUDED.nights,
           rate_before = EXCLUDED.rate_before, next_closed = EXCLUDED.next_closed;
  END LOOP;
END $$;

-- api_hotel (migration 0007) without its room types: what a search result needs unless the client
-- asked for the room types, each of which costs a read of 30 nights of inventory for its base rate.
CREATE FUNCTION api_hotel_summary(p_hotel_id uuid) RETURNS jsonb
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT jsonb_build_object(
           'id', h.id, 'name', h.name, 'description', NULLIF(h.description, ''), 'stars', h.star_rating,
           'rating', h.review_score, 'reviewCount', h.review_count, 'address', h.address,
           'city', api_city(h.city_id),
           'location', jsonb_build_object('latitude', h.latitude, 'longitude', h.longitude),
           'timeZone', h.time_zone, 'currency', h.currency,
           'checkInTime', to_char(h.check_in_time, 'HH24:MI:SS'), 'checkOutTime', to_char(h.check_out_time, 'HH24:MI:SS'),
           'amenities', COALESCE((SELECT jsonb_agg(jsonb_build_object('code', a.code, 'name', a.name) ORDER BY a.name, a.code)
                                    FROM hotel_amenities ha JOIN amenities a ON a.code = ha.amenity_code
                                   WHERE ha.hotel_id = h.id), '[]'::jsonb),
           'photos', COALESCE((SELECT jsonb_agg(jsonb_build_object('url', p.url, 'caption', NULL) ORDER BY p.n)
                                 FROM unnest(h.photo_urls) WITH ORDINALITY AS p(url, n)), '[]'::jsonb))
    FROM hotels h WHERE h.id = p_hotel_id
$$;

CREATE FUNCTION room_type_calendar_after_insert() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_room_type_calendar(ARRAY(SELECT DISTINCT room_type_id FROM inserted));
  RETURN NULL;
END $$;

CREATE FUNCTION room_type_calendar_after_update() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_room_type_calendar(ARRAY(SELECT room_type_id FROM updated UNION SELECT room_type_id FROM previous));
  RETURN NULL;
END $$;

CREATE FUNCTION room_type_calendar_after_delete() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_room_type_calendar(ARRAY(SELECT DISTINCT room_type_id FROM previous));
  RETURN NULL;
END $$;

CREATE FUNCTION room_type_calendar_after_truncate() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM room_type_calendar;
  RETURN NULL;
END $$;

CREATE TRIGGER inventory_calendar_insert AFTER INSERT ON inventory
  REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION room_type_calendar_after_insert();

CREATE TRIGGER inventory_calendar_update AFTER UPDATE ON inventory
  REFERENCING OLD TABLE AS previous NEW TABLE AS updated FOR EACH STATEMENT EXECUTE FUNCTION room_type_calendar_after_update();

CREATE TRIGGER inventory_calendar_delete AFTER DELETE ON inventory
  REFERENCING OLD TABLE AS previous FOR EACH STATEMENT EXECUTE FUNCTION room_type_calendar_after_delete();

CREATE TRIGGER inventory_calendar_truncate AFTER TRUNCATE ON inventory
  FOR EACH STATEMENT EXECUTE FUNCTION room_type_calendar_after_truncate();

-- Room types that already have inventory, in 32 slices: each statement stays well within the
-- Data API's 45 s on a database of 10,000 hotels with a year of inventory.
SELECT refresh_room_type_calendar(ARRAY(SELECT id FROM room_types WHERE abs(hashtext(id::text) % 32) = 0));
SELECT refresh_room_type_calendar(ARRAY(SELECT id FROM room_types WHERE abs(hashtext(id::text) % 32) = 1));
SELECT refresh_room_type_calendar(ARRAY(SELECT id FROM room_types WHERE abs(hashtext(id::text) % 32) = 2));
SELECT refresh_room_type_calendar(ARRAY(SELECT id FROM room_types WHERE abs(hashtext(id::text) % 32) = 3));
SELECT refresh_room_type_calendar(ARRAY(SELECT id FROM room_types WHERE abs(hashtext(id::text) % 32) = 4));
SELECT refresh_room_type_calendar(ARRAY(SELECT id FROM room_types WHERE abs(hashtext(id::text) % 32) = 5));
SELECT refresh_room_type_calendar(ARRAY(SELECT id FROM room_types WHERE abs(hashtext(id::text) % 32) = 6));
SELECT refresh_room_type_calendar(ARRAY(SELECT id FROM room_types WHERE abs(hashtext(id::text) % 32) = 7));
SELECT refresh_room_type_calendar(ARRAY(SELECT id FROM room_types WHERE abs(hashtext(id::text) % 32) = 8));
SELECT refresh_room_type_calendar(ARRAY(SELECT id FROM room_types WHERE abs(hashtext(id::text) % 32) = 9));
SELECT refresh_room_type_calendar(ARRAY(SELECT id FROM room_types WHERE abs(hashtext(id::text) % 32) = 10));
SELECT refresh_room_type_calendar(ARRAY(SELECT id FROM room_types WHERE abs(hashtext(id::text) % 32) = 11));
SELECT refresh_room_type_calendar(ARRAY(SELECT id FROM room_types WHERE abs(hashtext(id::text) % 32) = 12));
SELECT refresh_room_type_calendar(ARRAY(SELECT id FROM room_types WHERE abs(hashtext(id::text) % 32) = 13));
SELECT refresh_room_type_calendar(ARRAY(SELECT id FROM room_types WHERE abs(hashtext(id::text) % 32) = 14));
SELECT refresh_room_type_calendar(ARRAY(SELECT id FROM room_types WHERE abs(hashtext(id::text) % 32) = 15));
SELECT refresh_room_type_calendar(ARRAY(SELECT id FROM room_types WHERE abs(hashtext(id::text) % 32) = 16));
SELECT refresh_room_type_calendar(ARRAY(SELECT id FROM room_types WHERE abs(hashtext(id::text) % 32) = 17));
SELECT refresh_room_type_calendar(ARRAY(SELECT id FROM room_types WHERE abs(hashtext(id::text) % 32) = 18));
SELECT refresh_room_type_calendar(ARRAY(SELECT id FROM room_types WHERE abs(hashtext(id::text) % 32) = 19));
SELECT refresh_room_type_calendar(ARRAY(SELECT id FROM room_types WHERE abs(hashtext(id::text) % 32) = 20));
SELECT refresh_room_type_calendar(ARRAY(SELECT id FROM room_types WHERE abs(hashtext(id::text) % 32) = 21));
SELECT refresh_room_type_calendar(ARRAY(SELECT id FROM room_types WHERE abs(hashtext(id::text) % 32) = 22));
SELECT refresh_room_type_calendar(ARRAY(SELECT id FROM room_types WHERE abs(hashtext(id::text) % 32) = 23));
SELECT refresh_room_type_calendar(ARRAY(SELECT id FROM room_types WHERE abs(hashtext(id::text) % 32) = 24));
SELECT refresh_room_type_calendar(ARRAY(SELECT id FROM room_types WHERE abs(hashtext(id::text) % 32) = 25));
SELECT refresh_room_type_calendar(ARRAY(SELECT id FROM room_types WHERE abs(hashtext(id::text) % 32) = 26));
SELECT refresh_room_type_calendar(ARRAY(SELECT id FROM room_types WHERE abs(hashtext(id::text) % 32) = 27));
SELECT refresh_room_type_calendar(ARRAY(SELECT id FROM room_types WHERE abs(hashtext(id::text) % 32) = 28));
SELECT refresh_room_type_calendar(ARRAY(SELECT id FROM room_types WHERE abs(hashtext(id::text) % 32) = 29));
SELECT refresh_room_type_calendar(ARRAY(SELECT id FROM room_types WHERE abs(hashtext(id::text) % 32) = 30));
SELECT refresh_room_type_calendar(ARRAY(SELECT id FROM room_types WHERE abs(hashtext(id::text) % 32) = 31));
