/**
 * Two ways to drive the money fields with the same rule tests: through the offline server's
 * GraphQL endpoint (tokens, IAM signatures, invokeLambda), or by calling the Lambda handlers in
 * process. Replies are normalised to `{ data }` or `{ error: { type, message, info } }`.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { backOfficeRoutes } from '../../../resolvers/lambda/backoffice/handler.js';
import { bookingRoutes } from '../../../resolvers/lambda/bookings/handler.js';
import { referralRoutes } from '../../../resolvers/lambda/referrals/handler.js';
import { rewardRoutes } from '../../../resolvers/lambda/rewards/handler.js';
import type { LocalServer } from '../../../local/server.js';
import type { DataAccess } from '../../../resolvers/lambda/shared/data-api.js';
import { startInProcessMoney } from './in-process.js';
import {
  CANCEL_BOOKING,
  COMPLETE_STAY,
  CREATE_BOOKING,
  EXPIRE,
  QUOTE,
  READ_BOOKING,
  REDEEM,
  REWARDS,
  SET_AVAILABILITY,
  newUsername,
  startMoneyApi,
} from './support.js';

export interface Reply {
  data?: any;
  error?: { type: string; message: string; info?: any };
}

export interface TestUser {
  /** users.id */
  id: string;
  username: string;
  referralCode: string;
}

/** Who calls a back-office field. */
export type Caller = { user: TestUser } | 'partner' | 'iam';

export interface MoneyDriver {
  db: DataAccess;
  newUser(options?: { signedUpDaysAgo?: number }): Promise<TestUser>;
  quote(user: TestUser, input: Record<string, unknown>): Promise<Reply>;
  createBooking(user: TestUser, input: Record<string, unknown>): Promise<Reply>;
  cancelBooking(user: TestUser, bookingId: string): Promise<Reply>;
  redeemReferralCode(user: TestUser, code: string): Promise<Reply>;
  completeStay(caller: Caller, bookingId: string): Promise<Reply>;
  setRoomAvailability(caller: Caller, input: Record<string, unknown>): Promise<Reply>;
  expireCredits(caller: Caller, asOf?: string): Promise<Reply>;
  /** The caller's `me.rewards`. */
  rewards(user: TestUser): Promise<Reply>;
  /** `booking(id)` as the reads part serves it (GraphQL only). */
  readBooking?(user: TestUser, bookingId: string): Promise<Reply>;
  /** The offline server (GraphQL only). */
  server?: LocalServer;
  /** Runs a scheduled job once, as its timer would (GraphQL only: the offline server runs the jobs Lambda). */
  runJob?(name: string): Promise<Reply>;
  close(): Promise<void>;
}

const IAM_IDENTITY = { accountId: '123456789012', userArn: 'arn:aws:iam::123456789012:user/ops' };

/** Handlers in process on a fresh database (PostgreSQL when `postgres`). */
export async function inProcessDriver(options: { postgres?: boolean } = {}): Promise<MoneyDriver> {
  const money = await startInProcessMoney(options);
  const users = new Map<string, TestUser>();
  const as = (caller: Caller) =>
    caller === 'iam'
      ? { identity: IAM_IDENTITY }
      : caller === 'partner'
        ? { identity: { sub: 'partner', groups: ['partners'] } }
        : { userId: caller.user.id, identity: { sub: caller.user.username, groups: [] } };
  return {
    db: money.db,
    async newUser(options = {}) {
      const row = await money.newUser(options.signedUpDaysAgo ?? 0);
      const user = { id: row.id, username: row.sub, referralCode: row.referralCode };
      users.set(user.id, user);
      return user;
    },
    quote: (user, input) => money.call(bookingRoutes, 'Query.quote', { input }, { userId: user.id }),
    createBooking: (user, input) => money.call(bookingRoutes, 'Mutation.createBooking', { input }, { userId: user.id }),
    cancelBooking: (user, bookingId) => money.call(bookingRoutes, 'Mutation.cancelBooking', { input: { bookingId } }, { userId: user.id }),
    redeemReferralCode: (user, code) => money.call(referralRoutes, 'Mutation.redeemReferralCode', { code }, { userId: user.id }),
    completeStay: (caller, bookingId) => money.call(backOfficeRoutes, 'Mutation.completeStay', { bookingId }, as(caller)),
    setRoomAvailability: (caller, input) => money.call(backOfficeRoutes, 'Mutation.setRoomAvailability', { input }, as(caller)),
    expireCredits: (caller, asOf) => money.call(backOfficeRoutes, 'Mutation.expireCredits', asOf ? { asOf } : {}, as(caller)),
    rewards: (user) => money.call(rewardRoutes, 'User.rewards', {}, { userId: user.id }),
    close: () => money.close(),
  } as MoneyDriver;
}

