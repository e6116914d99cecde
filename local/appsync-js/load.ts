import { transform } from '../../platform/esbuild/service.js';
import type { SourceMapPayload } from 'node:module';
import { buildResolverCode } from './build.js';
import { getBootScript } from './sandbox/boot-script.js';
import { ResolverSandbox } from './sandbox/sandbox.js';
import { getSandboxThread } from './sandbox/sandbox-thread.js';
import { PositionMapper, withoutInlineSourceMap } from '../../platform/appsync-js/source-map.js';

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
  /** Source files bundled in (entry and local helpers): what to watch for reloads. */
  readonly inputs: readonly string[];
  /** @internal the isolated context holding this file's code */
  readonly sandbox: ResolverSandbox;
  /** @internal maps positions in the executed (CommonJS) code to the deployed code */
  readonly executedToDeployed: PositionMapper;
  /** @internal maps positions in the deployed code to the source files */
  readonly deployedToSource: PositionMapper;
}

/**
 * Loads one APPSYNC_JS resolver or function file the way AppSync would accept it
 * ({@link buildResolverCode}), then evaluates it in a fresh isolated context (one per file, reused
 * by every call; module state is fresh per call). Load distinct files once, concurrently.
 * @throws ResolverCodeError with the file, line and column of the first problem
 * @example
 * const code = await loadResolverCode('resolvers/js/Query.hotel.ts');
 */
export async function loadResolverCode(file: string, options: LoadResolverOptions = {}): Promise<ResolverCode> {
  const bootScript = getBootScript(options.runtimeEntry);
  const checked = await buildResolverCode(file);
  // Execute the deployed module itself, only re-wrapped as CommonJS so its imports can be linked
  // to the in-context runtime without --experimental-vm-modules. Without the inline map, esbuild's
  // map points at the deployed code, which is what AppSync's `code.js:line:col` counts.
  const executable = await transform(withoutInlineSourceMap(checked.code), {
    loader: 'js',
    format: 'cjs',
    target: 'esnext',
    sourcemap: 'external',
    logLevel: 'silent',
  });
  const executedToDeployed = new PositionMapper(JSON.parse(executable.map) as SourceMapPayload, checked.outputFile, checked.file);
  const sandbox = new ResolverSandbox(await getSandboxThread(), await bootScript, executable.code);
  return {
    file: checked.file,
    code: checked.code,
    inputs: checked.inputs,
    sandbox,
    executedToDeployed,
    deployedToSource: checked.deployedToSource,
  };
}
