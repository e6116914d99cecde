/** Row shapes the seed generator produces; keys are the SQL column names. */

export interface CityRow {
  id: string;
  name: string;
  country_code: string;
  country_name: string;
  latitude: number;
  longitude: number;
  time_zone: string;
  currency: string;
}

export interface HotelRow {
  id: string;
  city_id: string;
  name: string;
  description: string;
  address: string;
  latitude: number;
  longitude: number;
  star_rating: number;
  time_zone: string;
  currency: string;
  tax_rate_bp: number;
  fee_per_night_minor: number;
  fee_per_stay_minor: number;
  photo_urls: string[];
  check_in_time: string;
  check_out_time: string;
  review_score: number;
  review_count: number;
  created_at: string;
}

export interface RatePlanRow {
  id: string;
  hotel_id: string;
  code: string;
  name: string;
  meal_plan: string;
  free_cancellation_hours: number | null;
  penalty_kind: 'FIRST_NIGHT' | 'PERCENT_OF_STAY' | 'FULL_STAY';
  penalty_percent: number | null;
}

export interface RoomTypeRow {
  id: string;
  hotel_id: string;
  rate_plan_id: string;
  name: string;
  description: string;
  max_guests: number;
  beds: string;
  bed_count: number;
  size_sqm: number;
  photo_urls: string[];
}

/** What the inventory SQL needs to price and fill one room type's nights. */
export interface RoomTypePricing {
  id: string;
  /** Base nightly rate, minor units. */
  base: number;
  /** Rates are rounded to a multiple of this many minor units. */
  step: number;
  total: number;
  currency: string;
  /** Day of year of the price peak. */
  peak: number;
  /** Seasonal amplitude (0.1 = ±10%). */
  amp: number;
  /** Multipliers for Friday/Saturday nights and for the other nights. */
  weekend: number;
  weekday: number;
}

/** The generated catalogue. */
export interface Catalogue {
  cities: CityRow[];
  hotels: HotelRow[];
  ratePlans: RatePlanRow[];
  roomTypes: RoomTypeRow[];
  hotelAmenities: { hotel_id: string; amenity_code: string }[];
  /** Pricing per room type, in hotel order (inventory is generated from it). */
  pricing: RoomTypePricing[];
}
