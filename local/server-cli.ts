/**
 * `npm start`: serves a project's API offline. Generic: the project describes itself in its
 * configuration module (`local.config.ts` by default), which exports `config`. Run through
 * `local/cli.ts` (tsx) or `local/start.mjs` (a cached bundle, what `npm start` runs).
 */
import { resolve } from 'node:path';
import type { LocalProjectConfig } from './config/project.js';
import { banner } from './banner.js';
import { configModuleOf, OptionsError, parseServerOptions, usage } from './config/options.js';
import { onRuntimeWarning, recordHandlerCalls } from './appsync-js/index.js';
import { startLocalServer } from './server.js';
import { confirm } from './config/confirm.js';

/** Imports the configuration module at an absolute path. */
export type ConfigModuleLoader = (file: string) => Promise<{ config?: LocalProjectConfig }>;

async function main(loadConfig: ConfigModuleLoader): Promise<void> {
  const argv = process.argv.slice(2);
  const rootDir = process.cwd();
  // The configuration module comes first: it declares the project's own flags.
  const configFile = configModuleOf(argv);
  const module = await loadConfig(resolve(rootDir, configFile));
  if (!module.config) throw new OptionsError(`${configFile} must export \`config\``);
  const options = parseServerOptions(argv, module.config.startFlags);
  if ('help' in options) {
    process.stdout.write(usage(module.config.startFlags));
    return;
  }
  if (options.resetData && !options.dbUrl && !options.yes) {
    const folder = resolve(rootDir, options.dataDir, 'pglite');
    if (!(await confirm(`Delete the database in ${folder} and start with an empty one?`))) {
      console.error('Nothing deleted: --reset-data was not confirmed (answer y, or add --yes).');
      process.exitCode = 1;
      return;
    }
  }
  if (options.record) recordHandlerCalls(resolve(rootDir, options.record), rootDir);
  // Resolver code whose meaning differs on AWS (runtime warnings): said once per file and line.
  onRuntimeWarning((line) => console.warn(line));
  const started = performance.now();
  const server = await startLocalServer(module.config, { ...options, rootDir });
  // Queries that need no database are answered already; the banner waits for the migrations and
  // seed, and a database that cannot open or be prepared still stops the start. Until then a
  // signal ends the process at once, as during the rest of the start (PostgreSQL recovers from
  // that): a clean close would first wait for PGlite to finish opening.
  try {
    await server.prepareDatabase();
  } catch (error) {
    await server.close();
    throw error;
  }
  console.log(banner(server, options, module.config));
  if (options.record) console.log(`  Recording each resolver handler call's ctx to ${options.record} (for npm run verify:aws)`);
  console.log(`Ready in ${Math.round(performance.now() - started)} ms. Ctrl+C stops.`);
  const stop = async (): Promise<void> => {
    await server.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

/** Runs `npm start` with the process's arguments; exits 1 with the reason when the API cannot start. */
export function runServerCli(loadConfig: ConfigModuleLoader): void {
  main(loadConfig).catch((error: unknown) => {
    // Configuration and resolver-code problems are the user's to fix: say what, not where in our code.
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    console.error(`\nThe API did not start.\n${message}`);
    process.exit(1);
  });
}
