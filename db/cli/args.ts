/** Shared command-line parsing: bad arguments become one clear line, never a stack trace. */
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** A command-line usage error; the message is shown as it is. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Database options every tool takes. */
export const DATABASE_OPTIONS = {
  'data-dir': { type: 'string' },
  'db-url': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsConfig['options'];

export const DATABASE_HELP = `  --data-dir DIR   PGlite data folder (default .data/pglite)
  --db-url URL     use a PostgreSQL server instead, e.g. postgres://postgres@127.0.0.1:5432/roam
  -h, --help       show this help`;

/** Parses argv; unknown options and stray arguments are usage errors. */
export function parseCommandLine<T extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: T) {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

/**
 * Runs a tool's main function: prints errors as one line (with the cause's message when there
 * is one) and sets the exit code; closes what it opened either way.
 */
export async function runTool(main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (error) {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    process.stderr.write(`${message}\n`);
    process.exitCode = error instanceof UsageError ? 2 : 1;
  }
}
