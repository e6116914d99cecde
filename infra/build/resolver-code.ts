/**
 * APPSYNC_JS code for every resolver and pipeline function of the manifest, bundled by the same
 * function the offline server loads code with (`bundleResolverFile`, i.e. `appsyncJsBuildOptions`):
 * the string AppSync receives is byte for byte the string that runs offline (DESIGN decision 3).
 */
import path from 'node:path';
import { bundleResolverFile, type ResolverBundle } from '../../platform/appsync-js/bundle.js';
import { checkModuleShape } from '../../platform/appsync-js/check-module.js';
import { checkLanguageSubset } from '../../platform/appsync-js/check-subset.js';
import { PositionMapper, readInlineSourceMap } from '../../platform/appsync-js/source-map.js';
import type { ResolverManifest } from '../../platform/manifest/index.js';

/** Code files named by the manifest (resolvers with code and pipeline functions), without repeats. */
export function manifestCodeFiles(manifest: ResolverManifest): string[] {
  const files = new Set<string>();
  for (const resolver of Object.values(manifest.resolvers)) {
    if (resolver.kind !== 'DIRECT_LAMBDA' && resolver.code) files.add(resolver.code);
  }
  for (const fn of Object.values(manifest.functions)) files.add(fn.code);
  return [...files];
}

/** The checks the offline loader runs before it accepts code: size, exports, APPSYNC_JS subset. */
function checkAsOffline(bundle: ResolverBundle): ResolverBundle {
  checkModuleShape(bundle);
  checkLanguageSubset(bundle.code, new PositionMapper(readInlineSourceMap(bundle.code), bundle.outputFile, bundle.file));
  return bundle;
}

/**
 * Bundles every code file of the manifest and refuses what the offline loader (and AppSync) would.
 * @returns the deployable code keyed by the path as the manifest writes it
 * @throws ResolverCodeError at the first file that AppSync would refuse (syntax, imports, size, exports, language subset)
 */
export async function bundleManifestCode(manifest: ResolverManifest, rootDir: string): Promise<ReadonlyMap<string, string>> {
  const files = manifestCodeFiles(manifest);
  const bundles = await Promise.all(files.map(async (file) => checkAsOffline(await bundleResolverFile(path.resolve(rootDir, file)))));
  return new Map(files.map((file, index) => [file, (bundles[index] as { code: string }).code]));
}
