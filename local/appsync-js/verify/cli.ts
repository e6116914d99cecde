/**
 * `npm run verify:aws -- [--cases FILE] [--records DIR] [--save FILE] [--config FILE]
 * [--region R] [--profile P] [--endpoint URL]`: evaluates every APPSYNC_JS resolver and pipeline
 * function of the project's manifest (and every case of a cases file) on AWS with `EvaluateCode`,
 * runs the same code and context offline, and prints a table of what matches and what differs,
 * ending with `N same, M different`. Needs AWS credentials with `appsync:EvaluateCode`. Exits 1
 * when an answer differs, 2 when it could not run (no credentials, bad options).
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { ResolverManifest } from '../../../platform/manifest/index.js';
import { readCasesFile, type ExpectedAnswer } from '../conformance/cases.js';
import { describeAnswer, sameAnswer } from '../conformance/compare.js';
import { CaseWorkspace } from '../conformance/run-case.js';
import { AwsSetupError, createEvaluator } from './evaluate-code.js';
import { saveAnswers } from './save.js';
import { caseTargets, manifestTargets, readRecords, type Target } from './targets.js';

const USAGE = `usage: npm run verify:aws -- [options]
  --cases FILE     also evaluate every case of this cases file
  --records DIR    contexts recorded by npm start -- --record DIR (default: one empty context per file)
  --save FILE      append AWS's answers for the manifest's files to this cases file
  --config FILE    the project configuration module exporting config.manifest (default local.config.ts)
  --region R, --profile P   AWS settings (default: the usual AWS environment and profile)
  --endpoint URL   send EvaluateCode calls to another endpoint
Needs AWS credentials allowed to call appsync:EvaluateCode.
`;

interface Row {
  target: Target;
  aws: ExpectedAnswer;
  offline: ExpectedAnswer;
  same: boolean;
}

function report(rows: readonly Row[]): string {
  const out: string[] = [];
  for (const row of rows.filter((entry) => !entry.same)) {
    out.push(
      `DIFFERENT  ${row.target.name} ${row.target.fn} (${row.target.from})`,
      `    AWS:     ${describeAnswer(row.aws)}`,
      `    offline: ${describeAnswer(row.offline)}`,
    );
  }
  if (out.length > 0) out.push('');
  const cells = rows.map((row) => [row.target.name, row.target.fn, row.target.from, row.same ? 'same' : 'DIFFERENT']);
  const header = ['resolver or function', 'handler', 'context', 'AWS vs offline'];
  const widths = header.map((title, column) => Math.max(title.length, ...cells.map((cell) => (cell[column] as string).length)));
  const line = (cell: string[]): string =>
    cell
      .map((text, column) => text.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd();
  out.push(line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...cells.map(line), '');
  const same = rows.filter((row) => row.same).length;
  out.push(`${same} same, ${rows.length - same} different`);
  return out.join('\n');
}

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: process.argv.slice(2),
      options: {
        cases: { type: 'string' },
        records: { type: 'string' },
        save: { type: 'string' },
        config: { type: 'string', default: 'local.config.ts' },
        region: { type: 'string' },
        profile: { type: 'string' },
        endpoint: { type: 'string' },
        help: { type: 'boolean', default: false },
      },
    }));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  // Before anything is built: without credentials there is nothing to compare with.
  const evaluate = await createEvaluator({ endpoint: values.endpoint, region: values.region, profile: values.profile });
  const rootDir = process.cwd();
  const module = (await import(pathToFileURL(path.resolve(rootDir, values.config)).href)) as { config?: { manifest?: ResolverManifest } };
  const manifest = module.config?.manifest;
  if (!manifest) throw new AwsSetupError(`${values.config} must export config with a manifest`);
  const workspace = await CaseWorkspace.open();
  try {
    const records = values.records ? await readRecords(path.resolve(rootDir, values.records)) : [];
    const targets = await manifestTargets(manifest, rootDir, records);
    if (values.cases) targets.push(...caseTargets(await readCasesFile(values.cases), values.cases, workspace));
    const rows: Row[] = [];
    for (const target of targets) {
      const aws = await evaluate(target.code, target.fn, target.context);
      const { answer: offline } = await target.offline();
      rows.push({ target, aws, offline, same: sameAnswer(aws, offline, 'exact') });
    }
    process.stdout.write(`${report(rows)}\n`);
    if (values.save) {
      const saved = await saveAnswers(
        values.save,
        rows.filter((row) => row.target.savable),
      );
      process.stdout.write(`Saved ${saved} AWS answers as cases in ${values.save}\n`);
    }
    return rows.every((row) => row.same) ? 0 : 1;
  } finally {
    await workspace.close();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const known = error instanceof AwsSetupError || (error as { name?: string }).name === 'CasesFileError';
    process.stderr.write(`verify:aws: ${known ? (error as Error).message : String((error as Error).stack ?? error)}\n`);
    process.exitCode = 2;
  },
);
