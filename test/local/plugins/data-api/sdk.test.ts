import { pgliteFixture } from './support/backends.js';
import { defineOperationCases } from './support/operation-cases.js';
import { useSuite } from './support/suite.js';

const suite = useSuite(pgliteFixture);
defineOperationCases(suite);
