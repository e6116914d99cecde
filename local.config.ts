/**
 * How `npm start` serves Roam offline: the schema, the resolver manifest, auth modes as deployed,
 * and a database that migrates on every start and is seeded when empty.
 */
import { migrate } from './db/migrate/index.js';
import { seed } from './db/seed/index.js';
import { defineLocalConfig } from './local/config/project.js';
import { manifest } from './resolvers/manifest.js';

export const config = defineLocalConfig({
  schemaFile: 'schema.graphql',
  manifest,
  auth: { defaultMode: 'AMAZON_COGNITO_USER_POOLS', additionalModes: ['API_KEY', 'AWS_IAM'] },
  database: {
    name: 'roam',
    async prepare(target, log) {
      await migrate(target, { log });
      const { records } = await target.api.executeStatement({ resourceArn: target.resourceArn, secretArn: target.secretArn, sql: 'SELECT count(*) AS n FROM hotels' });
      if (Number(records?.[0]?.[0]?.longValue ?? 0) === 0) {
        log('The database is empty: seeding it (a year of inventory for 2,000 hotels; once only).');
        await seed(target, { log });
      }
    },
  },
});
