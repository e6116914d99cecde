/** Generates cities, hotels, rate plans, room types and amenities from a seeded PRNG. */
import { CITIES, minorPerMajor, type CityData } from './data/cities.js';
import {
  AMENITIES,
  BRANDS,
  DESCRIPTION_OPENERS,
  DESCRIPTION_SIGHTS,
  DISTRICTS,
  NAME_ADJECTIVES,
  NAME_KINDS,
  NAME_NOUNS,
  ROOM_TEMPLATES,
  STAR_PRICE_FACTOR,
  STREETS,
} from './data/catalogue-words.js';
import type { Prng } from './prng.js';
import type { Catalogue, CityRow, HotelRow, RatePlanRow, RoomTypePricing, RoomTypeRow } from './types.js';
import { addDays, timestamp } from './dates.js';

const EARTH_KM_PER_DEGREE = 111.32;
const STAR_WEIGHTS = [
  { value: 1, weight: 5 },
  { value: 2, weight: 15 },
  { value: 3, weight: 35 },
  { value: 4, weight: 30 },
  { value: 5, weight: 15 },
];

/**
 * Builds the catalogue: `hotelCount` hotels spread over the cities by weight (the first hotels
 * go one per city, US cities first, so even a tiny seed has a hotel everywhere).
 */
export function generateCatalogue(prng: Prng, newId: () => string, hotelCount: number, startDate: string): Catalogue {
  const cities: CityRow[] = CITIES.map((city) => ({
    id: newId(),
    name: city.name,
    country_code: city.countryCode,
    country_name: city.countryName,
    latitude: city.latitude,
    longitude: city.longitude,
    time_zone: city.timeZone,
    currency: city.currency,
  }));
  const catalogue: Catalogue = { cities, hotels: [], ratePlans: [], roomTypes: [], hotelAmenities: [], pricing: [] };
  const cityChoices = CITIES.map((city, index) => ({ value: index, weight: city.weight }));
  for (let i = 0; i < hotelCount; i++) {
    const cityIndex = i < CITIES.length ? i : prng.weighted(cityChoices);
    addHotel(prng, newId, catalogue, CITIES[cityIndex] as CityData, cities[cityIndex] as CityRow, startDate);
  }
  return catalogue;
}

function addHotel(prng: Prng, newId: () => string, out: Catalogue, city: CityData, cityRow: CityRow, startDate: string): void {
  const id = newId();
  const star = prng.weighted(STAR_WEIGHTS);
  const [latitude, longitude] = nearby(prng, city, star >= 4 ? 4 : 8);
  const minor = minorPerMajor(city.currency);
  const hotelFactor = 0.85 + prng.next() * 0.3;
  const standardRate = city.typicalRate * minor * STAR_PRICE_FACTOR[star as 1] * hotelFactor;
  const hotel: HotelRow = {
    id,
    city_id: cityRow.id,
    name: hotelName(prng, city, star),
    description: `${prng.pick(DESCRIPTION_OPENERS)} ${prng.pick(DESCRIPTION_SIGHTS)} in ${city.name}.`,
    address: `${prng.int(1, 240)} ${prng.pick(STREETS)}, ${prng.pick(DISTRICTS)}, ${city.name}`,
    latitude,
    longitude,
    star_rating: star,
    time_zone: city.timeZone,
    currency: city.currency,
    tax_rate_bp: city.taxRateBp,
    // Urban/resort fees are mostly a North American 4-5 star habit.
    fee_per_night_minor: star >= 4 && city.currency === 'USD' && prng.chance(0.6) ? prng.int(15, 45) * minor : 0,
    fee_per_stay_minor: prng.chance(0.08) ? roundTo(standardRate * 0.15, rateStep(standardRate)) : 0,
    photo_urls: Array.from({ length: prng.int(3, 6) }, (_, n) => photoUrl(id, n)),
    check_in_time: prng.pick(['14:00', '15:00', '15:00', '16:00']),
    check_out_time: prng.pick(['10:00', '11:00', '11:00', '12:00']),
    review_score: Math.round(Math.min(9.8, 5.6 + star * 0.6 + prng.next() * 1.6) * 10) / 10,
    review_count: prng.int(12, 400) * star,
    created_at: timestamp(addDays(startDate, -prng.int(200, 2000)), prng.int(0, 86399)),
  };
  out.hotels.push(hotel);
  const plans = ratePlans(prng, newId, id, star);
  out.ratePlans.push(...plans);
  for (const amenity of AMENITIES) {
    const p = amenity.oneStar + ((amenity.fiveStar - amenity.oneStar) * (star - 1)) / 4;
    if (prng.chance(p)) out.hotelAmenities.push({ hotel_id: id, amenity_code: amenity.code });
  }
  const typeCount = prng.int(2, star >= 4 ? 6 : 4);
  const first = prng.int(0, 1);
  const templates = ROOM_TEMPLATES.slice(first, first + typeCount + (star === 5 ? 1 : 0)).slice(0, typeCount);
  for (const template of templates) {
    const roomId = newId();
    const plan = prng.chance(0.25) ? (plans[1] as RatePlanRow) : (plans[0] as RatePlanRow);
    const base = standardRate * template.priceFactor;
    const step = rateStep(base);
    const room: RoomTypeRow = {
      id: roomId,
      hotel_id: id,
      rate_plan_id: plan.id,
      name: template.name,
      description: `${template.sizeSqm} m², ${template.beds}, sleeps ${template.maxGuests}.`,
      max_guests: template.maxGuests,
      beds: template.beds,
      bed_count: template.bedCount,
      size_sqm: template.sizeSqm,
      photo_urls: Array.from({ length: 2 }, (_, n) => photoUrl(roomId, n)),
    };
    out.roomTypes.push(room);
    out.pricing.push(pricing(prng, city, roomId, Math.max(step, roundTo(base, step)), step, roomsFor(prng, template.rooms, star)));
  }
}

