import { parseArgs } from 'node:util';
import { z } from 'zod';

/** How to run the offline server; every option is also a command-line flag. */
export interface ServerOptions {
  /** @default 4000 (0 picks a free port) */
  readonly port: number;
  /** @default '127.0.0.1' (0.0.0.0 serves the LAN: phones and emulators on the same network) */
  readonly host: string;
  /** Serve HTTPS and WSS with a certificate from a local CA kept in the data folder. @default false */
  readonly https: boolean;
  /** Where the embedded database, keys and tokens live. @default '.data' */
  readonly dataDir: string;
  /** A PostgreSQL server to use instead of the embedded database. */
  readonly dbUrl?: string;
  /** A fixed API key instead of the generated one kept in the data folder. */
  readonly apiKey?: string;
  /** The local IAM access key id SigV4 requests must be signed with. @default 'AKIAOFFLINELOCAL0001' */
  readonly iamAccessKeyId?: string;
  /** Its secret. @default 'offline/local/secret/key/for/development' */
  readonly iamSecretAccessKey?: string;
  /** Reload resolvers, Lambdas and the schema when their files change. @default true */
  readonly watch: boolean;
  /** The project's configuration module. @default 'local.config.ts' */
  readonly config: string;
  /** Write each resolver handler call's ctx (credentials redacted) to this folder, for `npm run verify:aws`. */
  readonly record?: string;
  /** Delete the embedded database and start with an empty one (the command line asks first). @default false */
  readonly resetData?: boolean;
  /** Answer yes to the questions the command line asks (`--reset-data`'s). @default false */
  readonly yes?: boolean;
  /** Values of the project's own flags (declared in its configuration), by flag name. @default {} */
  readonly projectFlags?: Readonly<Record<string, string>>;
  /** `pretty` for reading, `json` (one object per line) for tools. @default 'pretty' */
  readonly logFormat?: 'pretty' | 'json';
}

/** A project's own `npm start` flags: flag name (without `--`) → one line of help. Each takes a value. */
export type ProjectFlags = Readonly<Record<string, string>>;

/** Where the embedded database, keys and tokens live unless `--data-dir` says otherwise. */
export const DEFAULT_DATA_DIR = '.data';

export const USAGE = `Usage: npm start -- [options]

Serves the API offline: GraphQL, realtime, the playground and the RDS Data API on one port.

Options:
  --port N          port to listen on (default 4000; 0 picks a free one)
  --host H          address to listen on (default 127.0.0.1; 0.0.0.0 for phones and
                    emulators on the LAN, which the banner then lists)
  --https           serve https:// and wss:// with a certificate from a local CA created
                    once in the data folder (the banner says how to trust it)
  --data-dir DIR    folder for the embedded database, keys and tokens (default .data)
  --db-url URL      use a PostgreSQL server instead of the embedded database
  --api-key KEY     accept this API key instead of the generated one
  --iam-access-key-id ID
                    accept SigV4 (IAM) requests signed with this access key id (default in the banner)
  --iam-secret-access-key KEY
                    and this secret
  --no-watch        do not reload when resolvers, Lambdas or the schema change
  --config FILE     the project configuration module (default local.config.ts)
  --record DIR      write each resolver handler call's ctx to DIR as JSON, credentials
                    redacted (contexts for npm run verify:aws)
  --reset-data      delete the embedded database in the data folder and start with an empty one
                    (asks first; the API key and signing keys beside it stay)
  --yes             do not ask (for --reset-data in scripts)
  --log-format F    pretty (default) or json: one JSON object per line, for tools
  --help            show this help
`;

const schema = z.object({
  port: z.coerce.number().int().min(0).max(65535),
  host: z.string().min(1),
  https: z.boolean(),
  dataDir: z.string().min(1),
  dbUrl: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional(),
  apiKey: z.string().min(1).optional(),
  iamAccessKeyId: z
    .string()
    .regex(/^[A-Z0-9]{16,128}$/, 'must be 16-128 upper-case letters and digits')
    .optional(),
  iamSecretAccessKey: z.string().min(1).optional(),
  watch: z.boolean(),
  config: z.string().min(1),
  record: z.string().min(1).optional(),
  resetData: z.boolean(),
  yes: z.boolean(),
  logFormat: z.enum(['pretty', 'json']),
});

