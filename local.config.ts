/**
 * How `npm start` serves Roam offline: the deployed API (api.config.ts), a database that migrates
 * on every start and is seeded when empty, the playground's examples and users, and the tasks
 * `npm run migrate` and `npm run seed` run.
 */
import { api } from './api.config.js';
import { PLAYGROUND_WELCOME, playgroundExamples } from './client/playground-examples.js';
import { migrate } from './db/migrate/index.js';
import { SEEDED_USERS, seed, type SeedOptions } from './db/seed/index.js';
import { migrateTask, seedTask } from './db/tasks/index.js';
import { defineLocalConfig, type LocalProjectConfig } from './local/config/project.js';

/** Roam's offline configuration; tests pass a smaller seed. */
export function roamConfig(seedOptions: Omit<SeedOptions, 'log'> = {}): LocalProjectConfig {
  return defineLocalConfig({
    ...api,
    playground: {
      welcome: PLAYGROUND_WELCOME,
      examples: playgroundExamples(),
      users: SEEDED_USERS.map(({ username, groups, email }) => ({ username, groups, email })),
    },
    database: {
      ...api.database,
      async prepare(target, log) {
        await migrate(target, { log });
        const { records } = await target.api.executeStatement({
          resourceArn: target.resourceArn,
          secretArn: target.secretArn,
          sql: 'SELECT count(*) AS n FROM hotels',
        });
        if (Number(records?.[0]?.[0]?.longValue ?? 0) === 0) {
          log(`The database is empty: seeding it (a year of inventory for ${seedOptions.hotels ?? 2000} hotels; once only).`);
          await seed(target, { ...seedOptions, log });
        }
      },
    },
    tasks: { migrate: migrateTask, seed: seedTask },
  });
}

export const config = roamConfig();
