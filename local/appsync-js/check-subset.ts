import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Linter, type Rule } from 'eslint';
import appsync from '@aws-appsync/eslint-plugin';
import { CODE_FILE_NAME } from './constants.js';
import { ResolverCodeError } from './errors.js';
import type { PositionMapper } from './source-map.js';

// The plugin's `base` rules are the syntactic part of the APPSYNC_JS subset (loops, try, classes,
// regex literals, ++, this, async, ...). They need no type information, so checking a file takes
// milliseconds; the typed `recommended` extras run in `npm run lint` (see DECISIONS.md).
const base = (appsync.configs as Record<string, Linter.Config>).base as Linter.Config;
const moduleOptions = { ...base.languageOptions, sourceType: 'module', ecmaVersion: 'latest' } as const;

// esbuild rewrites `class A {}` to `var A = class {}`, which the plugin's no-classes rule (class
// declarations only) does not see; AppSync refuses classes in either form.
const noClassExpressions: Rule.RuleModule = {
  create: (context) => ({
    ClassExpression: (node) => context.report({ node, message: 'Class expressions are not supported.' }),
  }),
};

// Flat config ignores a file unless some `files` pattern names its extension.
const ANY_SCRIPT = ['**/*.{ts,mts,cts,tsx,js,mjs,cjs,jsx}'];
// Comments cannot switch rules off: AppSync does not read them either.
const linterOptions = { noInlineConfig: true, reportUnusedDisableDirectives: 'off' } as const;
const sourceConfig: Linter.Config[] = [{ files: ANY_SCRIPT, ...base, languageOptions: moduleOptions, linterOptions }];
const bundleConfig: Linter.Config[] = [
  ...sourceConfig,
  { files: ANY_SCRIPT, plugins: { 'appsync-js-bundle': { rules: { 'no-class-expressions': noClassExpressions } } }, rules: { 'appsync-js-bundle/no-class-expressions': 2 } },
];

let linter: Linter | undefined;

function firstError(code: string, config: Linter.Config[], filename: string): Linter.LintMessage | undefined {
  linter ??= new Linter({ configType: 'flat' });
  const messages = linter.verify(code, config, filename);
  // A file no config matches gets one warning and no check at all: never let that pass silently.
  if (messages.some((message) => message.message.startsWith('No matching configuration'))) throw new Error(`No lint configuration matched ${filename}`);
  return messages.find((message) => message.severity === 2);
}

/**
 * Checks resolver code against the APPSYNC_JS language subset with @aws-appsync/eslint-plugin's
 * rules: first every source file bundled in (positions as written), then the bundled code itself
 * (what AppSync receives), mapped back to the source through its source map.
 * @throws ResolverCodeError at the first violation
 */
export function checkLanguageSubset(sourceFiles: readonly string[], bundledCode: string, positions: PositionMapper): void {
  for (const file of sourceFiles) {
    const problem = firstError(readFileSync(file, 'utf8'), sourceConfig, `source${path.extname(file)}`);
    if (problem) throw new ResolverCodeError({ file, line: problem.line, column: problem.column }, problem.message, problem.ruleId ?? 'syntax');
  }
  const problem = firstError(bundledCode, bundleConfig, CODE_FILE_NAME);
  if (problem) throw new ResolverCodeError(positions.toSource(problem.line, problem.column), problem.message, problem.ruleId ?? 'syntax');
}
