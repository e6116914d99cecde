/**
 * searchHotels: validates the input and turns it into the SQL parameters (everything but the
 * check-in-in-the-past rule, which needs the place's time zone and so waits for the database).
 */
import { ReadLimits } from './constants.js';
import { CursorPatterns, decodeCursor, encodeCursor } from './cursor.js';
import { assertGuests, invalid, isUuid, notFound, pageLimit, stayNights } from './validation.js';
import { util } from '@aws-appsync/utils';

/** HotelSearchInput as the resolver receives it. */
export interface SearchInput {
  near?: { location: { latitude: number; longitude: number }; radiusKm?: number | null } | null;
  cityId?: string | null;
  checkIn: string;
  checkOut: string;
  guests: number;
  filters?: {
    price?: { currency: string; minPerNight?: number | null; maxPerNight?: number | null } | null;
    minStars?: number | null;
    amenities?: string[] | null;
  } | null;
  sort?: 'DISTANCE' | 'PRICE' | 'RATING' | null;
}

/** The normalised search: SQL parameters, in a fixed key order so it can fingerprint a token. */
export interface SearchParams {
  cityId: string | null;
  lat: number | null;
  lon: number | null;
  radiusKm: number | null;
  /** Bounding box of the radius, degrees (null in a city search). */
  south: number | null;
  north: number | null;
  west: number | null;
  east: number | null;
  checkIn: string;
  checkOut: string;
  nights: number;
  guests: number;
  minStars: number;
  amenities: string;
  amenityCount: number;
  priceCurrency: string | null;
  minTotal: number | null;
  maxTotal: number | null;
  sort: string;
}

const KM_PER_DEGREE = 111.045;

function place(input: SearchInput): Pick<SearchParams, 'cityId' | 'lat' | 'lon' | 'radiusKm' | 'south' | 'north' | 'west' | 'east'> {
  const near = input.near ?? null;
  const cityId = input.cityId ?? null;
  if ((near === null) === (cityId === null)) {
    return invalid('Give exactly one of near and cityId');
  }
  if (cityId !== null) {
    if (!isUuid(cityId)) {
      notFound(`No city with id ${cityId}`);
    }
    return { cityId: cityId.toLowerCase(), lat: null, lon: null, radiusKm: null, south: null, north: null, west: null, east: null };
  }
  const point = near as NonNullable<SearchInput['near']>;
  const { latitude, longitude } = point.location;
  const radiusKm = point.radiusKm ?? ReadLimits.DEFAULT_RADIUS_KM;
  if (latitude < -90 || latitude > 90 || longitude < -180 || longitude > 180) {
    invalid('near.location must have latitude -90..90 and longitude -180..180');
  }
  if (!(radiusKm > 0) || radiusKm > ReadLimits.MAX_RADIUS_KM) {
    invalid(`near.radiusKm must be above 0 and at most ${ReadLimits.MAX_RADIUS_KM} (got ${radiusKm})`);
  }
  // The box only narrows the candidates for the GiST index; the haversine distance decides.
  const dLat = radiusKm / KM_PER_DEGREE;
  const dLon = radiusKm / (KM_PER_DEGREE * Math.max(Math.cos((latitude * Math.PI) / 180), 0.01));
  return {
    cityId: null,
    lat: latitude,
    lon: longitude,
    radiusKm,
    south: latitude - dLat,
    north: latitude + dLat,
    west: longitude - dLon,
    east: longitude + dLon,
  };
}

/** Validates a HotelSearchInput (ValidationError / NotFound) and returns its SQL parameters. */
export function searchParams(input: SearchInput): SearchParams {
  const where = place(input);
  const nights = stayNights(input.checkIn, input.checkOut);
  assertGuests(input.guests);
  const filters = input.filters ?? {};
  const minStars = filters.minStars ?? 1;
  if (minStars < 1 || minStars > 5) {
    invalid(`filters.minStars must be from 1 to 5 (got ${minStars})`);
  }
  const amenities = filters.amenities ?? [];
  if (amenities.length > ReadLimits.MAX_AMENITY_FILTERS) {
    invalid(`filters.amenities takes at most ${ReadLimits.MAX_AMENITY_FILTERS} codes`);
  }
  const distinctAmenities = amenities.filter((code, i) => amenities.indexOf(code) === i).sort();
  const price = filters.price ?? null;
  if (price !== null) {
    if (!util.matches('[A-Z]{3}', price.currency)) {
      invalid(`filters.price.currency must be an ISO 4217 code (got ${price.currency})`);
    }
    const low = price.minPerNight ?? 0;
    if (low < 0 || (price.maxPerNight !== null && price.maxPerNight !== undefined && price.maxPerNight < low)) {
      invalid('filters.price needs 0 <= minPerNight <= maxPerNight');
    }
  }
  return {
    ...where,
    checkIn: input.checkIn,
    checkOut: input.checkOut,
    nights,
    guests: input.guests,
    minStars,
    amenities: JSON.stringify(distinctAmenities),
    amenityCount: distinctAmenities.length,
    priceCurrency: price === null ? null : price.currency,
    minTotal: price === null || price.minPerNight === null || price.minPerNight === undefined ? null : price.minPerNight * nights,
    maxTotal: price === null || price.maxPerNight === null || price.maxPerNight === undefined ? null : price.maxPerNight * nights,
    sort: input.sort ?? 'DISTANCE',
  };
}

/** Where the next page starts: after (sortKey, hotelId) in (sort_key, id) order. */
export interface SearchAfter {
  sortKey: number | null;
  hotelId: string | null;
}

/** The fingerprint binds a token to its search, so a token from another search is refused. */
function fingerprint(params: SearchParams): string {
  return util.base64Encode(JSON.stringify(params));
}

/** Decodes `nextToken` (null → first page); a token of another search is a ValidationError. */
export function searchAfter(nextToken: string | null | undefined, params: SearchParams): SearchAfter {
  if (nextToken === null || nextToken === undefined) {
    return { sortKey: null, hotelId: null };
  }
  const [sortKey, hotelId, print] = decodeCursor(nextToken, [CursorPatterns.INTEGER, CursorPatterns.UUID, CursorPatterns.BASE64]);
  if (print !== fingerprint(params)) {
    invalid('nextToken belongs to another search');
  }
  return { sortKey: Number(sortKey), hotelId: hotelId as string };
}

/** The token for the page after the row with this (sortKey, hotelId). */
export function searchToken(sortKey: number, hotelId: string, params: SearchParams): string {
  return encodeCursor([String(sortKey), hotelId, fingerprint(params)]);
}

/** Page size for searchHotels(limit). */
export function searchLimit(limit: number | null | undefined): number {
  return pageLimit(limit, ReadLimits.DEFAULT_PAGE, ReadLimits.MAX_PAGE);
}
