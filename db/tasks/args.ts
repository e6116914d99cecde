/** Command-line parsing for the database tasks: bad arguments become one clear line, never a stack trace. */
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** A command-line usage error; the message is shown as it is, and the command exits with 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Parses a task's own arguments; unknown options and stray arguments are usage errors. */
export function parseTaskArguments<T extends NonNullable<ParseArgsConfig['options']>>(argv: readonly string[], options: T) {
  try {
    return parseArgs({ args: [...argv], options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

/** A whole-number flag's value, `undefined` when the flag was not given. */
export function wholeNumberFlag(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError(`--${name} takes a whole number (got ${value})`);
  return Number(value);
}
