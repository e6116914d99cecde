/**
 * `npm run <task>`: runs one of the project's tasks (migrate, seed, a job) against the database the
 * offline server uses, or a PostgreSQL server. Generic: the tasks come from the project's
 * configuration module (`tasks` in local.config.ts); this file only opens the database.
 *
 *   tsx local/task-cli.ts NAME [--data-dir DIR] [--db-url URL] [--config FILE] [task options]
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DEFAULT_DATA_DIR } from './config/options.js';
import type { DataApi } from '../platform/data-api/types.js';
import type { LocalProjectConfig } from './config/project.js';
import { DEFAULT_RESOURCE_ARN, DEFAULT_SECRET_ARN, openLocalDatabase, type DataApiCore } from './plugins/data-api/index.js';

const DATABASE_HELP = `Database options:
  --data-dir DIR   the offline server's data folder (default ${DEFAULT_DATA_DIR}; PGlite lives in DIR/pglite)
  --db-url URL     use a PostgreSQL server instead, e.g. postgres://postgres@127.0.0.1:5432/roam
  --config FILE    the project configuration module (default local.config.ts)
  -h, --help       show this help`;

/** The options this command takes for itself; everything else is the task's. */
const OWN_OPTIONS = ['--data-dir', '--db-url', '--config'] as const;

class TaskUsageError extends Error {
  override readonly name = 'UsageError';
}

function splitArguments(argv: readonly string[]) {
  const own: Record<string, string> = {};
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i] as string;
    const [flag, inline] = token.split(/=(.*)/s, 2) as [string, string | undefined];
    if ((OWN_OPTIONS as readonly string[]).includes(flag)) {
      const value = inline ?? argv[++i];
      if (value === undefined || value === '') throw new TaskUsageError(`${flag} needs a value`);
      own[flag.slice(2)] = value;
    } else rest.push(token);
  }
  return { own, rest };
}

async function main(argv: readonly string[]): Promise<void> {
  const [name, ...args] = argv;
  const { own, rest } = splitArguments(args);
  const configFile = own.config ?? 'local.config.ts';
  const module = (await import(pathToFileURL(resolve(configFile)).href)) as { config?: LocalProjectConfig };
  const tasks = module.config?.tasks ?? {};
  const task = name ? tasks[name] : undefined;
  if (!name || !task) {
    const known = Object.keys(tasks).join(', ') || 'none';
    throw new TaskUsageError(name ? `${configFile} has no task '${name}' (tasks: ${known})` : `name a task (tasks: ${known})`);
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(`Usage: npm run ${name} -- [options]\n\n${task.help}\n\n${DATABASE_HELP}\n`);
    return;
  }
  // Opened on the task's first statement, so a usage error never touches the data folder.
  let opened: ReturnType<typeof openLocalDatabase> | undefined;
  const core = (): DataApiCore => {
    if (!opened) {
      opened = openLocalDatabase({ dataDir: own['data-dir'] ?? DEFAULT_DATA_DIR, ...(own['db-url'] ? { dbUrl: own['db-url'] } : {}) });
      console.log(`${name}: ${opened.description}`);
    }
    return opened.core;
  };
  // A database that cannot open says why itself, rather than as the statement's internal error.
  const openedCore = async () => {
    const database = core();
    await database.backend.opened();
    return database;
  };
  const api: DataApi = {
    executeStatement: async (input) => (await openedCore()).executeStatement(input),
    batchExecuteStatement: async (input) => (await openedCore()).batchExecuteStatement(input),
    beginTransaction: async (input) => (await openedCore()).beginTransaction(input),
    commitTransaction: async (input) => (await openedCore()).commitTransaction(input),
    rollbackTransaction: async (input) => (await openedCore()).rollbackTransaction(input),
  };
  try {
    await task.run(
      { api, resourceArn: DEFAULT_RESOURCE_ARN, secretArn: DEFAULT_SECRET_ARN, database: module.config?.database.name },
      rest,
      (line) => console.log(line),
    );
  } finally {
    await opened?.core.close();
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  // Usage and task failures are the user's to read: one line, no stack trace.
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  process.stderr.write(`${message}\n`);
  process.exitCode = error instanceof Error && error.name === 'UsageError' ? 2 : 1;
});
