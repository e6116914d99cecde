/**
 * `--save FILE`: the AWS answers of manifest targets appended to a cases file (created when
 * missing), in the shape the conformance run reads, so a team's own set grows with each run.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { parseCasesFile, type CasesFile, type ConformanceCase, type ExpectedAnswer } from '../conformance/cases.js';
import type { Target } from './targets.js';

/** The provenance class of cases recorded by verify:aws. */
export const RECORDED = 'recorded';

/** Appends one case per target and answer; returns how many were added. */
export async function saveAnswers(
  file: string,
  answered: readonly { target: Target; aws: ExpectedAnswer }[],
  now = new Date(),
): Promise<number> {
  let cases: CasesFile;
  try {
    cases = parseCasesFile(await readFile(file, 'utf8'), file);
  } catch (error) {
    if ((error as { code?: string }).code !== 'ENOENT') throw error;
    cases = { about: 'AWS AppSync EvaluateCode answers recorded by npm run verify:aws.', provenance: {}, cases: [] };
  }
  const recordedIn = `verify:aws ${now.toISOString()}`;
  cases.provenance = {
    ...cases.provenance,
    [recordedIn]: { class: RECORDED, why: 'answered by AWS AppSync EvaluateCode during npm run verify:aws' },
  };
  for (const { target, aws } of answered) {
    const added: ConformanceCase = {
      name: `${target.name} ${target.fn} (${target.from})`,
      suite: target.suite,
      source: 'npm run verify:aws',
      recordedIn,
      provenance: RECORDED,
      kind: 'module',
      code: target.code,
      fn: target.fn,
      context: target.context,
      ...(target.authMode === undefined ? {} : { authMode: target.authMode }),
      compare: 'exact',
      expected: aws,
    };
    cases.cases.push(added);
  }
  await writeFile(file, `${JSON.stringify(cases, null, 2)}\n`);
  return answered.length;
}
