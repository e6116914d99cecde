import { parseArgs } from 'node:util';
import { z } from 'zod';

/** How to run the offline server; every option is also a command-line flag. */
export interface ServerOptions {
  /** @default 4000 (0 picks a free port) */
  readonly port: number;
  /** @default '127.0.0.1' */
  readonly host: string;
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
  /** `pretty` for reading, `json` (one object per line) for tools. @default 'pretty' */
  readonly logFormat?: 'pretty' | 'json';
}

/** Where the embedded database, keys and tokens live unless `--data-dir` says otherwise. */
export const DEFAULT_DATA_DIR = '.data';

export const USAGE = `Usage: npm start -- [options]

Serves the API offline: GraphQL, realtime, the playground and the RDS Data API on one port.

Options:
  --port N          port to listen on (default 4000; 0 picks a free one)
  --host H          address to listen on (default 127.0.0.1)
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

/** Parses the command line; `{ help: true }` when help was asked for. */
export function parseServerOptions(argv: readonly string[]): ServerOptions | { help: true } {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowNegative: true,
      options: {
        port: { type: 'string', default: '4000' },
        host: { type: 'string', default: '127.0.0.1' },
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
  return result.data;
}