function ratePlans(prng: Prng, newId: () => string, hotelId: string, star: number): RatePlanRow[] {
  const percent = prng.chance(0.3);
  return [
    {
      id: newId(),
      hotel_id: hotelId,
      code: 'FLEX',
      name: 'Flexible rate',
      meal_plan: star >= 4 && prng.chance(0.5) ? 'BREAKFAST' : 'ROOM_ONLY',
      free_cancellation_hours: prng.pick([24, 48, 48, 72]),
      penalty_kind: percent ? 'PERCENT_OF_STAY' : 'FIRST_NIGHT',
      penalty_percent: percent ? prng.pick([25, 50]) : null,
    },
    {
      id: newId(),
      hotel_id: hotelId,
      code: 'NONREF',
      name: 'Non-refundable rate',
      meal_plan: 'ROOM_ONLY',
      free_cancellation_hours: null,
      penalty_kind: 'FULL_STAY',
      penalty_percent: null,
    },
  ];
}

function pricing(prng: Prng, city: CityData, id: string, base: number, step: number, total: number): RoomTypePricing {
  const tropical = Math.abs(city.latitude) < 23.5;
  const north = city.latitude > 0;
  const pattern = { business: [0.88, 1.1], leisure: [1.2, 0.95], mixed: [1.08, 1] }[city.kind];
  return {
    id,
    base,
    step,
    total,
    currency: city.currency,
    peak: tropical ? 40 : north ? 196 : 15,
    amp: (tropical ? 0.1 : city.kind === 'business' ? 0.1 : 0.22) * (0.8 + prng.next() * 0.4),
    weekend: pattern[0] as number,
    weekday: pattern[1] as number,
  };
}

function roomsFor(prng: Prng, [min, max]: readonly [number, number], star: number): number {
  const scale = star <= 2 ? 0.6 : star === 5 ? 1.3 : 1;
  return Math.max(1, Math.round(prng.int(min, max) * scale));
}

function hotelName(prng: Prng, city: CityData, star: number): string {
  const style = prng.int(0, 3);
  if (style === 0) return `${prng.pick(BRANDS)} ${city.name} ${prng.pick(DISTRICTS)}`;
  if (style === 1 && star >= 4) return `The Grand ${prng.pick(NAME_NOUNS)} ${city.name}`;
  const kinds = star <= 2 ? NAME_KINDS : NAME_KINDS.filter((kind) => kind !== 'Hostel');
  return `The ${prng.pick(NAME_ADJECTIVES)} ${prng.pick(NAME_NOUNS)} ${prng.pick(kinds)}`;
}

/** A point within `radiusKm` of the city centre, uniform over the disc. */
function nearby(prng: Prng, city: CityData, radiusKm: number): [number, number] {
  const distance = radiusKm * Math.sqrt(prng.next());
  const angle = prng.next() * 2 * Math.PI;
  const lat = city.latitude + (distance * Math.cos(angle)) / EARTH_KM_PER_DEGREE;
  const lon = city.longitude + (distance * Math.sin(angle)) / (EARTH_KM_PER_DEGREE * Math.cos((city.latitude * Math.PI) / 180));
  return [Math.round(lat * 1e6) / 1e6, Math.round(lon * 1e6) / 1e6];
}

/** A "nice" rounding step: about 1% of the amount, a power of ten (USD 260.00 → 100 = $1). */
function rateStep(amountMinor: number): number {
  return 10 ** Math.max(0, Math.floor(Math.log10(Math.max(1, amountMinor))) - 2);
}

function roundTo(value: number, step: number): number {
  return Math.round(value / step) * step;
}

function photoUrl(id: string, index: number): string {
  return `https://picsum.photos/seed/roam-${id.slice(-12)}-${index}/1200/800`;
}
