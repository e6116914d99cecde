/** Writes the generated catalogue (everything but inventory) through the Data API. */
import type { DataApiTarget } from '../../platform/data-api/types.js';
import { AMENITIES } from './data/catalogue-words.js';
import { insertRows, type Column } from './sql.js';
import type { Catalogue } from './types.js';

const CITY_COLUMNS: Column[] = [
  ['id', 'uuid'],
  ['name', 'text'],
  ['country_code', 'text'],
  ['country_name', 'text'],
  ['latitude', 'float8'],
  ['longitude', 'float8'],
  ['time_zone', 'text'],
  ['currency', 'text'],
];
const HOTEL_COLUMNS: Column[] = [
  ['id', 'uuid'],
  ['city_id', 'uuid'],
  ['name', 'text'],
  ['description', 'text'],
  ['address', 'text'],
  ['latitude', 'float8'],
  ['longitude', 'float8'],
  ['star_rating', 'smallint'],
  ['time_zone', 'text'],
  ['currency', 'text'],
  ['tax_rate_bp', 'int'],
  ['fee_per_night_minor', 'bigint'],
  ['fee_per_stay_minor', 'bigint'],
  ['photo_urls', 'text[]'],
  ['check_in_time', 'time'],
  ['check_out_time', 'time'],
  ['review_score', 'numeric'],
  ['review_count', 'int'],
  ['created_at', 'timestamptz'],
  ['updated_at', 'timestamptz'],
];
const RATE_PLAN_COLUMNS: Column[] = [
  ['id', 'uuid'],
  ['hotel_id', 'uuid'],
  ['code', 'text'],
  ['name', 'text'],
  ['meal_plan', 'text'],
  ['free_cancellation_hours', 'int'],
  ['penalty_kind', 'text'],
  ['penalty_percent', 'smallint'],
];
const ROOM_TYPE_COLUMNS: Column[] = [
  ['id', 'uuid'],
  ['hotel_id', 'uuid'],
  ['rate_plan_id', 'uuid'],
  ['name', 'text'],
  ['description', 'text'],
  ['max_guests', 'smallint'],
  ['beds', 'text'],
  ['bed_count', 'smallint'],
  ['size_sqm', 'smallint'],
  ['photo_urls', 'text[]'],
];

/** Inserts amenities, cities, hotels, rate plans, room types and hotel amenities. */
export async function insertCatalogue(target: DataApiTarget, catalogue: Catalogue, log: (line: string) => void): Promise<void> {
  await insertRows(
    target,
    'amenities',
    [
      ['code', 'text'],
      ['name', 'text'],
      ['category', 'text'],
    ],
    AMENITIES.map(({ code, name, category }) => ({ code, name, category })),
  );
  await insertRows(target, 'cities', CITY_COLUMNS, catalogue.cities);
  log(`cities: ${catalogue.cities.length}, amenities: ${AMENITIES.length}`);
  const hotels = catalogue.hotels.map((hotel) => ({ ...hotel, updated_at: hotel.created_at }));
  await insertRows(target, 'hotels', HOTEL_COLUMNS, hotels, (done) => log(`hotels: ${done}/${hotels.length}`));
  await insertRows(target, 'rate_plans', RATE_PLAN_COLUMNS, catalogue.ratePlans);
  await insertRows(target, 'room_types', ROOM_TYPE_COLUMNS, catalogue.roomTypes, (done) =>
    log(`room types: ${done}/${catalogue.roomTypes.length}`),
  );
  await insertRows(
    target,
    'hotel_amenities',
    [
      ['hotel_id', 'uuid'],
      ['amenity_code', 'text'],
    ],
    catalogue.hotelAmenities,
  );
  log(`rate plans: ${catalogue.ratePlans.length}, hotel amenities: ${catalogue.hotelAmenities.length}`);
}
