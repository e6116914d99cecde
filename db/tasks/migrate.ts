/** `npm run migrate`: applies pending migrations to the database the offline server uses, or another. */
import type { ProjectTask } from '../../platform/project/task.js';
import { migrate } from '../migrate/index.js';
import { parseTaskArguments } from './args.js';

export const migrateTask: ProjectTask = {
  help: `Applies the pending migrations of db/migrations, each once and in its own transaction.
Refuses to run when the database's applied history differs from the files.`,
  async run(target, argv, log) {
    parseTaskArguments(argv, {});
    const result = await migrate(target, { log });
    log(`applied ${result.applied.length}, already applied ${result.alreadyApplied.length}`);
  },
};
