/** The database tasks a project configuration offers as `npm run <name>`. */
export { migrateTask } from './migrate.js';
export { seedTask } from './seed.js';
export { UsageError, wholeNumberFlag } from './args.js';
