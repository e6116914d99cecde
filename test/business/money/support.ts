/**
 * Shared set-up for the money tests: Roam offline with the shared and money manifest parts, user
 * tokens from the local user pool, SigV4 for IAM calls, and SQL access for fixtures and checks
 * (through the server's own Data API, with the money Lambdas' data access layer).
 */
import { randomUUID } from 'node:crypto';
import { RDSData } from '@aws-sdk/client-rds-data';
import { signAppSyncRequest } from '../../../local/plugins/auth/index.js';
import { createDataAccess, type DataAccess } from '../../../resolvers/lambda/shared/data-api.js';
import { startRoamTestServer, type RoamTestServer } from '../../support/roam-server.js';

export interface MoneyTestApi {
  roam: RoamTestServer;
  db: DataAccess;
  /** A GraphQL call as a (new or named) Cognito user. */
  asUser(username: string, query: string, variables?: Record<string, unknown>, groups?: string[]): Promise<any>;
  /** A GraphQL call signed with the server's IAM credentials. */
  asIam(query: string, variables?: Record<string, unknown>): Promise<any>;
  /** The users row id of a username (after its first call). */
  userId(username: string): Promise<string>;
  close(): Promise<void>;
}

/** A username no other test uses. */
export const newUsername = (label: string) => `${label}-${randomUUID().slice(0, 8)}`;

/** Starts the API for one test file. */
export async function startMoneyApi(options: { hotels?: number; dbUrl?: string } = {}): Promise<MoneyTestApi> {
  const roam = await startRoamTestServer({
    hotels: options.hotels ?? 20,
    ...(options.dbUrl ? { dbUrl: options.dbUrl } : {}),
    // MONEY_TEST_LOG=1 prints the server's operation and Lambda logs.
    ...(process.env.MONEY_TEST_LOG ? { log: (line: string) => console.log(line) } : {}),
  });
  const { server } = roam;
  const client = new RDSData({
    endpoint: server.dataApi.url,
    region: 'us-east-1',
    credentials: server.auth.iam,
  });
  const db = createDataAccess({
    api: client,
    resourceArn: server.dataApi.resourceArn,
    secretArn: server.dataApi.secretArn,
    database: server.dataApi.database,
  });
  const tokens = new Map<string, string>();
  const subs = new Map<string, string>();
  return {
    roam,
    db,
    async asUser(username, query, variables = {}, groups = []) {
      const key = `${username}|${groups.join(',')}`;
      let token = tokens.get(key);
      if (!token) {
        const minted = await server.auth.userPool.mint({ username, groups });
        token = minted.idToken;
        tokens.set(key, token);
        subs.set(username, minted.sub);
      }
      return (await roam.graphql(query, variables, { authorization: token })).body;
    },
    async asIam(query, variables = {}) {
      const url = `${server.url}/graphql`;
      const body = JSON.stringify({ query, variables });
      const headers = await signAppSyncRequest({
        url,
        body,
        headers: { 'content-type': 'application/json' },
        credentials: server.auth.iam,
        region: server.auth.region,
      });
      const response = await fetch(url, { method: 'POST', headers, body });
      return response.json();
    },
    async userId(username) {
      const [row] = await db.query<{ id: string }>('SELECT id FROM users WHERE cognito_sub = :sub', { sub: subs.get(username) ?? '' });
      if (!row) throw new Error(`${username} has no users row yet`);
      return row.id;
    },
    async close() {
      client.destroy();
      await roam.close();
    },
  };
}

/** A USD hotel with its flexible and non-refundable room types (seeded catalogue). */
export interface TestHotel {
  hotelId: string;
  timeZone: string;
  taxRateBp: number;
  feePerNight: number;
  feePerStay: number;
  flexRoomTypeId: string;
  flexHours: number;
  nonRefRoomTypeId: string;
}

/** Picks a seeded USD hotel that has both rate plans. */
export async function pickUsdHotel(db: DataAccess, skip = 0): Promise<TestHotel> {
  const rows = await db.query<any>(
    `SELECT h.id, h.time_zone, h.tax_rate_bp, h.fee_per_night_minor, h.fee_per_stay_minor,
            (SELECT rt.id FROM room_types rt JOIN rate_plans rp ON rp.id = rt.rate_plan_id WHERE rt.hotel_id = h.id AND rp.code = 'FLEX' ORDER BY rt.id LIMIT 1) AS flex,
            (SELECT rp.free_cancellation_hours FROM room_types rt JOIN rate_plans rp ON rp.id = rt.rate_plan_id WHERE rt.hotel_id = h.id AND rp.code = 'FLEX' ORDER BY rt.id LIMIT 1) AS flex_hours,
            (SELECT rt.id FROM room_types rt JOIN rate_plans rp ON rp.id = rt.rate_plan_id WHERE rt.hotel_id = h.id AND rp.code = 'NONREF' ORDER BY rt.id LIMIT 1) AS nonref
       FROM hotels h WHERE h.currency = 'USD' ORDER BY h.id`,
  );
  const usable = rows.filter((row) => row.flex && row.nonref);
  const row = usable[skip % usable.length];
  if (!row) throw new Error('The seed has no USD hotel with both rate plans');
  return {
    hotelId: row.id,
    timeZone: row.time_zone,
    taxRateBp: Number(row.tax_rate_bp),
    feePerNight: Number(row.fee_per_night_minor),
    feePerStay: Number(row.fee_per_stay_minor),
    flexRoomTypeId: row.flex,
    flexHours: Number(row.flex_hours),
    nonRefRoomTypeId: row.nonref,
  };
}

