-- The catalogue as the API shapes it (GraphQL `Hotel`, `RoomType`, `City`), built in SQL so that
-- a hotel comes back with its city, amenities, photos and room types in the same query that
-- found it: no query per parent, and no nested resolvers for those fields. Every resolver and
-- Lambda that returns a Hotel or a RoomType selects these functions, so the shape is defined once.

-- An instant as AWSDateTime in UTC with microseconds, e.g. 2026-11-26T15:43:55.123456Z
-- (exact, so it can also serve as a pagination cursor).
CREATE FUNCTION api_instant(ts timestamptz) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT to_char(ts AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')
$$;

-- An instant as AWSDateTime on a zone's clock with that zone's offset, e.g. 2026-12-01T15:00:00+01:00.
CREATE FUNCTION api_local_instant(ts timestamptz, zone text) RETURNS text
LANGUAGE sql STABLE STRICT PARALLEL SAFE AS $$
  SELECT to_char(ts AT TIME ZONE zone, 'YYYY-MM-DD"T"HH24:MI:SS')
         || CASE WHEN o.minutes < 0 THEN '-' ELSE '+' END
         || lpad((abs(o.minutes) / 60)::text, 2, '0') || ':' || lpad((abs(o.minutes) % 60)::text, 2, '0')
    FROM (SELECT (extract(epoch FROM (ts AT TIME ZONE zone) - (ts AT TIME ZONE 'UTC')) / 60)::int AS minutes) AS o
$$;

CREATE FUNCTION api_money(amount bigint, currency text) RETURNS jsonb
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN amount IS NULL THEN NULL ELSE jsonb_build_object('amount', amount, 'currency', currency) END
$$;

-- "Cheapest base rate first" (Hotel.roomTypes): the lowest nightly rate over the next 30 nights
-- from today (UTC); room types with no rate in that window sort last.
CREATE FUNCTION room_type_base_rate(p_room_type_id uuid) RETURNS bigint
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT min(i.rate_minor) FROM inventory i
   WHERE i.room_type_id = p_room_type_id AND i.night >= current_date AND i.night < current_date + 30
$$;

CREATE FUNCTION api_room_type(p_room_type_id uuid) RETURNS jsonb
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT jsonb_build_object(
           'id', r.id, 'hotelId', r.hotel_id, 'name', r.name, 'description', NULLIF(r.description, ''),
           'maxGuests', r.max_guests, 'beds', r.beds, 'sizeSqm', r.size_sqm,
           'photos', COALESCE((SELECT jsonb_agg(jsonb_build_object('url', p.url, 'caption', NULL) ORDER BY p.n)
                                 FROM unnest(r.photo_urls) WITH ORDINALITY AS p(url, n)), '[]'::jsonb),
           'mealPlan', rp.meal_plan,
           'cancellationTerms', jsonb_build_object('freeCancellationHours', rp.free_cancellation_hours,
                                                   'penaltyKind', rp.penalty_kind, 'penaltyPercent', rp.penalty_percent))
    FROM room_types r JOIN rate_plans rp ON rp.id = r.rate_plan_id
   WHERE r.id = p_room_type_id
$$;

CREATE FUNCTION api_city(p_city_id uuid) RETURNS jsonb
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT jsonb_build_object('id', c.id, 'name', c.name, 'countryCode', c.country_code,
                            'location', jsonb_build_object('latitude', c.latitude, 'longitude', c.longitude),
                            'timeZone', c.time_zone)
    FROM cities c WHERE c.id = p_city_id
$$;

-- A whole Hotel: every field but `availability` (which takes arguments and has its resolver).
CREATE FUNCTION api_hotel(p_hotel_id uuid) RETURNS jsonb
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
                                 FROM unnest(h.photo_urls) WITH ORDINALITY AS p(url, n)), '[]'::jsonb),
           'roomTypes', COALESCE((SELECT jsonb_agg(api_room_type(r.id) ORDER BY room_type_base_rate(r.id) NULLS LAST, r.name, r.id)
                                    FROM room_types r WHERE r.hotel_id = h.id), '[]'::jsonb))
    FROM hotels h WHERE h.id = p_hotel_id
$$;
