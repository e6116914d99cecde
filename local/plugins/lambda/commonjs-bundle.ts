/**
 * Loads an offline CommonJS bundle in a worker process with a V8 code cache: the bundle is
 * compiled through `vm.Script` with the cache's `cachedData`, so V8 skips parsing and compiling
 * what the cache holds (Node 20 has no compile cache for modules it loads itself). The cache is
 * written by the worker after its first invocation, so it also holds the functions that call
 * compiled. Bundled into the worker entry: only Node built-ins may be imported here.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Script } from 'node:vm';

/** A loaded bundle: its exports, and a way to refresh its code cache once it has run. */
export interface LoadedBundle {
  readonly exports: Record<string, unknown>;
  /** Writes the code cache if it was missing or V8 rejected it; later calls do nothing. */
  storeCodeCache(): void;
}

/**
 * The bundle runs as the body of a strict function, as the deployed ES module does (modules are
 * strict), with `exports`, `require` and `module` only: no `__filename` or `__dirname`, which an
 * ES module does not have either. The head is a line of its own, `lineOffset` -1 keeps the
 * bundle's line numbers.
 */
const WRAPPER_HEAD = "(function (exports, require, module) { 'use strict';\n";
const WRAPPER_TAIL = '\n})';

/**
 * Node maps stack frames through source maps only for code it loads itself, and for code whose
 * text names its own `sourceURL` (eval). Evaluating just the two comments registers the
 * bundle's map under the bundle's URL, so `--enable-source-maps` maps its frames as before.
 */
function registerSourceMap(file: string): void {
  const url = pathToFileURL(file).href;
  // Indirect eval: global scope, nothing of this module's visible.
  (0, eval)(`//# sourceURL=${url}\n//# sourceMappingURL=${path.basename(file)}.map`);
}

/** Compiles and runs `file` (CommonJS) with the code cache in `codeCacheFile`, if any. */
export function loadCommonJsBundle(file: string, codeCacheFile: string | undefined): LoadedBundle {
  const source = readFileSync(file, 'utf8');
  let cachedData: Buffer | undefined;
  if (codeCacheFile) {
    try {
      cachedData = readFileSync(codeCacheFile);
    } catch {
      // No cache yet: this worker writes it.
    }
  }
  const script = new Script(`${WRAPPER_HEAD}${source}${WRAPPER_TAIL}`, {
    filename: file,
    lineOffset: -1,
    ...(cachedData ? { cachedData } : {}),
  });
  let cacheWanted = codeCacheFile !== undefined && (cachedData === undefined || script.cachedDataRejected === true);
  if (process.execArgv.includes('--enable-source-maps')) registerSourceMap(file);
  const module = { exports: {} as Record<string, unknown> };
  const body = script.runInThisContext() as (exports: object, require: NodeJS.Require, module: object) => void;
  body.call(undefined, module.exports, createRequire(file), module);
  return {
    exports: module.exports,
    storeCodeCache() {
      if (!cacheWanted || !codeCacheFile) return;
      cacheWanted = false;
      try {
        // Renamed into place, so a worker never reads a half-written cache.
        const partial = `${codeCacheFile}.${process.pid}.tmp`;
        writeFileSync(partial, script.createCachedData());
        renameSync(partial, codeCacheFile);
      } catch {
        // A cache that cannot be written only costs the next cold start its compile.
      }
    },
  };
}
