import { describeMigrations } from './migrate-suite.js';
import { postgresTarget } from './targets.js';

describeMigrations('PostgreSQL', postgresTarget);
