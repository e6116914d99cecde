import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  AppSyncJsLimits,
  ResolverCodeError,
  appsyncJsBuildOptions,
  buildResolverCode,
  loadResolverCode,
} from '../../../local/appsync-js/index.js';
import { fixture } from './helpers.js';

async function refusal(file: string): Promise<ResolverCodeError> {
  const error: unknown = await loadResolverCode(file).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(ResolverCodeError);
  return error as ResolverCodeError;
}

function scratchFile(name: string, text: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'appsync-js-'));
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

describe('loadResolverCode refuses what AppSync refuses, at file and line', () => {
  it.each([
    ['refused/while-loop.ts', 3, '@aws-appsync/no-while'],
    ['refused/try-catch.ts', 2, '@aws-appsync/no-try'],
    ['refused/class.ts', 1, 'appsync-js/no-class-expressions'],
    ['refused/regex-literal.ts', 2, '@aws-appsync/no-regex'],
    ['refused/increment.ts', 3, '@aws-appsync/no-disallowed-unary-operators'],
    ['refused/replace-stash.ts', 4, '@aws-appsync/no-disallowed-re-assignment'],
    ['refused/import-lodash.js', 2, 'allowed-imports'],
    ['refused/import-node-fs.js', 1, 'allowed-imports'],
  ])('%s at line %i (%s)', async (relative, line, rule) => {
    const error = await refusal(fixture(relative));
    expect(error.file).toBe(fixture(relative));
    expect(error.line).toBe(line);
    expect(error.rule).toBe(rule);
    expect(error.message).toBe(`${error.file}:${line}:${error.column}: ${error.reason}`);
  });

  it('names the import that is not allowed', async () => {
    const error = await refusal(fixture('refused/import-lodash.js'));
    expect(error.reason).toContain("Import of 'lodash' is not allowed");
    expect(error.column).toBe(21);
  });

  it('reports a violation inside a bundled local helper at the helper file and line', async () => {
    const error = await refusal(fixture('refused/uses-bad-helper.ts'));
    expect(error.file).toBe(fixture('refused/helpers/loops.ts'));
    expect(error.line).toBe(3);
    expect(error.rule).toBe('@aws-appsync/no-while');
  });

  it('refuses a module without a response export', async () => {
    const error = await refusal(fixture('refused/missing-response.ts'));
    expect(error.rule).toBe('required-exports');
    expect(error.reason).toContain("'response'");
  });

  it('refuses a syntax error at its line', async () => {
    const file = scratchFile(
      'broken.ts',
      'export function request() {\n  return { payload: 1 ;\n}\nexport function response() { return null; }\n',
    );
    const error = await refusal(file);
    expect(error.rule).toBe('syntax');
    expect(error.line).toBe(2);
  });

  it('refuses bundled code over 32,768 characters and accepts code under it', async () => {
    const body = (size: number) =>
      `export function request() {\n  return { payload: '${'x'.repeat(size)}' };\n}\nexport function response() { return null; }\n`;
    const error = await refusal(scratchFile('big.ts', body(AppSyncJsLimits.MAX_CODE_CHARS)));
    expect(error.rule).toBe('max-code-size');
    expect(error.reason).toMatch(/^Bundled code is \d+ characters; AppSync accepts at most 32768/);
    const small = await loadResolverCode(scratchFile('small.ts', body(1000)));
    expect(small.code.length).toBeLessThanOrEqual(AppSyncJsLimits.MAX_CODE_CHARS);
  });
});

describe('loadResolverCode keeps the deployable code', () => {
  it('is one ES module importing only @aws-appsync/utils, with an inline source map', async () => {
    const code = await loadResolverCode(fixture('unit/errors.ts'));
    expect(code.code).toMatch(/^import \{ util \} from "@aws-appsync\/utils";$/m);
    expect(code.code).toMatch(/^export \{\n {2}request,\n {2}response\n\};$/m);
    expect(code.code).toMatch(/\/\/# sourceMappingURL=data:application\/json;base64,/);
  });

  it('buildResolverCode gives the same deployable code and refusals without a sandbox (for the CDK synth)', async () => {
    const built = await buildResolverCode(fixture('unit/errors.ts'));
    const loaded = await loadResolverCode(fixture('unit/errors.ts'));
    expect(built.code).toBe(loaded.code);
    expect(loaded.inputs).toEqual([fixture('unit/errors.ts')]);
    await expect(buildResolverCode(fixture('refused/while-loop.ts'))).rejects.toMatchObject({ name: 'ResolverCodeError', line: 3 });
  });

  it('exports the esbuild options the deploy reuses', () => {
    expect(appsyncJsBuildOptions).toMatchObject({ bundle: true, format: 'esm', sourcemap: 'inline', sourcesContent: false });
    expect(appsyncJsBuildOptions.external).toContain('@aws-appsync/utils');
  });
});