function fromGraphql(body: any, field: string): Reply {
  const error = body.errors?.[0];
  if (error) return { error: { type: error.errorType, message: error.message, info: error.errorInfo ?? undefined } };
  return { data: body.data[field] };
}

/** Through the offline server's GraphQL endpoint (on a fresh PostgreSQL database with `postgres`). */
export async function graphqlDriver(options: { postgres?: boolean } = {}): Promise<MoneyDriver> {
  const database = options.postgres ? await freshPostgresDatabase() : null;
  const api = await startMoneyApi(database ? { dbUrl: database.url } : {});
  const call = async (caller: Caller, query: string, variables: Record<string, unknown>, field: string) => {
    if (caller === 'iam') return fromGraphql(await api.asIam(query, variables), field);
    const body =
      caller === 'partner'
        ? await api.asUser('pat-partner', query, variables, ['partners'])
        : await api.asUser(caller.user.username, query, variables);
    return fromGraphql(body, field);
  };
  return {
    db: api.db,
    server: api.roam.server,
    async newUser(options = {}) {
      const username = newUsername('user');
      // Any user field runs ensureUser first, which creates the row from the token.
      await api.asUser(username, QUOTE, {
        input: { hotelId: '0', roomTypeId: '0', checkIn: '2000-01-01', checkOut: '2000-01-02', guests: 1 },
      });
      const id = await api.userId(username);
      if (options.signedUpDaysAgo) {
        await api.db.execute('UPDATE users SET signed_up_at = now() - make_interval(days => :days::int) WHERE id = :id::uuid', {
          days: options.signedUpDaysAgo,
          id,
        });
      }
      const [row] = await api.db.query<{ referral_code: string }>('SELECT referral_code FROM users WHERE id = :id::uuid', { id });
      return { id, username, referralCode: (row as { referral_code: string }).referral_code };
    },
    quote: (user, input) => call({ user }, QUOTE, { input }, 'quote'),
    createBooking: (user, input) => call({ user }, CREATE_BOOKING, { input }, 'createBooking'),
    cancelBooking: (user, bookingId) => call({ user }, CANCEL_BOOKING, { input: { bookingId } }, 'cancelBooking'),
    redeemReferralCode: (user, code) => call({ user }, REDEEM, { code }, 'redeemReferralCode'),
    completeStay: (caller, bookingId) => call(caller, COMPLETE_STAY, { id: bookingId }, 'completeStay'),
    setRoomAvailability: (caller, input) => call(caller, SET_AVAILABILITY, { input }, 'setRoomAvailability'),
    expireCredits: (caller, asOf) => call(caller, EXPIRE, asOf ? { asOf } : {}, 'expireCredits'),
    async rewards(user) {
      const reply = await call({ user }, REWARDS, {}, 'me');
      return reply.error ? reply : { data: reply.data.rewards };
    },
    readBooking: (user, bookingId) => call({ user }, READ_BOOKING, { id: bookingId }, 'booking'),
    async runJob(name) {
      const outcome = await api.roam.server.schedules.run(name);
      return outcome.ok ? { data: outcome.result } : { error: { type: outcome.errorType, message: outcome.errorMessage } };
    },
    async close() {
      await api.close();
      await database?.drop();
    },
  };
}

/** A new database on the server of ROAM_TEST_PG_URL, dropped by `drop()`. */
async function freshPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const serverUrl = process.env.ROAM_TEST_PG_URL;
  if (!serverUrl) throw new Error('ROAM_TEST_PG_URL is not set');
  const name = `roam_money_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}
