// The conformance run: a cases file replayed through the real loader and sandbox, compared with
// AWS's answers, reported per suite with `N passed, M failed`; uncertain cases shown, not counted.
import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parseCasesFile, type CasesFile } from '../../../local/appsync-js/conformance/cases.js';
import { caseSource } from '../../../local/appsync-js/conformance/case-code.js';
import { sameAnswer } from '../../../local/appsync-js/conformance/compare.js';
import { formatReport, tally } from '../../../local/appsync-js/conformance/report.js';
import { runConformance } from '../../../local/appsync-js/conformance/run-cases.js';

const base = { provenance: 'stated', context: {}, compare: 'exact' } as const;

const file: CasesFile = {
  cases: [
    {
      ...base,
      name: 'expression',
      suite: 'a',
      kind: 'expr',
      expr: 'util.dynamodb.toDynamoDB(ctx.args.n)',
      context: { arguments: { n: 2 } },
      expected: { value: { N: 2 } },
    },
    {
      ...base,
      name: 'module error',
      suite: 'a',
      kind: 'module',
      fn: 'request',
      code: 'export function request(ctx) { return rds.select(); }\nexport function response(ctx) {}',
      expected: { error: 'An argument is expected to be passed to select' },
    },
    { ...base, name: 'wrong on purpose', suite: 'b', kind: 'expr', expr: '1 + 1', expected: { value: 3 } },
    { ...base, name: 'not known to be AWS', suite: 'b', kind: 'expr', expr: '"x"', provenance: 'uncertain', expected: { value: 'y' } },
  ],
};

describe('conformance cases', () => {
  it('restores the imports a case leaves out, and only the ones it uses and does not import itself', () => {
    const source = caseSource({
      ...base,
      name: 'n',
      suite: 's',
      kind: 'module',
      fn: 'request',
      expected: { value: null },
      code: "import { util } from '@aws-appsync/utils';\nexport function request(ctx) { return rds.typeHint.UUID(util.autoId()); }",
    });
    expect(source.match(/import \{ util \}/g)).toHaveLength(1);
    expect(source).toContain("import * as rds from '@aws-appsync/utils/rds';");
    expect(source).not.toContain('dynamodb');
  });

  it('compares values whatever their key order, and parse-json values as parsed JSON', () => {
    expect(sameAnswer({ value: { a: 1, b: [1, { c: 2 }] } }, { value: { b: [1, { c: 2 }], a: 1 } }, 'exact')).toBe(true);
    expect(sameAnswer({ value: '{"a":1,"b":2}' }, { value: '{"b":2,"a":1}' }, 'parse-json')).toBe(true);
    expect(sameAnswer({ value: '{"a":1,"b":2}' }, { value: '{"b":2,"a":1}' }, 'exact')).toBe(false);
    expect(sameAnswer({ error: 'x' }, { value: 'x' }, 'exact')).toBe(false);
  });

  it('refuses a file of another shape with the path of the first problem', () => {
    expect(() => parseCasesFile('{"cases":[{"name":"x"}]}', 'f.json')).toThrow(/^f\.json: cases\.0\./);
    expect(() => parseCasesFile('nope', 'f.json')).toThrow('f.json is not JSON');
  });

  it('runs each case through the loader and sandbox, counts failures and leaves uncertain cases out of the figure', async () => {
    const results = await runConformance(file);
    expect(results.map((result) => [result.name, result.passed, result.counted])).toEqual([
      ['expression', true, true],
      ['module error', true, true],
      ['wrong on purpose', false, true],
      ['not known to be AWS', false, false],
    ]);
    expect(tally(results)).toEqual({ passed: 2, failed: 1 });
    const report = formatReport(results);
    expect(report.split('\n').at(-1)).toBe('2 passed, 1 failed');
    expect(report).toMatch(/FAIL {2}\[b\] wrong on purpose\n {4}AWS: {5}3\n {4}offline: 2/);
    expect(report).toMatch(/^b +1 +0 +1 +0\/1 same$/m);
  });

  it('exits 1 on a counted failure and 0 when only uncertain cases differ (npm run conformance)', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'conformance-test-'));
    const run = promisify(execFile);
    const cli = path.resolve('local/appsync-js/conformance/cli.ts');
    const passing = path.join(dir, 'passing.json');
    await writeFile(passing, JSON.stringify({ cases: [file.cases[0], file.cases[3]] }));
    const ok = await run('npx', ['tsx', cli, passing]);
    expect(ok.stdout.trimEnd().split('\n').at(-1)).toBe('1 passed, 0 failed');
    const failing = path.join(dir, 'failing.json');
    await writeFile(failing, JSON.stringify({ cases: [file.cases[2]] }));
    await expect(run('npx', ['tsx', cli, failing])).rejects.toMatchObject({
      code: 1,
      stdout: expect.stringMatching(/0 passed, 1 failed\n$/),
    });
  }, 60_000);
});
