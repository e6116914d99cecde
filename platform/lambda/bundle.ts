/**
 * How a Lambda handler is bundled: the same esbuild options offline and for `cdk deploy`, so the
 * code that runs locally is the code that ships.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { BuildFailure, BuildOptions } from 'esbuild';
import { build } from '../esbuild/service.js';
import { LambdaRuntime } from './constants.js';
import { LambdaBuildError } from './errors.js';

/** File name of the bundle inside its folder; the Lambda handler string is `index.<export>`. */
export const LAMBDA_BUNDLE_FILE = 'index.mjs';
/** File name of an offline CommonJS bundle (see {@link offlineLambdaBundleOptions}). */
export const LAMBDA_CJS_BUNDLE_FILE = 'index.cjs';

/**
 * The esbuild options for every Lambda bundle (the CDK app passes the same object).
 * - ESM (`.mjs`): top-level await and the format Node.js 22 runs natively.
 * - `@aws-sdk/*` external: the nodejs22.x runtime ships SDK v3, and bundling client-rds-data
 *   alone adds about 440 KB minified, over our 300 KB budget (DECISIONS.md).
 * - The banner gives bundled CommonJS dependencies a working `require`.
 * - A linked source map, so stack traces (with `--enable-source-maps`) name the TypeScript lines.
 */
export const lambdaBundleOptions = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: LambdaRuntime.ESBUILD_TARGET,
  minify: true,
  sourcemap: 'linked',
  external: ['@aws-sdk/*'],
  mainFields: ['module', 'main'],
  legalComments: 'none',
  banner: {
    js: "import { createRequire as __lambdaCreateRequire } from 'node:module'; const require = __lambdaCreateRequire(import.meta.url);",
  },
  logLevel: 'silent',
} as const satisfies BuildOptions;

/**
 * The same options for the offline runtime, with differences that only change how the code is
 * packed, not what runs:
 * - `@aws-sdk/*` bundled in. Offline there is no runtime-provided SDK: an external import loads
 *   the project's copy from node_modules, about 700 KB of CommonJS in 22 files that Node
 *   resolves, wraps and compiles one by one: 1.3-1.5x the CPU of
 *   loading the same code as one tree-shaken file (local/plugins/lambda/DECISIONS.md).
 *   The deployed bundle keeps the SDK external, as the nodejs22.x runtime provides it.
 * - No `sourcesContent` in the source map: stack traces need only the mappings (the sources
 *   are on disk offline).
 * - CommonJS (`index.cjs`), which the offline worker compiles with a V8 code cache
 *   (`vm.Script` `cachedData`); Node 20 has no code cache for ES modules, and compiling the
 *   bundle is most of a cold start's module load. Dynamic `import()` is lowered to `require`
 *   because V8 drops a script's dynamic-import callback when it comes from a code cache. A
 *   handler that needs ES module semantics (top-level await, `import.meta`) gets
 *   {@link offlineEsmLambdaBundleOptions} instead (local/plugins/lambda/offline-bundle.ts).
 */
export const offlineLambdaBundleOptions = {
  ...lambdaBundleOptions,
  format: 'cjs',
  banner: {},
  external: [],
  sourcesContent: false,
  supported: { 'dynamic-import': false },
} as const satisfies BuildOptions;

/** The offline options in the deployed format (ESM), for handlers that need ES module semantics. */
export const offlineEsmLambdaBundleOptions = {
  ...lambdaBundleOptions,
  external: [],
  sourcesContent: false,
} as const satisfies BuildOptions;

/** Where a bundle was written, how big it is, and which source files went into it. */
export interface LambdaBundle {
  readonly file: string;
  readonly bytes: number;
  /** Absolute paths of the bundled source files (for a file watcher); externals excluded. */
  readonly inputs: readonly string[];
  /** esbuild's ids of the warnings it reported (e.g. `empty-import-meta`). */
  readonly warnings: readonly string[];
}

/**
 * Bundles one handler module into `outDir/index.mjs` (`index.cjs` for CommonJS) with {@link lambdaBundleOptions} (or the
 * offline runtime's {@link offlineLambdaBundleOptions}).
 * @throws {LambdaBuildError} naming file, line and column of the first problem.
 */
export async function bundleLambda(
  functionName: string,
  entry: string,
  outDir: string,
  options: BuildOptions = lambdaBundleOptions,
): Promise<LambdaBundle> {
  const file = path.join(outDir, options.format === 'cjs' ? LAMBDA_CJS_BUNDLE_FILE : LAMBDA_BUNDLE_FILE);
  let inputs: string[];
  let warnings: string[];
  try {
    const result = await build({ ...options, entryPoints: [entry], outfile: file, metafile: true });
    inputs = Object.keys(result.metafile.inputs).map((input) => path.resolve(input));
    warnings = result.warnings.map((warning) => warning.id);
  } catch (error) {
    throw new LambdaBuildError(functionName, describeBuildFailure(error), { cause: error });
  }
  return { file, bytes: (await stat(file)).size, inputs, warnings };
}

function describeBuildFailure(error: unknown): string {
  const failure = error as Partial<BuildFailure>;
  const first = failure.errors?.[0];
  if (!first) return error instanceof Error ? error.message : String(error);
  const where = first.location ? `${first.location.file}:${first.location.line}:${first.location.column + 1}: ` : '';
  const more = (failure.errors?.length ?? 1) > 1 ? ` (and ${(failure.errors?.length ?? 1) - 1} more)` : '';
  return `${where}${first.text}${more}`;
}
