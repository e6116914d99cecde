/**
 * `npm run -s token -- --user alice [--groups partners,admins] [--data-dir DIR] [--expires-in 1h]`:
 * prints a user-pool ID token, and only it, on stdout (`-s` silences npm's own lines, for `$(…)`), from the local issuer, whose key pair lives in the data folder
 * (the same one `npm start` uses, so it works whether or not the server is running).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { DEFAULT_DATA_DIR } from './config/options.js';
import type { LocalProjectConfig } from './config/project.js';
import { openLocalUserPool, parseDuration, TokenOptionsError } from './plugins/auth/index.js';

const USAGE = `Usage: npm run -s token -- --user NAME [options]

Prints an ID token of the local Cognito user pool, for the Authorization header, alone on
stdout: TOKEN=$(npm run -s token -- --user alice) (-s keeps npm's own lines out).

Options:
  --user NAME         cognito:username (required); the sub is derived from it, always the same
  --groups A,B        cognito:groups (repeat the flag or separate with commas); without it, the
                      groups the project's playground users give NAME (none for others)
  --email ADDRESS     email claim (default NAME@example.com)
  --expires-in TIME   lifetime: seconds, or 15m, 1h, 7d; negative (--expires-in=-1h) for an expired token (default 1h)
  --access            print the access token instead of the ID token
  --json              print both tokens, the sub and the expiry as JSON
  --data-dir DIR      the server's data folder holding the key pair (default .data)
  --config FILE       project configuration, for a custom region, pool id or client id (default local.config.ts, if present)
  --help              show this help
`;

async function projectConfig(configFile: string, explicit: boolean): Promise<LocalProjectConfig | undefined> {
  const path = resolve(configFile);
  if (!explicit && !existsSync(path)) return undefined;
  const module = (await import(pathToFileURL(path).href)) as { config?: LocalProjectConfig };
  if (!module.config) throw new TokenOptionsError(`${configFile} must export \`config\``);
  return module.config;
}

/** The groups asked for, or else the ones the project's playground users give this user (as the playground's sign-in does). */
function tokenGroups(asked: readonly string[] | undefined, username: string, project: LocalProjectConfig | undefined): string[] {
  if (asked !== undefined)
    return asked
      .flatMap((value) => value.split(','))
      .map((group) => group.trim())
      .filter(Boolean);
  return [...(project?.playground?.users?.find((user) => user.username === username)?.groups ?? [])];
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      user: { type: 'string' },
      groups: { type: 'string', multiple: true },
      email: { type: 'string' },
      'expires-in': { type: 'string', default: '1h' },
      access: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      'data-dir': { type: 'string', default: DEFAULT_DATA_DIR },
      config: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }
  if (!values.user) throw new TokenOptionsError('--user NAME is required');
  const project = await projectConfig(values.config ?? 'local.config.ts', values.config !== undefined);
  const auth = project?.auth;
  const pool = await openLocalUserPool({
    dataDir: resolve(values['data-dir']),
    ...(auth?.region ? { region: auth.region } : {}),
    ...auth?.userPool,
  });
  const tokens = await pool.mint({
    username: values.user,
    groups: tokenGroups(values.groups, values.user, project),
    expiresInSeconds: parseDuration(values['expires-in']),
    ...(values.email ? { email: values.email } : {}),
  });
  if (values.json) process.stdout.write(`${JSON.stringify(tokens, null, 2)}\n`);
  else process.stdout.write(`${values.access ? tokens.accessToken : tokens.idToken}\n`);
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  process.stderr.write(`${message}\n\n${USAGE}`);
  process.exit(1);
});
