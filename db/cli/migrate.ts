/** `npm run migrate`: applies pending migrations to PGlite (default) or a PostgreSQL server. */
import { migrate } from '../migrate/index.js';
import { DATABASE_HELP, DATABASE_OPTIONS, parseCommandLine, runTool } from './args.js';
import { openLocalTarget } from './target.js';

const HELP = `Usage: npm run migrate -- [options]

Applies the pending migrations of db/migrations, each once and in its own transaction.
Refuses to run when the database's applied history differs from the files.

${DATABASE_HELP}`;

await runTool(async () => {
  const args = parseCommandLine(process.argv.slice(2), DATABASE_OPTIONS);
  if (args.help) {
    process.stdout.write(`${HELP}\n`);
    return;
  }
  const local = openLocalTarget({ dataDir: args['data-dir'], dbUrl: args['db-url'] });
  try {
    console.log(`migrating ${local.description}`);
    const result = await migrate(local.target, { log: (line) => console.log(line) });
    console.log(`applied ${result.applied.length}, already applied ${result.alreadyApplied.length}`);
  } finally {
    await local.close();
  }
});
