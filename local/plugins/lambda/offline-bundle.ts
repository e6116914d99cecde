/**
 * The offline bundle of a function: CommonJS when the handler allows it, so workers can load it
 * with a V8 code cache (DECISIONS.md, section on bundling), else the deployed format (ESM).
 * Code caches live next to the builds, with a copy of the bundle named by its content.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  bundleLambda,
  offlineEsmLambdaBundleOptions,
  offlineLambdaBundleOptions,
  type LambdaBundle,
} from '../../../platform/lambda/bundle.js';

/** esbuild's warning when code reads `import.meta` in a CommonJS bundle (it would be empty). */
const ESM_ONLY_WARNING = 'empty-import-meta';
/** Files kept in the code cache folder across runs (a bundle, its map, a cache); the oldest beyond this are removed. */
const KEEP_CACHE_FILES = 192;

/**
 * Builds `outDir/index.cjs`, or `outDir/index.mjs` when the handler needs ES module semantics
 * (top-level await fails the CommonJS build; `import.meta` makes esbuild warn).
 * @throws {LambdaBuildError} as {@link bundleLambda} does, from the ESM build.
 */
export async function bundleOfflineLambda(functionName: string, entry: string, outDir: string): Promise<LambdaBundle> {
  try {
    const bundle = await bundleLambda(functionName, entry, outDir, offlineLambdaBundleOptions);
    if (!bundle.warnings.includes(ESM_ONLY_WARNING)) return bundle;
    await Promise.all([rm(bundle.file, { force: true }), rm(`${bundle.file}.map`, { force: true })]);
  } catch {
    // Not expressible as CommonJS, or not buildable at all: the ESM build says which.
  }
  return bundleLambda(functionName, entry, outDir, offlineEsmLambdaBundleOptions);
}

/** Where a worker loads a CommonJS bundle from, and where it keeps the bundle's V8 code cache. */
export interface CachedBundle {
  /** A copy of the bundle named by its content, so its path is the same in every run. */
  readonly file: string;
  readonly codeCacheFile: string;
}

/**
 * Copies a CommonJS bundle (and its source map, with absolute source paths) to a path named by
 * its content, and names its code cache. V8 keeps the script's file name in a code cache and
 * checks the source by its length alone, and a cache holds only for the same V8 version and
 * flags: so the copy is named by a hash of the content, the cache by that hash, the Node version
 * and the workers' flags.
 */
export async function cacheableBundle(cacheDir: string, bundleFile: string, nodeFlags: readonly string[]): Promise<CachedBundle> {
  const source = await readFile(bundleFile);
  const contentHash = createHash('sha256').update(source).digest('hex').slice(0, 32);
  const flagsHash = createHash('sha256')
    .update(`${process.version}\0${nodeFlags.join(' ')}`)
    .digest('hex')
    .slice(0, 12);
  const file = path.join(cacheDir, `${contentHash}.cjs`);
  await mkdir(cacheDir, { recursive: true });
  // Both checked: pruning goes by age and could remove one of the pair.
  if (!(await exists(file)) || !(await exists(`${file}.map`))) {
    const map = JSON.parse(await readFile(`${bundleFile}.map`, 'utf8')) as { sources?: string[] };
    map.sources = map.sources?.map((source) => path.resolve(path.dirname(bundleFile), source));
    // Map first, each renamed into place, so a reader never sees a half-written file.
    await writeAtomically(`${file}.map`, JSON.stringify(map));
    await writeAtomically(file, source);
  }
  return { file, codeCacheFile: path.join(cacheDir, `${contentHash}-${flagsHash}.bin`) };
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

async function writeAtomically(file: string, data: string | Buffer): Promise<void> {
  const partial = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  await writeFile(partial, data);
  await rename(partial, file);
}

/** Removes all but the most recently written files of the code cache folder. */
export async function pruneCodeCaches(cacheDir: string, keep = KEEP_CACHE_FILES): Promise<void> {
  let names: string[];
  try {
    names = await readdir(cacheDir);
  } catch {
    return;
  }
  if (names.length <= keep) return;
  const files = await Promise.all(
    names.map(async (name) => {
      const file = path.join(cacheDir, name);
      return { file, mtimeMs: (await stat(file).catch(() => undefined))?.mtimeMs ?? 0 };
    }),
  );
  files.sort((a, b) => b.mtimeMs - a.mtimeMs);
  await Promise.all(files.slice(keep).map(({ file }) => rm(file, { force: true })));
}
