/** Command-line parsing shared by the deploy scripts: `--stage NAME` plus each script's own options. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { STAGE_NAME_PATTERN } from '../../infra/constants.js';

/** Parses argv, requires a valid `--stage`, and prints `usage` on `--help` or an error. */
export function parseStageArgs<O extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: O, usage: string) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: { ...options, stage: { type: 'string' }, help: { type: 'boolean' } },
      strict: true,
      allowPositionals: false,
    });
  } catch (error) {
    fail(`${(error as Error).message}\n\n${usage}`);
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    process.exit(0);
  }
  const stage = values.stage;
  if (typeof stage !== 'string' || !STAGE_NAME_PATTERN.test(stage))
    fail(`--stage NAME is required (dev, prod, or a preview name matching ${STAGE_NAME_PATTERN})\n\n${usage}`);
  return { stage, values };
}

/** Prints a message and exits 1: the scripts' one way to refuse. */
export function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}
