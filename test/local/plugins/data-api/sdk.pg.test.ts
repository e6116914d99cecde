import { postgresFixture } from './support/backends.js';
import { defineOperationCases } from './support/operation-cases.js';
import { defineTypeCases } from './support/type-cases.js';
import { defineErrorCases } from './support/error-cases.js';
import { defineLimitCases } from './support/limit-cases.js';
import { defineTimingCases } from './support/timing-cases.js';
import { useSuite } from './support/suite.js';

const suite = useSuite(postgresFixture());
defineOperationCases(suite);
defineTypeCases(suite);
defineErrorCases(suite);
defineLimitCases(suite);
defineTimingCases(suite);
