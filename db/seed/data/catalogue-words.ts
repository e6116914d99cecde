/** Word lists, amenities and room-type templates the hotel generator draws from. */

export const NAME_ADJECTIVES = [
  'Copper',
  'Silver',
  'Golden',
  'Blue',
  'Quiet',
  'Grand',
  'Little',
  'Old',
  'Royal',
  'Hidden',
  'Bright',
  'Velvet',
  'Amber',
  'Crimson',
  'Ivory',
  'Emerald',
  'Coral',
  'Olive',
  'Harbour',
  'Garden',
  'Northern',
  'Southern',
  'Modern',
] as const;

export const NAME_NOUNS = [
  'Lantern',
  'Anchor',
  'Oak',
  'Willow',
  'Heron',
  'Compass',
  'Lighthouse',
  'Courtyard',
  'Fox',
  'Sparrow',
  'Bridge',
  'Tower',
  'Terrace',
  'Orchard',
  'Harbour',
  'Meridian',
  'Atlas',
  'Palm',
  'Cedar',
  'Pearl',
  'Crown',
  'Mill',
  'Arch',
] as const;

export const NAME_KINDS = ['Hotel', 'Inn', 'Suites', 'House', 'Lodge', 'Residences', 'Boutique Hotel', 'Hostel'] as const;

export const BRANDS = ['Roamstay', 'Northlight', 'Cityline', 'Harbourview', 'Parkside', 'Meridian', 'Vista'] as const;

export const DISTRICTS = [
  'Old Town',
  'Riverside',
  'Central',
  'Harbour',
  'Station',
  'Park',
  'Market',
  'University',
  'Waterfront',
  'Midtown',
] as const;

export const STREETS = [
  'Market Street',
  'Station Road',
  'Harbour Way',
  'Park Avenue',
  'King Street',
  'Garden Lane',
  'River Walk',
  'Church Street',
  'Bridge Road',
  'Hill Street',
  'Lake Drive',
  'Victoria Street',
  'Mill Lane',
  'Queen Street',
] as const;

export const DESCRIPTION_OPENERS = [
  'A calm base a short walk from',
  'Bright, modern rooms close to',
  'A family-run favourite near',
  'Design-led stays minutes from',
  'Classic comfort steps from',
] as const;

export const DESCRIPTION_SIGHTS = [
  'the old town',
  'the waterfront',
  'the main station',
  'the best food markets',
  'the museum quarter',
  'the business district',
  'the city park',
  'the nightlife strip',
] as const;

export interface AmenityData {
  code: string;
  name: string;
  category: string;
  /** Probability that a hotel of 1..5 stars has it, interpolated by star rating. */
  oneStar: number;
  fiveStar: number;
}

export const AMENITIES: readonly AmenityData[] = [
  { code: 'wifi', name: 'Free Wi-Fi', category: 'connectivity', oneStar: 0.85, fiveStar: 1 },
  { code: 'air_conditioning', name: 'Air conditioning', category: 'room', oneStar: 0.4, fiveStar: 1 },
  { code: 'breakfast', name: 'Breakfast available', category: 'food', oneStar: 0.3, fiveStar: 0.95 },
  { code: 'restaurant', name: 'Restaurant', category: 'food', oneStar: 0.1, fiveStar: 0.95 },
  { code: 'bar', name: 'Bar', category: 'food', oneStar: 0.15, fiveStar: 0.95 },
  { code: 'room_service', name: 'Room service', category: 'food', oneStar: 0, fiveStar: 0.95 },
  { code: 'pool', name: 'Swimming pool', category: 'wellness', oneStar: 0.05, fiveStar: 0.8 },
  { code: 'spa', name: 'Spa', category: 'wellness', oneStar: 0, fiveStar: 0.75 },
  { code: 'gym', name: 'Fitness centre', category: 'wellness', oneStar: 0.05, fiveStar: 0.95 },
  { code: 'parking', name: 'Parking', category: 'transport', oneStar: 0.3, fiveStar: 0.7 },
  { code: 'airport_shuttle', name: 'Airport shuttle', category: 'transport', oneStar: 0.05, fiveStar: 0.5 },
  { code: 'ev_charging', name: 'EV charging', category: 'transport', oneStar: 0, fiveStar: 0.45 },
  { code: 'pet_friendly', name: 'Pets allowed', category: 'policies', oneStar: 0.2, fiveStar: 0.35 },
  { code: 'family_rooms', name: 'Family rooms', category: 'room', oneStar: 0.2, fiveStar: 0.7 },
  { code: 'accessible', name: 'Accessible rooms', category: 'accessibility', oneStar: 0.3, fiveStar: 0.95 },
  { code: 'front_desk_24h', name: '24-hour front desk', category: 'services', oneStar: 0.3, fiveStar: 1 },
  { code: 'laundry', name: 'Laundry', category: 'services', oneStar: 0.3, fiveStar: 0.95 },
  { code: 'kitchenette', name: 'Kitchenette', category: 'room', oneStar: 0.15, fiveStar: 0.2 },
  { code: 'beach_access', name: 'Beach access', category: 'location', oneStar: 0.05, fiveStar: 0.2 },
  { code: 'business_centre', name: 'Business centre', category: 'services', oneStar: 0, fiveStar: 0.8 },
];

export interface RoomTemplate {
  name: string;
  maxGuests: number;
  beds: string;
  bedCount: number;
  sizeSqm: number;
  /** Price relative to the hotel's standard room. */
  priceFactor: number;
  /** Range of rooms of this type in a hotel (before scaling by star rating). */
  rooms: [number, number];
}

/** From cheapest to dearest; a hotel takes a run of these starting at one of the first two. */
export const ROOM_TEMPLATES: readonly RoomTemplate[] = [
  { name: 'Standard Queen', maxGuests: 2, beds: '1 queen', bedCount: 1, sizeSqm: 18, priceFactor: 1, rooms: [12, 60] },
  { name: 'Standard Twin', maxGuests: 2, beds: '2 single', bedCount: 2, sizeSqm: 20, priceFactor: 1, rooms: [8, 40] },
  { name: 'Superior King', maxGuests: 2, beds: '1 king', bedCount: 1, sizeSqm: 25, priceFactor: 1.2, rooms: [8, 40] },
  { name: 'Deluxe Double Queen', maxGuests: 4, beds: '2 queen', bedCount: 2, sizeSqm: 32, priceFactor: 1.4, rooms: [6, 30] },
  { name: 'Family Room', maxGuests: 4, beds: '1 queen and 2 single', bedCount: 3, sizeSqm: 36, priceFactor: 1.55, rooms: [4, 16] },
  { name: 'Junior Suite', maxGuests: 3, beds: '1 king and 1 sofa bed', bedCount: 2, sizeSqm: 45, priceFactor: 1.9, rooms: [2, 10] },
  { name: 'One-Bedroom Suite', maxGuests: 4, beds: '1 king and 1 sofa bed', bedCount: 2, sizeSqm: 60, priceFactor: 2.5, rooms: [1, 6] },
  { name: 'Penthouse Suite', maxGuests: 6, beds: '2 king and 1 queen', bedCount: 3, sizeSqm: 120, priceFactor: 5, rooms: [1, 2] },
];

/** Typical-rate multiplier by star rating (1..5). */
export const STAR_PRICE_FACTOR = [0, 0.45, 0.65, 1, 1.55, 2.6] as const;
