/**
 * Size of each of Roam's Lambda bundles as deployed (the manifest's functions, bundled with the
 * same esbuild options `cdk deploy` uses: minified ESM, the AWS SDK external), and the time a
 * fresh Node process takes to load one and return from module evaluation (the SDK it imports
 * included). DESIGN budget: 300 KB each; cold start in bench/lambda.ts.
 *
 *   npx tsx bench/bundles.ts
 */
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { api } from '../api.config.js';
import { bundleLambda } from '../local/plugins/lambda/index.js';

const BUDGET_BYTES = 300 * 1024;
const LOAD_RUNS = 3;

// Under the project, so a bundle's `@aws-sdk/*` imports resolve to node_modules as the runtime's SDK would.
await mkdir(resolve('node_modules/.cache'), { recursive: true });
const out = await mkdtemp(resolve('node_modules/.cache/roam-bench-bundles-'));
try {
  console.log('| function | bundle KB | budget | module load ms (fresh process, best of 3) |\n|---|---|---|---|');
  for (const [name, fn] of Object.entries(api.manifest.lambdaFunctions)) {
    const bundle = await bundleLambda(name, resolve(fn.handler), join(out, name));
    const loads: number[] = [];
    for (let i = 0; i < LOAD_RUNS; i += 1) {
      const script = `const t=performance.now();await import(${JSON.stringify(bundle.file)});console.log(performance.now()-t)`;
      const ms = Number(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }));
      loads.push(ms);
    }
    const kb = bundle.bytes / 1024;
    console.log(`| ${name} | ${kb.toFixed(1)} | ${bundle.bytes <= BUDGET_BYTES ? 'pass' : 'FAIL'} | ${Math.min(...loads).toFixed(0)} |`);
  }
} finally {
  await rm(out, { recursive: true, force: true });
}