/** A problem with the command line, listing every bad option. */
export class OptionsError extends Error {
  override readonly name = 'OptionsError';
}

/** The server's own flags; a project may not declare one of these. */
const SERVER_FLAGS = new Set([
  'port',
  'host',
  'data-dir',
  'db-url',
  'api-key',
  'iam-access-key-id',
  'iam-secret-access-key',
  'watch',
  'config',
  'record',
  'help',
]);

/** The configuration module the command line names, read before the rest (it declares the project's flags). */
export function configModuleOf(argv: readonly string[]): string {
  const { values } = parseArgs({ args: [...argv], strict: false, options: { config: { type: 'string' } } });
  return typeof values.config === 'string' && values.config.length > 0 ? values.config : 'local.config.ts';
}

/** The help text, with the project's own flags after the server's. */
export function usage(projectFlags: ProjectFlags = {}): string {
  const own = Object.entries(projectFlags).map(([name, help]) => `  ${`--${name} VALUE`.padEnd(17)} ${help}`);
  return own.length === 0 ? USAGE : `${USAGE}\nThis project's options:\n${own.join('\n')}\n`;
}

/** Parses the command line; `{ help: true }` when help was asked for. */
export function parseServerOptions(argv: readonly string[], projectFlags: ProjectFlags = {}): ServerOptions | { help: true } {
  const reserved = Object.keys(projectFlags).filter((name) => SERVER_FLAGS.has(name));
  if (reserved.length > 0) throw new OptionsError(`The project's flags ${reserved.join(', ')} clash with the server's own`);
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowNegative: true,
      options: {
        ...Object.fromEntries(Object.keys(projectFlags).map((name) => [name, { type: 'string' as const }])),
        port: { type: 'string', default: '4000' },
        host: { type: 'string', default: '127.0.0.1' },
        https: { type: 'boolean', default: false },
        'data-dir': { type: 'string', default: DEFAULT_DATA_DIR },
        'db-url': { type: 'string' },
        'api-key': { type: 'string' },
        'iam-access-key-id': { type: 'string' },
        'iam-secret-access-key': { type: 'string' },
        watch: { type: 'boolean', default: true },
        config: { type: 'string', default: 'local.config.ts' },
        record: { type: 'string' },
        'reset-data': { type: 'boolean', default: false },
        yes: { type: 'boolean', short: 'y', default: false },
        'log-format': { type: 'string', default: 'pretty' },
        help: { type: 'boolean', default: false },
      },
    });
  } catch (cause) {
    throw new OptionsError((cause as Error).message, { cause });
  }
  const { values } = parsed;
  if (values.help) return { help: true };
  const result = schema.safeParse({
    port: values.port,
    host: values.host,
    https: values.https,
    dataDir: values['data-dir'],
    dbUrl: values['db-url'],
    apiKey: values['api-key'],
    iamAccessKeyId: values['iam-access-key-id'],
    iamSecretAccessKey: values['iam-secret-access-key'],
    watch: values.watch,
    config: values.config,
    record: values.record,
    resetData: values['reset-data'],
    yes: values.yes,
    logFormat: values['log-format'],
  });
  if (!result.success) {
    throw new OptionsError(
      result.error.issues
        .map((issue) => `--${String(issue.path[0]).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}: ${issue.message}`)
        .join('\n'),
    );
  }
  const flags = Object.fromEntries(
    Object.keys(projectFlags).flatMap((name) => {
      const value = (values as Record<string, unknown>)[name];
      return typeof value === 'string' ? [[name, value]] : [];
    }),
  );
  return Object.keys(flags).length > 0 ? { ...result.data, projectFlags: flags } : result.data;
}
