import { startMoneyApi } from '../money/support.js';
import { describeSearchReadModel } from './search-read-model-suite.js';

const dbUrl = process.env.ROAM_TEST_PG_URL;
if (!dbUrl) throw new Error('Set ROAM_TEST_PG_URL to a PostgreSQL database the tests may fill (see the team brief)');

describeSearchReadModel('PostgreSQL', () => startMoneyApi({ dbUrl }));
