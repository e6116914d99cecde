// The money rules with the Lambda handlers called in process (real Data API core, PGlite).
import { describe } from 'vitest';
import { inProcessDriver } from './drivers.js';
import { describeMoneyRules } from './rules-suite.js';

describe('money rules (handlers in process)', () => {
  describeMoneyRules(() => inProcessDriver());
});
