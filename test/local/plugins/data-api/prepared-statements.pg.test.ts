import { createPostgresBackend } from '../../../../local/plugins/data-api/index.js';
import { definePreparedStatementCases } from './support/prepared-statement-cases.js';

const url = process.env.ROAM_TEST_PG_URL;
if (!url) throw new Error('ROAM_TEST_PG_URL is not set: the *.pg.test.ts files need a PostgreSQL database');
definePreparedStatementCases('postgres', () => createPostgresBackend({ url, maxConnections: 1, role: false }));
