/**
 * How `npm start` serves Roam offline: the schema, the resolver manifest, auth modes as deployed,
 * and a database that migrates on every start and is seeded when empty.
 */
import { migrate } from './db/migrate/index.js';
import { SEEDED_USERS, seed, type SeedOptions } from './db/seed/index.js';
import { playgroundExamples } from './client/playground-examples.js';
import { defineLocalConfig, type LocalProjectConfig } from './local/config/project.js';
import { manifest } from './resolvers/manifest.js';

/** Roam's offline configuration; tests pass a smaller seed. */
export function roamConfig(seedOptions: Omit<SeedOptions, 'log'> = {}): LocalProjectConfig {
  return defineLocalConfig({
    schemaFile: 'schema.graphql',
    manifest,
    auth: { defaultMode: 'AMAZON_COGNITO_USER_POOLS', additionalModes: ['API_KEY', 'AWS_IAM'] },
    playground: {
      examples: playgroundExamples(),
      users: SEEDED_USERS.map(({ username, groups }) => ({ username, groups })),
    },
    database: {
      name: 'roam',
      async prepare(target, log) {
        await migrate(target, { log });
        const { records } = await target.api.executeStatement({ resourceArn: target.resourceArn, secretArn: target.secretArn, sql: 'SELECT count(*) AS n FROM hotels' });
        if (Number(records?.[0]?.[0]?.longValue ?? 0) === 0) {
          log(`The database is empty: seeding it (a year of inventory for ${seedOptions.hotels ?? 2000} hotels; once only).`);
          await seed(target, { ...seedOptions, log });
        }
      },
    },
  });
}

export const config = roamConfig();
