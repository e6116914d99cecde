// The API covers what Roam's clients need, with the types it names: a table of field signatures
// (arguments and result type, as GraphQL prints them) that fails if a field, an argument or a type
// changes, plus the enum values the business rules depend on.
import { isEnumType, isInputObjectType, isObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { loadSchema, readRepoFile } from './load.js';

const expectedSignatures = [
  // Catalogue: search near a point or in a city, dates, guests, filters, sort, items + nextToken.
  'Query.cities(nameStartsWith: String, limit: Int): [City!]!',
  'Query.searchHotels(input: HotelSearchInput!, limit: Int, nextToken: String): HotelSearchConnection!',
  'HotelSearchInput.near: NearInput',
  'NearInput.location: GeoPointInput!',
  'NearInput.radiusKm: Float',
  'HotelSearchInput.cityId: ID',
  'HotelSearchInput.checkIn: AWSDate!',
  'HotelSearchInput.checkOut: AWSDate!',
  'HotelSearchInput.guests: Int!',
  'HotelSearchInput.filters: HotelSearchFilters',
  'HotelSearchInput.sort: HotelSort',
  'HotelSearchFilters.price: PriceRangeInput',
  'HotelSearchFilters.minStars: Int',
  'HotelSearchFilters.amenities: [String!]',
  'HotelSearchConnection.items: [HotelSearchResult!]!',
  'HotelSearchConnection.nextToken: String',
  'HotelSearchResult.hotel: Hotel!',
  'HotelSearchResult.cheapestRoomType: RoomType!',
  'HotelSearchResult.stayTotal: Money!',
  'HotelSearchResult.distanceKm: Float!',
  // Hotel details, and per room type availability and nightly prices for given dates.
  'Query.hotel(id: ID!): Hotel',
  'Hotel.roomTypes: [RoomType!]!',
  'Hotel.amenities: [Amenity!]!',
  'Hotel.photos: [Photo!]!',
  'Hotel.timeZone: String!',
  'Hotel.availability(checkIn: AWSDate!, checkOut: AWSDate!, guests: Int!): [RoomTypeAvailability!]!',
  'RoomTypeAvailability.roomType: RoomType!',
  'RoomTypeAvailability.bookable: Boolean!',
  'RoomTypeAvailability.nights: [RoomNight!]!',
  'RoomNight.date: AWSDate!',
  'RoomNight.roomsLeft: Int!',
  'RoomNight.rate: Money',
  'Photo.url: AWSURL!',
  // Quote: nightly rates, taxes and fees, credits, cashback, cancellation policy, a reference.
  'Query.quote(input: QuoteInput!): Quote!',
  'Quote.id: ID!',
  'Quote.nightlyRates: [NightlyRate!]!',
  'Quote.taxesAndFees: [PriceComponent!]!',
  'Quote.total: Money!',
  'Quote.creditsApplicable: Money!',
  'Quote.cashbackEarned: Money!',
  'Quote.cancellationPolicy: CancellationPolicy!',
  'CancellationPolicy.freeUntil: AWSDateTime',
  'CancellationPolicy.timeZone: String!',
  'CancellationPolicy.penalty: Money!',
  // Bookings.
  'Mutation.createBooking(input: CreateBookingInput!): Booking!',
  'CreateBookingInput.idempotencyKey: ID!',
  'CreateBookingInput.quoteId: ID!',
  'CreateBookingInput.quotedTotal: MoneyInput!',
  'CreateBookingInput.applyCredits: Boolean!',
  'Mutation.cancelBooking(input: CancelBookingInput!): Booking!',
  'Query.booking(id: ID!): Booking',
  'Query.myBookings(status: [BookingStatus!], limit: Int, nextToken: String): BookingConnection!',
  'BookingConnection.items: [Booking!]!',
  'BookingConnection.nextToken: String',
  'Booking.userId: ID!',
  'Booking.status: BookingStatus!',
  'Booking.checkIn: AWSDate!',
  'Booking.checkOut: AWSDate!',
  'Booking.createdAt: AWSDateTime!',
  // Me: profile, rewards, credits, history, referral.
  'Query.me: User!',
  'User.email: AWSEmail!',
  'User.referralCode: String!',
  'User.rewards: RewardsStatus!',
  'User.credits: CreditBalance!',
  'User.creditHistory(limit: Int, nextToken: String): CreditLedgerConnection!',
  'RewardsStatus.tier: RewardsTier!',
  'RewardsStatus.qualifyingSpend: Money!',
  'RewardsStatus.spendToNextTier: Money',
  'RewardsStatus.cashbackPercent: Float!',
  'RewardsStatus.statusValidUntil: AWSDate',
  'CreditBalance.balance: Money!',
  'CreditBalance.expiringSoon(withinDays: Int): [ExpiringCredit!]!',
  'CreditLedgerEntry.kind: CreditEntryKind!',
  'CreditLedgerEntry.expiresAt: AWSDateTime',
  'CreditLedgerEntry.bookingId: ID',
  'Mutation.redeemReferralCode(code: String!): ReferralRedemption!',
  // Lists.
  'Query.myLists: [HotelList!]!',
  'Mutation.createList(input: CreateListInput!): HotelList!',
  'Mutation.renameList(input: RenameListInput!): HotelList!',
  'Mutation.deleteList(listId: ID!): ID!',
  'Mutation.addHotelToList(input: ListHotelInput!): HotelList!',
  'Mutation.removeHotelFromList(input: ListHotelInput!): HotelList!',
  // Back office.
  'Mutation.setRoomAvailability(input: SetRoomAvailabilityInput!): HotelAvailabilityChange!',
  'SetRoomAvailabilityInput.roomTypeId: ID!',
  'SetRoomAvailabilityInput.firstNight: AWSDate!',
  'SetRoomAvailabilityInput.lastNight: AWSDate!',
  'SetRoomAvailabilityInput.totalRooms: Int',
  'SetRoomAvailabilityInput.nightlyRate: MoneyInput',
  'Mutation.completeStay(bookingId: ID!): Booking!',
  'Mutation.expireCredits(asOf: AWSDateTime): CreditExpiryRun!',
  // Money everywhere: integer minor units plus a currency code.
  'Money.amount: Int!',
  'Money.currency: String!',
  'MoneyInput.amount: Int!',
  'MoneyInput.currency: String!',
];

const expectedEnums: Record<string, string[]> = {
  HotelSort: ['DISTANCE', 'PRICE', 'RATING'],
  BookingStatus: ['PENDING', 'CONFIRMED', 'CANCELLED', 'COMPLETED'],
  RewardsTier: ['STANDARD', 'SELECT', 'RESERVE'],
  // The database's credit_ledger.kind values (db/migrations/0005_credits.sql, WRITE_OFF from 0011_money_rules.sql).
  CreditEntryKind: [
    'CASHBACK_EARNED',
    'CASHBACK_REVERSAL',
    'SPENT',
    'REFUND_OF_SPENT',
    'REFERRAL_SIGNUP',
    'REFERRAL_REWARD',
    'PROMO',
    'EXPIRED',
    'ADJUSTMENT',
    'WRITE_OFF',
  ],
  // The database's rate_plans.penalty_kind and meal_plan values (db/migrations/0002_catalogue.sql).
  CancellationPenaltyKind: ['FIRST_NIGHT', 'PERCENT_OF_STAY', 'FULL_STAY'],
  MealPlan: ['ROOM_ONLY', 'BREAKFAST', 'HALF_BOARD', 'FULL_BOARD'],
};

/** The signature of `Type.field` as written in the table, or null when it does not exist. */
function signatureOf(path: string): string | null {
  const [typeName, fieldName] = path.split('.') as [string, string];
  const type = loadSchema().getType(typeName);
  if (isObjectType(type)) {
    const field = type.getFields()[fieldName];
    if (!field) return null;
    const args = field.args.map((arg) => `${arg.name}: ${String(arg.type)}`).join(', ');
    return `${path}${args ? `(${args})` : ''}: ${String(field.type)}`;
  }
  if (isInputObjectType(type)) {
    const field = type.getFields()[fieldName];
    return field ? `${path}: ${String(field.type)}` : null;
  }
  return null;
}

/** Enum → the migration CHECK constraint whose value list it must equal (order aside). */
const enumsMirroringDatabase: Record<string, { file: string; constraint: string }> = {
  CreditEntryKind: { file: 'db/migrations/0011_money_rules.sql', constraint: 'credit_ledger_kind_valid' },
  CancellationPenaltyKind: { file: 'db/migrations/0002_catalogue.sql', constraint: 'rate_plans_penalty_kind_valid' },
  MealPlan: { file: 'db/migrations/0002_catalogue.sql', constraint: 'rate_plans_meal_plan_valid' },
  BookingStatus: { file: 'db/migrations/0004_bookings.sql', constraint: 'bookings_status_valid' },
};

/** The quoted values of `CONSTRAINT <name> CHECK (<column> IN ('A', 'B', ...))` in a migration. */
function checkConstraintValues(file: string, constraint: string): string[] {
  const sql = readRepoFile(file);
  const match = new RegExp(`CONSTRAINT ${constraint} CHECK \\(\\w+ IN \\(([^)]*)\\)`).exec(sql);
  if (!match) throw new Error(`${constraint} not found in ${file}`);
  return [...match[1]!.matchAll(/'([^']+)'/g)].map((value) => value[1]!);
}

describe("the API Roam's clients need", () => {
  it.each(expectedSignatures)('%s', (signature) => {
    const path = signature.replace(/[(:].*$/, '');
    expect(signatureOf(path)).toBe(signature);
  });

  it.each(Object.entries(expectedEnums))('enum %s has %j', (name, values) => {
    const type = loadSchema().getType(name);
    expect(isEnumType(type)).toBe(true);
    if (isEnumType(type)) expect(type.getValues().map((value) => value.name)).toEqual(values);
  });

  it.each(Object.entries(enumsMirroringDatabase))('enum %s has the values the database accepts', (name, { file, constraint }) => {
    const type = loadSchema().getType(name);
    const values = isEnumType(type)
      ? type
          .getValues()
          .map((value) => value.name)
          .sort()
      : [];
    expect(values).toEqual(checkConstraintValues(file, constraint).sort());
  });
});
