/** Runs every case of a cases file offline and compares each answer with AWS's. */
import { isCounted, type CasesFile } from './cases.js';
import { describeAnswer, sameAnswer } from './compare.js';
import type { CaseResult } from './report.js';
import { CaseWorkspace, runCase } from './run-case.js';

/** Options of {@link runConformance}. */
export interface ConformanceOptions {
  /** Only the cases of these suites. */
  suites?: readonly string[];
}

/** Each case's result, in file order. */
export async function runConformance(file: CasesFile, options: ConformanceOptions = {}): Promise<CaseResult[]> {
  const cases = options.suites?.length ? file.cases.filter((testCase) => options.suites?.includes(testCase.suite)) : file.cases;
  const workspace = await CaseWorkspace.open();
  try {
    const results: CaseResult[] = [];
    for (const testCase of cases) {
      const { answer } = await runCase(workspace, testCase);
      results.push({
        name: testCase.name,
        suite: testCase.suite,
        counted: isCounted(testCase),
        passed: sameAnswer(testCase.expected, answer, testCase.compare),
        expected: describeAnswer(testCase.expected),
        actual: describeAnswer(answer),
      });
    }
    return results;
  } finally {
    await workspace.close();
  }
}
