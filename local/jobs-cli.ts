/**
 * `npm run jobs -- NAME`: runs one of the project's schedules (the resolver manifest's
 * `schedules`) once, now, through the running server or, when none runs, on the data folder
 * (local/run-schedule.ts). Prints the function's result as JSON; exits 1 when it failed.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { DEFAULT_DATA_DIR } from './config/options.js';
import type { LocalProjectConfig } from './config/project.js';
import { runScheduleOnce } from './run-schedule.js';

const USAGE = `Usage: npm run jobs -- NAME [options]

Runs a scheduled job once, now. While \`npm start\` runs, the job goes through that server (its
Data API and GraphQL endpoint); otherwise this command opens the data folder itself (the embedded
database can be open in one process at a time) and closes it when the job is done.

Options:
  --url URL          the running server to use (default http://127.0.0.1:4000)
  --data-dir DIR     the data folder to open when no server runs (default .data)
  --db-url URL       a PostgreSQL server instead of the data folder's embedded database
  --iam-access-key-id ID, --iam-secret-access-key KEY
                     the local IAM credentials, if the server was started with others
  --config FILE      the project configuration module (default local.config.ts)
  --help             show this help
`;

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      url: { type: 'string', default: 'http://127.0.0.1:4000' },
      'data-dir': { type: 'string', default: DEFAULT_DATA_DIR },
      'db-url': { type: 'string' },
      'iam-access-key-id': { type: 'string' },
      'iam-secret-access-key': { type: 'string' },
      config: { type: 'string', default: 'local.config.ts' },
      help: { type: 'boolean', default: false },
    },
  });
  const rootDir = process.cwd();
  const module = (await import(pathToFileURL(resolve(rootDir, values.config)).href)) as { config?: LocalProjectConfig };
  if (!module.config) throw new Error(`${values.config} must export \`config\``);
  const names = Object.keys(module.config.manifest.schedules ?? {});
  const [name] = positionals;
  if (values.help || !name || positionals.length > 1) {
    process.stdout.write(`${USAGE}\nJobs: ${names.join(', ') || 'none'}\n`);
    return values.help ? 0 : 1;
  }
  const run = await runScheduleOnce(module.config, name, {
    rootDir,
    url: values.url,
    dataDir: values['data-dir'],
    log: (line) => process.stderr.write(`${line}\n`),
    ...(values['db-url'] ? { dbUrl: values['db-url'] } : {}),
    ...(values['iam-access-key-id'] ? { iamAccessKeyId: values['iam-access-key-id'] } : {}),
    ...(values['iam-secret-access-key'] ? { iamSecretAccessKey: values['iam-secret-access-key'] } : {}),
  });
  const { outcome } = run;
  process.stdout.write(
    `${JSON.stringify(outcome.ok ? { job: name, via: run.via, result: outcome.result } : { job: name, via: run.via, errorType: outcome.errorType, errorMessage: outcome.errorMessage })}\n`,
  );
  return outcome.ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
    process.exit(1);
  },
);
