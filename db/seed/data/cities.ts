/**
 * Real cities with their centre coordinates (WGS84), IANA time zone and currency, plus the
 * numbers the generator prices from: a typical 3-star nightly rate in the local currency, the
 * usual tax on the room rate (basis points, approximate), and whether the city is mostly a
 * business or a leisure destination (which decides the weekday/weekend price pattern).
 * US cities come first: the seeded users' bookings are in US dollars and take the first hotels.
 */
export interface CityData {
  name: string;
  countryCode: string;
  countryName: string;
  latitude: number;
  longitude: number;
  timeZone: string;
  currency: string;
  /** A typical 3-star nightly rate, in major units of `currency`. */
  typicalRate: number;
  taxRateBp: number;
  kind: 'business' | 'leisure' | 'mixed';
  /** Relative share of the hotels. */
  weight: number;
}

type Row = [string, string, string, number, number, string, string, number, number, CityData['kind'], number];

const ROWS: Row[] = [
  ['New York', 'US', 'United States', 40.7128, -74.006, 'America/New_York', 'USD', 260, 1475, 'business', 3],
  ['San Francisco', 'US', 'United States', 37.7749, -122.4194, 'America/Los_Angeles', 'USD', 230, 1400, 'business', 2],
  ['Los Angeles', 'US', 'United States', 34.0522, -118.2437, 'America/Los_Angeles', 'USD', 200, 1570, 'leisure', 2],
  ['Chicago', 'US', 'United States', 41.8781, -87.6298, 'America/Chicago', 'USD', 190, 1740, 'business', 2],
  ['Miami', 'US', 'United States', 25.7617, -80.1918, 'America/New_York', 'USD', 210, 1300, 'leisure', 2],
  ['Honolulu', 'US', 'United States', 21.3069, -157.8583, 'Pacific/Honolulu', 'USD', 280, 1796, 'leisure', 1],
  ['Denver', 'US', 'United States', 39.7392, -104.9903, 'America/Denver', 'USD', 160, 1475, 'mixed', 1],
  ['Toronto', 'CA', 'Canada', 43.6532, -79.3832, 'America/Toronto', 'CAD', 220, 1300, 'business', 2],
  ['Vancouver', 'CA', 'Canada', 49.2827, -123.1207, 'America/Vancouver', 'CAD', 240, 1600, 'leisure', 1],
  ['Mexico City', 'MX', 'Mexico', 19.4326, -99.1332, 'America/Mexico_City', 'MXN', 2200, 1900, 'mixed', 2],
  ['Cancún', 'MX', 'Mexico', 21.1619, -86.8515, 'America/Cancun', 'MXN', 3000, 1900, 'leisure', 1],
  ['Rio de Janeiro', 'BR', 'Brazil', -22.9068, -43.1729, 'America/Sao_Paulo', 'BRL', 550, 500, 'leisure', 2],
  ['São Paulo', 'BR', 'Brazil', -23.5505, -46.6333, 'America/Sao_Paulo', 'BRL', 480, 500, 'business', 2],
  ['Lima', 'PE', 'Peru', -12.0464, -77.0428, 'America/Lima', 'PEN', 380, 1800, 'mixed', 1],
  ['Santiago', 'CL', 'Chile', -33.4489, -70.6693, 'America/Santiago', 'CLP', 85000, 1900, 'business', 1],
  ['London', 'GB', 'United Kingdom', 51.5074, -0.1278, 'Europe/London', 'GBP', 190, 2000, 'business', 3],
  ['Paris', 'FR', 'France', 48.8566, 2.3522, 'Europe/Paris', 'EUR', 210, 1000, 'mixed', 3],
  ['Rome', 'IT', 'Italy', 41.9028, 12.4964, 'Europe/Rome', 'EUR', 170, 1000, 'leisure', 2],
  ['Barcelona', 'ES', 'Spain', 41.3874, 2.1686, 'Europe/Madrid', 'EUR', 170, 1000, 'leisure', 2],
  ['Amsterdam', 'NL', 'Netherlands', 52.3676, 4.9041, 'Europe/Amsterdam', 'EUR', 200, 2150, 'mixed', 2],
  ['Berlin', 'DE', 'Germany', 52.52, 13.405, 'Europe/Berlin', 'EUR', 130, 1200, 'business', 2],
  ['Lisbon', 'PT', 'Portugal', 38.7223, -9.1393, 'Europe/Lisbon', 'EUR', 140, 600, 'leisure', 1],
  ['Prague', 'CZ', 'Czechia', 50.0755, 14.4378, 'Europe/Prague', 'CZK', 3200, 1200, 'leisure', 1],
  ['Vienna', 'AT', 'Austria', 48.2082, 16.3738, 'Europe/Vienna', 'EUR', 150, 1320, 'mixed', 1],
  ['Zurich', 'CH', 'Switzerland', 47.3769, 8.5417, 'Europe/Zurich', 'CHF', 260, 380, 'business', 1],
  ['Copenhagen', 'DK', 'Denmark', 55.6761, 12.5683, 'Europe/Copenhagen', 'DKK', 1400, 2500, 'mixed', 1],
  ['Reykjavík', 'IS', 'Iceland', 64.1466, -21.9426, 'Atlantic/Reykjavik', 'ISK', 28000, 1100, 'leisure', 1],
  ['Istanbul', 'TR', 'Türkiye', 41.0082, 28.9784, 'Europe/Istanbul', 'TRY', 4500, 1200, 'mixed', 2],
  ['Athens', 'GR', 'Greece', 37.9838, 23.7275, 'Europe/Athens', 'EUR', 140, 1300, 'leisure', 1],
  ['Cape Town', 'ZA', 'South Africa', -33.9249, 18.4241, 'Africa/Johannesburg', 'ZAR', 2200, 1500, 'leisure', 1],
  ['Marrakesh', 'MA', 'Morocco', 31.6295, -7.9811, 'Africa/Casablanca', 'MAD', 1300, 1000, 'leisure', 1],
  ['Nairobi', 'KE', 'Kenya', -1.2921, 36.8219, 'Africa/Nairobi', 'KES', 15000, 1800, 'business', 1],
  ['Cairo', 'EG', 'Egypt', 30.0444, 31.2357, 'Africa/Cairo', 'EGP', 4500, 2400, 'mixed', 1],
  ['Dubai', 'AE', 'United Arab Emirates', 25.2048, 55.2708, 'Asia/Dubai', 'AED', 650, 2000, 'mixed', 2],
  ['Tokyo', 'JP', 'Japan', 35.6762, 139.6503, 'Asia/Tokyo', 'JPY', 22000, 1000, 'business', 3],
  ['Kyoto', 'JP', 'Japan', 35.0116, 135.7681, 'Asia/Tokyo', 'JPY', 20000, 1000, 'leisure', 1],
  ['Seoul', 'KR', 'South Korea', 37.5665, 126.978, 'Asia/Seoul', 'KRW', 180000, 1000, 'business', 2],
  ['Singapore', 'SG', 'Singapore', 1.3521, 103.8198, 'Asia/Singapore', 'SGD', 300, 1900, 'business', 2],
  ['Bangkok', 'TH', 'Thailand', 13.7563, 100.5018, 'Asia/Bangkok', 'THB', 3200, 1770, 'leisure', 2],
  // Bali hotels commonly quote in USD; IDR minor units would overflow GraphQL's 32-bit Money.amount.
  ['Denpasar', 'ID', 'Indonesia', -8.6705, 115.2126, 'Asia/Makassar', 'USD', 95, 2100, 'leisure', 1],
  ['Hong Kong', 'HK', 'Hong Kong', 22.3193, 114.1694, 'Asia/Hong_Kong', 'HKD', 1500, 1000, 'business', 2],
  ['Mumbai', 'IN', 'India', 19.076, 72.8777, 'Asia/Kolkata', 'INR', 9000, 1800, 'business', 2],
  ['Hanoi', 'VN', 'Vietnam', 21.0278, 105.8342, 'Asia/Ho_Chi_Minh', 'VND', 1500000, 1000, 'leisure', 1],
  ['Sydney', 'AU', 'Australia', -33.8688, 151.2093, 'Australia/Sydney', 'AUD', 280, 1000, 'mixed', 2],
  ['Melbourne', 'AU', 'Australia', -37.8136, 144.9631, 'Australia/Melbourne', 'AUD', 240, 1000, 'mixed', 2],
  ['Auckland', 'NZ', 'New Zealand', -36.8485, 174.7633, 'Pacific/Auckland', 'NZD', 250, 1500, 'mixed', 1],
  ['Queenstown', 'NZ', 'New Zealand', -45.0312, 168.6626, 'Pacific/Auckland', 'NZD', 320, 1500, 'leisure', 1],
];

/** The seeded cities. */
export const CITIES: readonly CityData[] = ROWS.map(
  ([name, countryCode, countryName, latitude, longitude, timeZone, currency, typicalRate, taxRateBp, kind, weight]) => ({
    name,
    countryCode,
    countryName,
    latitude,
    longitude,
    timeZone,
    currency,
    typicalRate,
    taxRateBp,
    kind,
    weight,
  }),
);

/** ISO 4217 minor-unit digits of the seeded currencies that are not the usual 2. */
const ZERO_DECIMAL = new Set(['JPY', 'KRW', 'VND', 'CLP', 'ISK']);

/** How many minor units make one major unit of a currency (100 for USD, 1 for JPY). */
export function minorPerMajor(currency: string): number {
  return ZERO_DECIMAL.has(currency) ? 1 : 100;
}
