/**
 * The money Lambdas' handlers called in process on a migrated, seeded database behind the real
 * Data API core: the same code and SQL as through GraphQL, without the GraphQL server (for the
 * fields whose parents the reads part serves, e.g. User.rewards under Query.me).
 */
import { randomUUID } from 'node:crypto';
import { migrate } from '../../../db/migrate/index.js';
import { seed } from '../../../db/seed/index.js';
import { createDataAccess, type DataAccess } from '../../../resolvers/lambda/shared/data-api.js';
import {
  createResolverHandler,
  type CallerIdentity,
  type MoneyContext,
  type ResolverEvent,
  type ResolverReply,
} from '../../../resolvers/lambda/shared/handler.js';
import { createPublisher } from '../../../resolvers/lambda/shared/publish.js';
import type { FieldCoordinate } from '../../../resolvers/fields.js';
import { pgliteTarget, postgresTarget } from '../../db/targets.js';

export interface InProcessMoney {
  db: DataAccess;
  /** Calls `field` on `routes` as `userId` (a users row) or with an identity. */
  call(
    routes: Parameters<typeof createResolverHandler>[0],
    field: FieldCoordinate,
    args: Record<string, unknown>,
    caller: { userId?: string; identity?: CallerIdentity | null },
  ): Promise<ResolverReply>;
  /** Inserts a user as ensureUser would, optionally signed up `daysAgo`. */
  newUser(daysAgo?: number): Promise<{ id: string; sub: string; referralCode: string }>;
  close(): Promise<void>;
}

/** A fresh database (PGlite, or PostgreSQL with `postgres`), migrated and seeded with a few hotels. */
export async function startInProcessMoney(options: { postgres?: boolean; hotels?: number } = {}): Promise<InProcessMoney> {
  const test = options.postgres ? await postgresTarget() : pgliteTarget();
  await migrate(test.target, { log: () => {} });
  await seed(test.target, { hotels: options.hotels ?? 8, seed: 'money-tests', days: 90, log: () => {} });
  const db = createDataAccess({
    api: test.target.api,
    resourceArn: test.target.resourceArn,
    secretArn: test.target.secretArn,
    database: 'roam',
  });
  const context: MoneyContext = {
    db,
    publisher: createPublisher({ graphqlUrl: null, region: 'us-east-1' }, () => {}),
    now: () => new Date(),
  };
  return {
    db,
    async call(routes, field, args, caller) {
      const handler = createResolverHandler(routes, () => context);
      const user = caller.userId ? { id: caller.userId, cognitoSub: '', homeCurrency: 'USD' } : null;
      const event: ResolverEvent = {
        field,
        arguments: args as ResolverEvent['arguments'],
        identity: caller.identity ?? (caller.userId ? { sub: 'user' } : null),
        user,
        source: null,
      };
      return handler(event);
    },
    async newUser(daysAgo = 0) {
      const sub = randomUUID();
      const referralCode = randomUUID().replaceAll('-', '').slice(0, 10).toUpperCase();
      const [row] = await db.query<{ id: string }>(
        `INSERT INTO users (cognito_sub, email, name, referral_code, signed_up_at) VALUES (:sub, :email, 'Test User', :code, now() - make_interval(days => :days::int)) RETURNING id`,
        { sub, email: `${sub}@example.com`, code: referralCode, days: daysAgo },
      );
      return { id: (row as { id: string }).id, sub, referralCode };
    },
    close: () => test.close(),
  };
}
