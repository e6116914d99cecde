import { ALLOWED_IMPORTS, AppSyncJsLimits, REQUIRED_EXPORTS } from './constants.js';
import { ResolverCodeError } from './errors.js';
import type { ResolverBundle } from './bundle.js';

/**
 * Checks what AppSync checks on the module as a whole: its size (the deployed text, inline source
 * map included), its imports and its `request`/`response` exports.
 * @throws ResolverCodeError positioned at the top of the entry file
 */
export function checkModuleShape(bundle: ResolverBundle): void {
  const top = { file: bundle.file, line: 1, column: 1 };
  if (bundle.code.length > AppSyncJsLimits.MAX_CODE_CHARS) {
    throw new ResolverCodeError(
      top,
      `Bundled code is ${bundle.code.length} characters; AppSync accepts at most ${AppSyncJsLimits.MAX_CODE_CHARS} (inline source map included)`,
      'max-code-size',
    );
  }
  const forbidden = bundle.imports.find((specifier) => !ALLOWED_IMPORTS.includes(specifier));
  if (forbidden !== undefined) {
    throw new ResolverCodeError(
      top,
      `Import of '${forbidden}' is not allowed: APPSYNC_JS code may import only ${ALLOWED_IMPORTS.join(', ')}`,
      'allowed-imports',
    );
  }
  const missing = REQUIRED_EXPORTS.filter((name) => !bundle.exports.includes(name));
  if (missing.length > 0) {
    throw new ResolverCodeError(
      top,
      `The module must export ${missing.map((name) => `'${name}'`).join(' and ')}: APPSYNC_JS code exports a request and a response function`,
      'required-exports',
    );
  }
}
