/**
 * The resolver module a case stands for. Recorded cases leave out the imports their harness put
 * in front of every case (`util`, and the `rds` and `ddb` namespaces for expressions): this file
 * restores them, so the module is a valid APPSYNC_JS file that AppSync and the offline loader
 * both accept. Only bindings the code names are added, and none it already imports.
 */
import type { ConformanceCase } from './cases.js';

interface Prelude {
  binding: string;
  line: string;
}

const MODULE_PRELUDE: readonly Prelude[] = [
  { binding: 'util', line: "import { util } from '@aws-appsync/utils';" },
  { binding: 'rds', line: "import * as rds from '@aws-appsync/utils/rds';" },
];

const EXPRESSION_PRELUDE: readonly Prelude[] = [
  ...MODULE_PRELUDE,
  { binding: 'ddb', line: "import * as ddb from '@aws-appsync/utils/dynamodb';" },
];

function importsBinding(code: string, binding: string): boolean {
  const imports = code.match(/^\s*import\s[^;]*?from\s*['"][^'"]+['"]/gm) ?? [];
  return imports.some((statement) =>
    new RegExp(`(^|[\\s{,*])${binding}([\\s},]|$)`).test(statement.replace(/^\s*import\s/, ' ').replace(/\sfrom\s.*$/, ' ')),
  );
}

function withPrelude(code: string, prelude: readonly Prelude[]): string {
  const lines = prelude
    .filter(({ binding }) => new RegExp(`\\b${binding}\\b`).test(code) && !importsBinding(code, binding))
    .map(({ line }) => line);
  return `${lines.join('\n')}\n${code}\n`;
}

/** The handler a case runs. */
export function caseHandler(testCase: ConformanceCase): 'request' | 'response' {
  return testCase.kind === 'module' ? testCase.fn : 'request';
}

/** The full module source of a case, as it is sent to `EvaluateCode` and loaded offline. */
export function caseSource(testCase: ConformanceCase): string {
  if (testCase.kind === 'module') return withPrelude(testCase.code, MODULE_PRELUDE);
  const module = `export function request(ctx) {\n  return ${testCase.expr};\n}\n\nexport function response(ctx) {}`;
  return withPrelude(module, EXPRESSION_PRELUDE);
}
