/**
 * How `npm start` serves Roam offline: the deployed API (api.config.ts), a database that migrates
 * on every start and is seeded when empty, the playground's examples and users, and the tasks
 * `npm run migrate` and `npm run seed` run.
 */
import { api } from './api.config.js';
import { playgroundExamples } from './client/playground-examples.js';
import { migrate } from './db/migrate/index.js';
import { SEEDED_USERS, SeedDefaults, seed, type SeedOptions } from './db/seed/index.js';
import { migrateTask, seedTask, wholeNumberFlag } from './db/tasks/index.js';
import { defineLocalConfig, type LocalProjectConfig } from './local/config/project.js';

/** What Roam's playground opens with. */
const ROAM_WELCOME = `# Roam's API, offline
#
# 1. Auth: pick a seeded user (alice, bob, carol; pat is a partner) or the API key for signed-out browsing.
# 2. Example: walk through "1. Search hotels" → "2. Quote" → "3. Book" → "4. Watch" → "5. Cancel".
#    Each step fills its ids and totals from the answers before it; each booking gets a fresh
#    idempotency key. Run "4. Watch" in one tab and "5. Cancel" in another to see the event arrive.
# 3. Run with the ▶ button (Ctrl+Enter). The trace beside the answer shows each resolver, its SQL
#    and Lambda calls; the terminal prints the same under the request id.
`;

/** Roam's offline configuration; tests pass a smaller seed. */
export function roamConfig(seedOptions: Omit<SeedOptions, 'log'> = {}): LocalProjectConfig {
  return defineLocalConfig({
    ...api,
    playground: {
      examples: playgroundExamples(),
      users: SEEDED_USERS.map(({ username, groups, email }) => ({ username, groups, email })),
      welcome: ROAM_WELCOME,
    },
    database: {
      ...api.database,
      async prepare(target, log, flags) {
        // Checked before anything runs: a typo is said at once, not after the migrations.
        const hotels = wholeNumberFlag('hotels', flags.hotels) ?? seedOptions.hotels ?? SeedDefaults.HOTELS;
        const days = wholeNumberFlag('nights', flags.nights) ?? seedOptions.days ?? SeedDefaults.DAYS;
        await migrate(target, { log });
        const { records } = await target.api.executeStatement({
          resourceArn: target.resourceArn,
          secretArn: target.secretArn,
          sql: 'SELECT count(*) AS n FROM hotels',
        });
        if (Number(records?.[0]?.[0]?.longValue ?? 0) === 0) {
          log(`The database is empty: seeding it (${hotels} hotels, ${days} nights of inventory; once only).`);
          await seed(target, { ...seedOptions, hotels, days, log });
        } else if (flags.hotels !== undefined || flags.nights !== undefined) {
          log('--hotels and --nights apply only to an empty database: npm run seed -- --reset --hotels N --nights N reseeds this one.');
        }
      },
    },
    startFlags: {
      hotels: `hotels to seed into an empty database (default ${SeedDefaults.HOTELS}; benchmarks use 10000)`,
      nights: `nights of inventory per room type to seed, 60-730 (default ${SeedDefaults.DAYS})`,
    },
    tasks: { migrate: migrateTask, seed: seedTask },
  });
}

export const config = roamConfig();
