import { Linter, type Rule } from 'eslint';
import appsync from '@aws-appsync/eslint-plugin';
import { CODE_FILE_NAME } from './constants.js';
import { ResolverCodeError } from './errors.js';
import type { PositionMapper } from './source-map.js';

// The plugin's `base` rules are the syntactic part of the APPSYNC_JS subset (loops, try, classes,
// regex literals, ++, this, async, ...). They run on the bundled code, which is what AppSync
// receives (local helpers included), and need no type information, so a file takes milliseconds.
// The typed `recommended` extras run in `npm run lint` (see DECISIONS.md).
const base = (appsync.configs as Record<string, Linter.Config>).base as Linter.Config;

// esbuild rewrites `class A {}` to `var A = class {}`, which the plugin's no-classes rule (class
// declarations only) does not see; AppSync refuses classes in either form.
const noClassExpressions: Rule.RuleModule = {
  create: (context) => ({
    ClassExpression: (node) => context.report({ node, message: 'Classes are not supported.' }),
  }),
};

const bundleConfig: Linter.Config[] = [
  {
    ...base,
    languageOptions: { ...base.languageOptions, sourceType: 'module', ecmaVersion: 'latest' },
    // Comments cannot switch rules off: AppSync does not read them either.
    linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off' },
  },
  { plugins: { 'appsync-js': { rules: { 'no-class-expressions': noClassExpressions } } }, rules: { 'appsync-js/no-class-expressions': 2 } },
];

let linter: Linter | undefined;

/**
 * Checks bundled code against the APPSYNC_JS language subset with @aws-appsync/eslint-plugin's
 * rules, and reports the first violation where it was written, through the bundle's source map.
 * @throws ResolverCodeError at the first violation
 */
export function checkLanguageSubset(bundledCode: string, positions: PositionMapper): void {
  linter ??= new Linter({ configType: 'flat' });
  const messages = linter.verify(bundledCode, bundleConfig, CODE_FILE_NAME);
  // A file no config matches gets one warning and no check at all: never let that pass silently.
  if (messages.some((message) => message.message.startsWith('No matching configuration')))
    throw new Error('No lint configuration matched the bundle');
  const problem = messages.find((message) => message.severity === 2);
  if (problem) throw new ResolverCodeError(positions.toSource(problem.line, problem.column), problem.message, problem.ruleId ?? 'syntax');
}
