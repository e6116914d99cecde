import { defineConfig } from 'vitest/config';

// `npm test` runs everything that needs no outside service (PGlite is embedded).
// `npm run test:pg` runs the `*.pg.test.ts` files, which need ROAM_TEST_PG_URL: a PostgreSQL
// database they may fill and empty (.ci/run creates a throwaway one).
const pgOnly = process.env.ROAM_TEST_SUITE === 'pg';

export default defineConfig({
  test: {
    include: pgOnly ? ['test/**/*.pg.test.ts'] : ['test/**/*.test.ts'],
    exclude: pgOnly ? ['node_modules/**'] : ['node_modules/**', 'test/**/*.pg.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: 'forks',
    // GraphQL Inspector ships ESM that imports `graphql` as ESM while our code gets its CommonJS
    // build; inlined, both share one copy (graphql-js refuses types from a second copy).
    server: { deps: { inline: ['@graphql-inspector/core'] } },
  },
});
