/**
 * Loads and checks a stay: the hotel, the room type and its rate plan, and every night's rate and
 * rooms left. Shared by quote and createBooking so both price the same way.
 */
import { StayLimits } from '../shared/constants.js';
import type { SqlExecutor } from '../shared/data-api.js';
import { NotFoundError, SoldOutError, ValidationError } from '../shared/errors.js';
import type { CancellationTerms, PenaltyKind } from '../money/cancellation.js';
import { todayInZone } from '../money/zoned-time.js';

/** What to price. */
export interface StayRequest {
  hotelId: string;
  roomTypeId: string;
  checkIn: string;
  checkOut: string;
  guests: number;
}

/** Hotel, room type and rate plan columns, joined (see catalogue.ts for the GraphQL shapes). */
export interface CatalogueRow {
  hotel_id: string;
  hotel_name: string;
  hotel_description: string;
  star_rating: number;
  review_score: string | number | null;
  review_count: number;
  address: string;
  latitude: number;
  longitude: number;
  time_zone: string;
  currency: string;
  check_in_time: string;
  check_out_time: string;
  hotel_photo_urls: string[] | string;
  city_id: string;
  tax_rate_bp: number;
  fee_per_night_minor: number;
  fee_per_stay_minor: number;
  room_type_id: string;
  room_type_name: string;
  room_type_description: string;
  max_guests: number;
  beds: string;
  size_sqm: number | null;
  room_photo_urls: string[] | string;
  rate_plan_id: string;
  meal_plan: string;
  free_cancellation_hours: number | null;
  penalty_kind: PenaltyKind;
  penalty_percent: number | null;
  /** The whole GraphQL Hotel and RoomType, built by the reads part's SQL (migration 0007), so every field returns the same shape. */
  hotel_json: string;
  room_type_json: string;
}

/** The catalogue columns every money read selects (aliases h, rt, rp). */
export const CATALOGUE_COLUMNS = `
  h.id AS hotel_id, h.name AS hotel_name, h.description AS hotel_description, h.star_rating, h.review_score, h.review_count,
  h.address, h.latitude, h.longitude, h.time_zone, h.currency, h.check_in_time::text AS check_in_time, h.check_out_time::text AS check_out_time,
  array_to_json(h.photo_urls)::text AS hotel_photo_urls, h.city_id, h.tax_rate_bp, h.fee_per_night_minor, h.fee_per_stay_minor,
  rt.id AS room_type_id, rt.name AS room_type_name, rt.description AS room_type_description, rt.max_guests, rt.beds, rt.size_sqm,
  array_to_json(rt.photo_urls)::text AS room_photo_urls,
  rp.id AS rate_plan_id, rp.meal_plan, rp.free_cancellation_hours, rp.penalty_kind, rp.penalty_percent,
  api_hotel(h.id)::text AS hotel_json, api_room_type(rt.id)::text AS room_type_json`;

/** A stay that can be booked now. */
export interface Stay {
  request: StayRequest;
  catalogue: CatalogueRow;
  terms: CancellationTerms;
  /** One per night, in date order. */
  nights: { date: string; rate: number; roomsLeft: number }[];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

/** Nights between two `YYYY-MM-DD` dates. */
export function nightsBetween(checkIn: string, checkOut: string): number {
  return Math.round((Date.parse(`${checkOut}T00:00:00Z`) - Date.parse(`${checkIn}T00:00:00Z`)) / DAY_MS);
}

/** Checks the request's shape before any query. */
export function validateStayRequest(request: StayRequest): number {
  if (!DATE.test(request.checkIn) || !DATE.test(request.checkOut))
    throw new ValidationError('checkIn and checkOut must be dates (YYYY-MM-DD)');
  const nights = nightsBetween(request.checkIn, request.checkOut);
  if (!(nights >= 1)) throw new ValidationError('checkOut must be after checkIn');
  if (nights > StayLimits.MAX_NIGHTS) throw new ValidationError(`A stay is at most ${StayLimits.MAX_NIGHTS} nights`);
  if (!Number.isInteger(request.guests) || request.guests < 1) throw new ValidationError('guests must be at least 1');
  return nights;
}

/** The hotel, room type and rate plan, or NotFound (also for a room type of another hotel). */
export async function loadCatalogue(tx: SqlExecutor, hotelId: string, roomTypeId: string): Promise<CatalogueRow> {
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  if (!uuid.test(hotelId) || !uuid.test(roomTypeId)) throw new NotFoundError('No such hotel or room type');
  const [row] = await tx.query<CatalogueRow>(
    `SELECT ${CATALOGUE_COLUMNS} FROM room_types rt JOIN hotels h ON h.id = rt.hotel_id JOIN rate_plans rp ON rp.id = rt.rate_plan_id
      WHERE rt.id = :rt::uuid AND rt.hotel_id = :hotel::uuid`,
    { rt: roomTypeId, hotel: hotelId },
  );
  if (!row) throw new NotFoundError('No such room type in this hotel');
  return row;
}

/** Validates the request and loads a bookable stay; SoldOut when a night has no room or no rate. */
export async function loadStay(tx: SqlExecutor, request: StayRequest, now: Date): Promise<Stay> {
  const nightCount = validateStayRequest(request);
  const catalogue = await loadCatalogue(tx, request.hotelId, request.roomTypeId);
  if (request.checkIn < todayInZone(now, catalogue.time_zone)) throw new ValidationError("checkIn is in the past on the hotel's calendar");
  if (request.guests > catalogue.max_guests) throw new ValidationError(`This room type sleeps at most ${catalogue.max_guests} guests`);
  const rows = await tx.query<{ night: string; rate_minor: number; rooms_left: number }>(
    `SELECT night::text AS night, rate_minor, rooms_total - rooms_sold AS rooms_left FROM inventory
      WHERE room_type_id = :rt::uuid AND night >= :checkIn::date AND night < :checkOut::date ORDER BY night`,
    { rt: request.roomTypeId, checkIn: request.checkIn, checkOut: request.checkOut },
  );
  if (rows.length < nightCount || rows.some((row) => Number(row.rooms_left) <= 0)) throw new SoldOutError();
  return {
    request,
    catalogue,
    terms: {
      freeCancellationHours: catalogue.free_cancellation_hours,
      penaltyKind: catalogue.penalty_kind,
      penaltyPercent: catalogue.penalty_percent,
    },
    nights: rows.map((row) => ({ date: row.night, rate: Number(row.rate_minor), roomsLeft: Number(row.rooms_left) })),
  };
}
