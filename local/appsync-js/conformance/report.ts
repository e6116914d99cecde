/**
 * The conformance table: one row per suite with its counted cases, passes and failures, and the
 * uncertain cases beside them (run and shown, never counted). The closing line is the figure.
 */

/** The result of one case. */
export interface CaseResult {
  name: string;
  suite: string;
  counted: boolean;
  passed: boolean;
  expected: string;
  actual: string;
}

interface SuiteRow {
  suite: string;
  cases: number;
  passed: number;
  failed: number;
  uncertain: number;
  uncertainPassed: number;
}

function rows(results: readonly CaseResult[]): SuiteRow[] {
  const bySuite = new Map<string, SuiteRow>();
  for (const result of results) {
    const row = bySuite.get(result.suite) ?? { suite: result.suite, cases: 0, passed: 0, failed: 0, uncertain: 0, uncertainPassed: 0 };
    if (!result.counted) {
      row.uncertain += 1;
      if (result.passed) row.uncertainPassed += 1;
    } else {
      row.cases += 1;
      if (result.passed) row.passed += 1;
      else row.failed += 1;
    }
    bySuite.set(result.suite, row);
  }
  return [...bySuite.values()];
}

function table(header: string[], body: string[][]): string {
  const widths = header.map((title, column) => Math.max(title.length, ...body.map((row) => (row[column] ?? '').length)));
  const line = (cells: string[]): string =>
    cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join('  ');
  return [line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...body.map(line)].join('\n');
}

/** Counted passes and failures. */
export function tally(results: readonly CaseResult[]): { passed: number; failed: number } {
  const counted = results.filter((result) => result.counted);
  const passed = counted.filter((result) => result.passed).length;
  return { passed, failed: counted.length - passed };
}

/** The whole report: failures, the table per suite, and `N passed, M failed` alone on the last line. */
export function formatReport(results: readonly CaseResult[]): string {
  const out: string[] = [];
  const failures = results.filter((result) => !result.passed);
  for (const failure of failures) {
    out.push(`${failure.counted ? 'FAIL' : 'uncertain, differs'}  [${failure.suite}] ${failure.name}`);
    out.push(`    AWS:     ${failure.expected}`);
    out.push(`    offline: ${failure.actual}`);
  }
  if (failures.length > 0) out.push('');
  const suites = rows(results);
  const body = suites.map((row) => [
    row.suite,
    String(row.cases),
    String(row.passed),
    String(row.failed),
    row.uncertain ? `${row.uncertainPassed}/${row.uncertain} same` : '',
  ]);
  const total = tally(results);
  const uncertain = results.filter((result) => !result.counted);
  body.push([
    'total',
    String(total.passed + total.failed),
    String(total.passed),
    String(total.failed),
    uncertain.length ? `${uncertain.filter((r) => r.passed).length}/${uncertain.length} same` : '',
  ]);
  out.push(table(['suite', 'cases', 'passed', 'failed', 'uncertain (not counted)'], body));
  out.push('');
  out.push(`${total.passed} passed, ${total.failed} failed`);
  return out.join('\n');
}
