import { describeCatalogue } from './catalogue-suite.js';
import { startReadsServer } from './support.js';

const dbUrl = process.env.ROAM_TEST_PG_URL;
if (!dbUrl) throw new Error('Set ROAM_TEST_PG_URL to a PostgreSQL database the tests may fill (see the team brief)');

describeCatalogue('PostgreSQL', () => startReadsServer({ dbUrl }));
