// The money rules with the Lambda handlers in process on the PostgreSQL server (ROAM_TEST_PG_URL).
import { describe } from 'vitest';
import { inProcessDriver } from './drivers.js';
import { describeMoneyRules } from './rules-suite.js';

describe('money rules (handlers in process, PostgreSQL)', () => {
  describeMoneyRules(() => inProcessDriver({ postgres: true }));
});
