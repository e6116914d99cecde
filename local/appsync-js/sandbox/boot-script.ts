import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from '../../../platform/esbuild/service.js';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The runtime the sandboxes evaluate unless told otherwise: our `@aws-appsync/utils`. */
export const DEFAULT_RUNTIME_ENTRY = path.resolve(here, '../runtime/index.ts');

/** The runtime and harness as one script: `key` names the runtime it was built from. */
export interface BootScript {
  readonly key: string;
  readonly source: string;
}

const bootScripts = new Map<string, Promise<BootScript>>();

async function bundleBootScript(runtimeEntry: string): Promise<BootScript> {
  // One script holds the runtime and the harness; it installs `__roamHarness` when evaluated.
  const entry = [
    `import { installHarness } from ${JSON.stringify(path.join(here, 'harness.ts'))};`,
    `import { createAppSyncModules, readSignal } from ${JSON.stringify(runtimeEntry)};`,
    'installHarness({ createAppSyncModules, readSignal });',
  ].join('\n');
  const result = await build({
    stdin: { contents: entry, resolveDir: here, sourcefile: 'appsync-runtime-boot.ts', loader: 'ts' },
    bundle: true,
    format: 'iife',
    platform: 'neutral',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  const text = result.outputFiles[0]?.text;
  if (text === undefined) throw new Error(`esbuild produced no runtime bundle for ${runtimeEntry}`);
  return { key: runtimeEntry, source: text };
}

/**
 * The runtime and harness, bundled with esbuild once per process; the sandbox thread compiles it
 * once and every context runs the same compiled script.
 * @param runtimeEntry module exporting `createAppSyncModules` and `readSignal`
 */
export function getBootScript(runtimeEntry: string = DEFAULT_RUNTIME_ENTRY): Promise<BootScript> {
  const key = path.resolve(runtimeEntry);
  let script = bootScripts.get(key);
  if (!script) {
    script = bundleBootScript(key);
    script.catch(() => bootScripts.delete(key));
    bootScripts.set(key, script);
  }
  return script;
}