/** `YYYY-MM-DD` `days` after today (UTC; tests stay well clear of the hotel's date line). */
export function daysFromToday(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** The user's balance (sum of the ledger) and the sum of what is left of their grants: equal when every debit consumes a grant. */
export async function ledgerCheck(db: DataAccess, userId: string): Promise<{ balance: number; remaining: number; negativeGrants: number }> {
  const [row] = await db.query<any>(
    `SELECT (SELECT COALESCE(sum(amount_minor), 0)::bigint FROM credit_ledger WHERE user_id = :u::uuid) AS balance,
            (SELECT COALESCE(sum(remaining_minor), 0)::bigint FROM credit_grant_remaining WHERE user_id = :u::uuid) AS remaining,
            (SELECT count(*) FROM credit_grant_remaining WHERE user_id = :u::uuid AND remaining_minor < 0) AS negative`,
    { u: userId },
  );
  return { balance: Number(row.balance), remaining: Number(row.remaining), negativeGrants: Number(row.negative) };
}

export const MONEY = '{ amount currency }';

export const QUOTE = `query Quote($input: QuoteInput!) { quote(input: $input) {
  id checkIn checkOut nights guests nightlyRates { date rate ${MONEY} } roomTotal ${MONEY} taxesAndFees { name amount ${MONEY} }
  taxesAndFeesTotal ${MONEY} total ${MONEY} creditsAvailable ${MONEY} creditsApplicable ${MONEY} totalWithCredits ${MONEY}
  cashbackEarned ${MONEY} cancellationPolicy { freeUntil timeZone penalty ${MONEY} summary } hotel { id name timeZone currency city { id name } amenities { code } roomTypes { id } } roomType { id name mealPlan cancellationTerms { freeCancellationHours penaltyKind penaltyPercent } }
} }`;

const BOOKING_FIELDS = `id userId status checkIn checkOut nights guests nightlyRates { date rate ${MONEY} } roomTotal ${MONEY} taxesAndFeesTotal ${MONEY}
  total ${MONEY} creditsApplied ${MONEY} amountCharged ${MONEY} cashbackEarned ${MONEY}
  cancellationPolicy { freeUntil timeZone penalty ${MONEY} summary }
  cancellation { cancelledAt free penalty ${MONEY} creditsReturned ${MONEY} cashbackReversed ${MONEY} deductedFromRefund ${MONEY} refund ${MONEY} }
  hotel { id city { name } } roomType { id name } createdAt updatedAt`;

export const READ_BOOKING = `query Read($id: ID!) { booking(id: $id) { ${BOOKING_FIELDS} } }`;
export const CREATE_BOOKING = `mutation Book($input: CreateBookingInput!) { createBooking(input: $input) { ${BOOKING_FIELDS} } }`;
export const CANCEL_BOOKING = `mutation Cancel($input: CancelBookingInput!) { cancelBooking(input: $input) { ${BOOKING_FIELDS} } }`;
export const COMPLETE_STAY = `mutation Complete($id: ID!) { completeStay(bookingId: $id) { id status userId } }`;
export const SET_AVAILABILITY = `mutation Set($input: SetRoomAvailabilityInput!) { setRoomAvailability(input: $input) { hotelId roomTypeId nights { date roomsLeft rate ${MONEY} } changedAt } }`;
export const REDEEM = `mutation Redeem($code: String!) { redeemReferralCode(code: $code) { code balance ${MONEY} credit { id kind amount ${MONEY} expiresAt note createdAt } } }`;
export const EXPIRE = `mutation Expire($asOf: AWSDateTime) { expireCredits(asOf: $asOf) { asOf usersAffected entriesWritten } }`;
export const REWARDS = `query Rewards { me { rewards { tier year qualifyingSpend ${MONEY} nextTier spendToNextTier ${MONEY} cashbackPercent statusValidUntil } } }`;
