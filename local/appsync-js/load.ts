import { transform } from 'esbuild';
import type { SourceMapPayload } from 'node:module';
import { bundleResolverFile } from './bundle.js';
import { checkLanguageSubset } from './check-subset.js';
import { checkModuleShape } from './check-module.js';
import { getBootScript } from './sandbox/boot-script.js';
import { ResolverSandbox } from './sandbox/sandbox.js';
import { PositionMapper, readInlineSourceMap, withoutInlineSourceMap } from './source-map.js';

/** Options of {@link loadResolverCode}. */
export interface LoadResolverOptions {
  /**
   * Module exporting `createAppSyncModules` and `readSignal` that the sandbox evaluates.
   * @default local/appsync-js/runtime/index.ts
   */
  runtimeEntry?: string;
}

/** A resolver or function file, checked, bundled and ready to run in its own sandbox. */
export interface ResolverCode {
  /** Absolute path of the source file. */
  readonly file: string;
  /** The deployable code: exactly what AppSync receives. */
  readonly code: string;
  /** @internal the isolated context holding this file's code */
  readonly sandbox: ResolverSandbox;
  /** @internal maps positions in the executed (CommonJS) code to the deployed code */
  readonly executedToDeployed: PositionMapper;
  /** @internal maps positions in the deployed code to the source files */
  readonly deployedToSource: PositionMapper;
}

/**
 * Loads one APPSYNC_JS resolver or function file the way AppSync would accept it: bundled with
 * `appsyncJsBuildOptions`, refused when AppSync would refuse it, then evaluated in a fresh
 * isolated context (one per file, reused by every call; module state is fresh per call).
 * @throws ResolverCodeError with the file, line and column of the first problem
 * @example
 * const code = await loadResolverCode('resolvers/js/Query.hotel.ts');
 */
export async function loadResolverCode(file: string, options: LoadResolverOptions = {}): Promise<ResolverCode> {
  const bootScript = getBootScript(options.runtimeEntry);
  const bundle = await bundleResolverFile(file);
  checkModuleShape(bundle);
  const deployedToSource = new PositionMapper(readInlineSourceMap(bundle.code), bundle.outputFile, bundle.file);
  checkLanguageSubset(bundle.code, deployedToSource);
  // Execute the deployed module itself, only re-wrapped as CommonJS so its imports can be linked
  // to the in-context runtime without --experimental-vm-modules. Without the inline map, esbuild's
  // map points at the deployed code, which is what AppSync's `code.js:line:col` counts.
  const executable = await transform(withoutInlineSourceMap(bundle.code), { loader: 'js', format: 'cjs', target: 'esnext', sourcemap: 'external', logLevel: 'silent' });
  const executedToDeployed = new PositionMapper(JSON.parse(executable.map) as SourceMapPayload, bundle.outputFile, bundle.file);
  const sandbox = new ResolverSandbox(await bootScript, executable.code);
  return { file: bundle.file, code: bundle.code, sandbox, executedToDeployed, deployedToSource };
}
