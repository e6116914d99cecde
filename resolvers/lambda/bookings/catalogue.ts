/**
 * Catalogue rows as the GraphQL Hotel and RoomType objects a money field returns: the reads part's
 * `api_hotel` / `api_room_type` (migration 0007), so a Quote's or a Booking's hotel has every field
 * (city, amenities, room types) exactly as `hotel(id)` returns it; `Hotel.availability` keeps its
 * own resolver.
 */
import type { Hotel, RoomType } from '../../../generated/graphql.js';
import type { CatalogueRow } from './stay.js';

/** The whole Hotel but its availability (a resolver of its own, with arguments). */
export function toHotel(row: Pick<CatalogueRow, 'hotel_json'>): Omit<Hotel, 'availability'> {
  return JSON.parse(row.hotel_json);
}

/** The whole RoomType with its meal plan and cancellation terms. */
export function toRoomType(row: Pick<CatalogueRow, 'room_type_json'>): RoomType {
  return JSON.parse(row.room_type_json);
}
