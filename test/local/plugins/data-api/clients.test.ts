import { pgliteFixture } from './support/backends.js';
import { defineClientCases } from './support/client-cases.js';
import { useSuite } from './support/suite.js';

defineClientCases(useSuite(pgliteFixture));
