/** Catalogue rows as the GraphQL Hotel and RoomType objects a money field returns. */
import type { CatalogueRow } from './stay.js';

function photos(value: string[] | string): { url: string; caption: null }[] {
  const urls = typeof value === 'string' ? (JSON.parse(value) as string[]) : value;
  return (urls ?? []).map((url) => ({ url, caption: null }));
}

/**
 * The hotel's own fields; nested lists (city, amenities, room types, availability) are for the
 * Hotel.* field resolvers of the reads part, which get `cityId` from here.
 */
export function toHotel(row: CatalogueRow) {
  return {
    id: row.hotel_id,
    name: row.hotel_name,
    description: row.hotel_description || null,
    stars: Number(row.star_rating),
    rating: row.review_score === null ? null : Number(row.review_score),
    reviewCount: Number(row.review_count),
    address: row.address,
    location: { latitude: Number(row.latitude), longitude: Number(row.longitude) },
    timeZone: row.time_zone,
    currency: row.currency.trim(),
    checkInTime: row.check_in_time,
    checkOutTime: row.check_out_time,
    photos: photos(row.hotel_photo_urls),
    cityId: row.city_id,
  };
}

/** The room type with its meal plan and cancellation terms. */
export function toRoomType(row: CatalogueRow) {
  return {
    id: row.room_type_id,
    hotelId: row.hotel_id,
    name: row.room_type_name,
    description: row.room_type_description || null,
    maxGuests: Number(row.max_guests),
    beds: row.beds,
    sizeSqm: row.size_sqm === null ? null : Number(row.size_sqm),
    photos: photos(row.room_photo_urls),
    mealPlan: row.meal_plan,
    cancellationTerms: { freeCancellationHours: row.free_cancellation_hours, penaltyKind: row.penalty_kind, penaltyPercent: row.penalty_percent },
  };
}
