-- The account side as the API shapes it (GraphQL `Booking`, `HotelList`), built in SQL for the
-- same reason as 0007: one query per field, nested objects included, one definition of the shape.

-- The cancellation policy sentence, e.g.
-- "Free cancellation until 1 Dec 15:00 (hotel time), then 50% of the room total."
CREATE FUNCTION api_policy_summary(deadline timestamptz, zone text, penalty_kind text, penalty_percent integer) RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN deadline IS NULL THEN 'Non-refundable: cancelling keeps '
              ELSE 'Free cancellation until ' || to_char(deadline AT TIME ZONE zone, 'FMDD Mon HH24:MI') || ' (hotel time), then ' END
         || CASE penalty_kind
              WHEN 'FIRST_NIGHT' THEN 'the first night''s rate.'
              WHEN 'PERCENT_OF_STAY' THEN penalty_percent || '% of the room total.'
              ELSE 'the whole room total.' END
$$;

-- A whole Booking. Price fields are in the hotel's currency, credit and cashback fields in the
-- credit ledger's currency. What a booking and its cancellation settled comes from the columns
-- the MONEY part writes (migration 0010: credits_value_minor, cancellation_free,
-- credits_returned_minor, cashback_reversed_minor, refund_deducted_minor). PL/pgSQL because those
-- columns are added after this file runs: a PL/pgSQL body is resolved when called, not when created.
CREATE FUNCTION api_booking(p_booking_id uuid) RETURNS jsonb
LANGUAGE plpgsql STABLE PARALLEL SAFE AS $$
BEGIN
  RETURN (
  SELECT jsonb_build_object(
           'id', b.id, 'userId', u.cognito_sub, 'status', b.status,
           'hotel', api_hotel(b.hotel_id), 'roomType', api_room_type(b.room_type_id),
           'checkIn', b.check_in::text, 'checkOut', b.check_out::text, 'nights', b.check_out - b.check_in,
           'guests', b.guests,
           'nightlyRates', COALESCE((SELECT jsonb_agg(jsonb_build_object('date', n.night::text, 'rate', api_money(n.rate_minor, b.currency)) ORDER BY n.night)
                                       FROM booking_nights n WHERE n.booking_id = b.id), '[]'::jsonb),
           'roomTotal', api_money(b.room_total_minor, b.currency),
           'taxesAndFeesTotal', api_money(b.taxes_minor + b.fees_minor, b.currency),
           'total', api_money(b.total_minor, b.currency),
           'creditsApplied', api_money(b.credits_applied_minor, b.credit_currency),
           'amountCharged', api_money(b.total_minor - b.credits_value_minor, b.currency),
           'cashbackEarned', api_money(b.cashback_earned_minor, b.credit_currency),
           'cancellationPolicy', jsonb_build_object(
               'freeUntil', api_local_instant(b.cancellation_deadline, h.time_zone),
               'timeZone', h.time_zone,
               'penalty', api_money(b.cancellation_penalty_minor, b.currency),
               'summary', api_policy_summary(b.cancellation_deadline, h.time_zone, rp.penalty_kind, rp.penalty_percent)),
           'cancellation', CASE WHEN b.status <> 'CANCELLED' THEN NULL ELSE jsonb_build_object(
               'cancelledAt', api_instant(b.cancelled_at),
               'free', COALESCE(b.cancellation_free, false),
               'penalty', api_money(CASE WHEN b.cancellation_free THEN 0 ELSE b.cancellation_penalty_minor END, b.currency),
               'creditsReturned', api_money(COALESCE(b.credits_returned_minor, 0), b.credit_currency),
               'cashbackReversed', api_money(COALESCE(b.cashback_reversed_minor, 0), b.credit_currency),
               'deductedFromRefund', api_money(COALESCE(b.refund_deducted_minor, 0), b.currency),
               'refund', api_money(COALESCE(b.refund_minor, 0), b.currency)) END,
           'createdAt', api_instant(b.created_at), 'updatedAt', api_instant(b.updated_at))
    FROM bookings b
    JOIN users u ON u.id = b.user_id
    JOIN hotels h ON h.id = b.hotel_id
    JOIN rate_plans rp ON rp.id = b.rate_plan_id
   WHERE b.id = p_booking_id);
END
$$;

-- A whole HotelList, its hotels most recently added first.
CREATE FUNCTION api_list(p_list_id uuid) RETURNS jsonb
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT jsonb_build_object(
           'id', l.id, 'name', l.name,
           'hotels', COALESCE((SELECT jsonb_agg(api_hotel(lh.hotel_id) ORDER BY lh.added_at DESC, lh.hotel_id)
                                 FROM list_hotels lh WHERE lh.list_id = l.id), '[]'::jsonb),
           'createdAt', api_instant(l.created_at), 'updatedAt', api_instant(l.updated_at))
    FROM lists l WHERE l.id = p_list_id
$$;
