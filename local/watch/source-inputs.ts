import { build } from '../../platform/esbuild/service.js';
import { resolve } from 'node:path';

/**
 * The project's own source files each entry imports (itself included), found by bundling them
 * once with esbuild's metafile and packages left external. A file that does not build yet is
 * reported as its own only input, so a later fix is still seen.
 */
export async function sourceInputs(entries: readonly string[], rootDir: string): Promise<Map<string, Set<string>>> {
  const byEntry = new Map(entries.map((entry) => [resolve(rootDir, entry), new Set([resolve(rootDir, entry)])]));
  if (byEntry.size === 0) return byEntry;
  try {
    const result = await build({
      entryPoints: [...byEntry.keys()],
      absWorkingDir: rootDir,
      bundle: true,
      write: false,
      metafile: true,
      packages: 'external',
      platform: 'node',
      format: 'esm',
      outdir: 'watch-inputs',
      logLevel: 'silent',
    });
    for (const output of Object.values(result.metafile.outputs)) {
      if (!output.entryPoint) continue;
      const inputs = byEntry.get(resolve(rootDir, output.entryPoint));
      for (const input of Object.keys(output.inputs)) inputs?.add(resolve(rootDir, input));
    }
  } catch {
    // A broken file: keep each entry's own path; the next successful reload looks again.
  }
  return byEntry;
}
