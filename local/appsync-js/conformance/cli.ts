/**
 * `npm run conformance -- FILE [--suite NAME]...`: replays a cases file (AWS `EvaluateCode`
 * answers) through the offline loader and sandbox, prints the differences and a table per suite,
 * and ends with `N passed, M failed`. Exits 1 when a counted case differs, 2 on bad usage.
 */
import { CasesFileError, readCasesFile } from './cases.js';
import { formatReport, tally } from './report.js';
import { runConformance } from './run-cases.js';

const USAGE = 'usage: npm run conformance -- FILE [--suite NAME]...\n';

function parseArgs(argv: readonly string[]): { file: string; suites: string[] } | undefined {
  const suites: string[] = [];
  let file: string | undefined;
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index] as string;
    if (arg === '--suite') {
      const suite = argv[index + 1];
      if (suite === undefined) return undefined;
      suites.push(suite);
      index += 1;
    } else if (arg.startsWith('-') || file !== undefined) {
      return undefined;
    } else {
      file = arg;
    }
  }
  return file === undefined ? undefined : { file, suites };
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (!args) {
    process.stderr.write(USAGE);
    return 2;
  }
  const file = await readCasesFile(args.file);
  const results = await runConformance(file, { suites: args.suites });
  process.stdout.write(`${formatReport(results)}\n`);
  return tally(results).failed > 0 ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const message =
      error instanceof CasesFileError || (error as { code?: string }).code === 'ENOENT'
        ? (error as Error).message
        : String((error as Error).stack ?? error);
    process.stderr.write(`conformance: ${message}\n`);
    process.exitCode = 2;
  },
);
