import { defineCoreCases } from './support/core-cases.js';
import { postgresFixture } from './support/backends.js';

defineCoreCases(postgresFixture());
