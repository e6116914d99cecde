import { defineCoreCases } from './support/core-cases.js';
import { pgliteFixture } from './support/backends.js';

defineCoreCases(pgliteFixture);
