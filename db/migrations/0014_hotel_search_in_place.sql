-- The hotel_search rows of the place a search looks at: a city's hotels, or the hotels inside a
-- box around a point (whichever the caller gives; both give both, without repeats). It is what
-- Query.searchHotels filtered with `city_id = :city OR point <@ box(...)`, moved behind a call so
-- that PostgreSQL can reuse one plan of the search for every call. A statement run as a prepared
-- statement is planned for its parameters on its first calls, then with a plan for any
-- parameters if that plan costs no more. With the condition in the statement, a search near a
-- point never qualified: planned for its own parameters the city half of the OR drops out, and
-- the plan for any parameters must keep it, so each call paid 1.5-3 ms of planning. The
-- function's own two queries are simple; it returns what the search filters on (not summary).
CREATE FUNCTION hotel_search_in_place(p_city_id uuid, p_west double precision, p_south double precision,
                                      p_east double precision, p_north double precision)
RETURNS TABLE (hotel_id uuid, city_id uuid, latitude double precision, longitude double precision,
               star_rating smallint, currency char(3), review_score numeric(3,1), time_zone text,
               amenity_codes text[], min_rate_for_guests bigint[])
LANGUAGE plpgsql STABLE PARALLEL SAFE ROWS 200 AS $$
BEGIN
  IF p_city_id IS NOT NULL THEN
    RETURN QUERY
      SELECT hs.hotel_id, hs.city_id, hs.latitude, hs.longitude, hs.star_rating, hs.currency, hs.review_score,
             hs.time_zone, hs.amenity_codes, hs.min_rate_for_guests
        FROM hotel_search hs
       WHERE hs.city_id = p_city_id;
  END IF;
  IF p_west IS NOT NULL AND p_south IS NOT NULL AND p_east IS NOT NULL AND p_north IS NOT NULL THEN
    RETURN QUERY
      SELECT hs.hotel_id, hs.city_id, hs.latitude, hs.longitude, hs.star_rating, hs.currency, hs.review_score,
             hs.time_zone, hs.amenity_codes, hs.min_rate_for_guests
        FROM hotel_search hs
       WHERE point(hs.longitude, hs.latitude) <@ box(point(p_west, p_south), point(p_east, p_north))
         AND hs.city_id IS DISTINCT FROM p_city_id;
  END IF;
END $$;
