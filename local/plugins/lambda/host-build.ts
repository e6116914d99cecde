/**
 * Builds the worker entry point (`worker-host.ts`) into plain JavaScript, so worker processes
 * start with bare `node`: no TypeScript loader, no flags or environment from the server.
 * CommonJS: an ES module entry makes Node set up its ES module loader and compile the entry as a
 * module at every cold start (about 50 M instructions, a quarter of a cold start without
 * dependencies, measured with callgrind); an `index.mjs` bundle is still loaded with `import()`.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from '../../../platform/esbuild/service.js';

const HOST_FILE = 'worker-host.cjs';

function hostSource(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const ts = path.join(here, 'worker-host.ts');
  return existsSync(ts) ? ts : path.join(here, 'worker-host.js');
}

/** Writes `outDir/worker-host.cjs` and returns its path. */
export async function buildWorkerHost(outDir: string): Promise<string> {
  const outfile = path.join(outDir, HOST_FILE);
  await build({
    entryPoints: [hostSource()],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'silent',
  });
  return outfile;
}
