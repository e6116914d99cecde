/**
 * `npm start`: serves a project's API offline. Generic: the project describes itself in its
 * configuration module (`local.config.ts` by default), which exports `config`.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LocalProjectConfig } from './config/project.js';
import { configModuleOf, DEFAULT_DATA_DIR, OptionsError, parseServerOptions, usage, type ServerOptions } from './config/options.js';
import { onRuntimeWarning, recordHandlerCalls } from './appsync-js/index.js';
import { startLocalServer, type LocalServer } from './server.js';

function banner(server: LocalServer, options: ServerOptions): string {
  const dataDirFlag = options.dataDir === DEFAULT_DATA_DIR ? '' : ` --data-dir ${options.dataDir}`;
  const expires = new Date(server.apiKey.expires * 1000).toISOString().slice(0, 10);
  return [
    '',
    `  GraphQL      ${server.url}/graphql`,
    `  Realtime     ${server.url.replace(/^http/, 'ws')}/graphql/realtime`,
    `  Playground   ${server.url}/`,
    `  Data API     ${server.dataApi.url}  (resource ${server.dataApi.resourceArn})`,
    `  API key      ${server.apiKey.id}  (x-api-key, expires ${expires})`,
    `  User token   npm run token -- --user alice [--groups admins]${dataDirFlag}  (Authorization header; or pick a user in the playground)`,
    `  User pool    ${server.auth.userPool.issuer}  (client ${server.auth.userPool.clientId}, JWKS ${server.url}${server.auth.userPool.jwksPath})`,
    `  IAM          access key ${server.auth.iam.accessKeyId}  secret ${server.auth.iam.secretAccessKey}  (SigV4, region ${server.auth.region}, service appsync)`,
    `  Watch        ${options.watch ? 'on: resolver, Lambda and schema changes reload while serving' : 'off (--no-watch)'}`,
    `  Jobs         ${server.schedules.names.length > 0 ? `${server.schedules.names.join(', ')} on their timers; npm run jobs -- NAME runs one now` : 'none'}`,
    '',
  ].join('\n');
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const rootDir = process.cwd();
  // The configuration module comes first: it declares the project's own flags.
  const configFile = configModuleOf(argv);
  const module = (await import(pathToFileURL(resolve(rootDir, configFile)).href)) as { config?: LocalProjectConfig };
  if (!module.config) throw new OptionsError(`${configFile} must export \`config\``);
  const options = parseServerOptions(argv, module.config.startFlags);
  if ('help' in options) {
    process.stdout.write(usage(module.config.startFlags));
    return;
  }
  if (options.record) recordHandlerCalls(resolve(rootDir, options.record), rootDir);
  // Resolver code whose meaning differs on AWS (runtime warnings): said once per file and line.
  onRuntimeWarning((line) => console.warn(line));
  const started = performance.now();
  const server = await startLocalServer(module.config, { ...options, rootDir });
  console.log(banner(server, options));
  if (options.record) console.log(`  Recording each resolver handler call's ctx to ${options.record} (for npm run verify:aws)`);
  console.log(`Ready in ${Math.round(performance.now() - started)} ms. Ctrl+C stops.`);
  const stop = async (): Promise<void> => {
    await server.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  // Configuration and resolver-code problems are the user's to fix: say what, not where in our code.
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  console.error(`\nThe API did not start.\n${message}`);
  process.exit(1);
});
