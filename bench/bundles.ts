/**
 * Size of each of Roam's Lambda bundles as deployed (the manifest's functions, bundled with the
 * same esbuild options `cdk deploy` uses: minified ESM, the AWS SDK external), and the time a
 * fresh Node process (with the offline workers' flags) takes to load one and return from module
 * evaluation: the deployed bundle (the SDK it imports loaded from node_modules) and the offline
 * runtime's bundle (the SDK bundled in, `offlineLambdaBundleOptions`; imported here without the
 * code cache the workers compile it with). DESIGN budget: 300 KB
 * each (the deployed bundle); the whole cold start is in bench/lambda.ts.
 *
 *   npx tsx bench/bundles.ts
 */
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { api } from '../api.config.js';
import { bundleLambda, offlineLambdaBundleOptions } from '../local/plugins/lambda/index.js';
import { lambdaNodeFlags } from '../local/plugins/lambda/environment.js';

const BUDGET_BYTES = 300 * 1024;
const LOAD_RUNS = 3;

/** Best of LOAD_RUNS fresh processes: milliseconds from the import to the end of module evaluation. */
function bestLoadMs(file: string): number {
  const loads: number[] = [];
  for (let i = 0; i < LOAD_RUNS; i += 1) {
    const script = `const t=performance.now();await import(${JSON.stringify(file)});console.log(performance.now()-t)`;
    const flags = [...lambdaNodeFlags(256), '--input-type=module', '-e', script];
    const env = { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' };
    loads.push(Number(execFileSync(process.execPath, flags, { encoding: 'utf8', env })));
  }
  return Math.min(...loads);
}

// Under the project, so a bundle's `@aws-sdk/*` imports resolve to node_modules as the runtime's SDK would.
await mkdir(resolve('node_modules/.cache'), { recursive: true });
const out = await mkdtemp(resolve('node_modules/.cache/roam-bench-bundles-'));
try {
  console.log(
    '| function | bundle KB | budget | module load ms, deployed bundle | offline bundle KB | module load ms, offline bundle |\n|---|---|---|---|---|---|',
  );
  for (const [name, fn] of Object.entries(api.manifest.lambdaFunctions)) {
    const bundle = await bundleLambda(name, resolve(fn.handler), join(out, name));
    const offline = await bundleLambda(name, resolve(fn.handler), join(out, `${name}-offline`), offlineLambdaBundleOptions);
    const kb = bundle.bytes / 1024;
    console.log(
      `| ${name} | ${kb.toFixed(1)} | ${bundle.bytes <= BUDGET_BYTES ? 'pass' : 'FAIL'} | ${bestLoadMs(bundle.file).toFixed(0)} | ` +
        `${(offline.bytes / 1024).toFixed(1)} | ${bestLoadMs(offline.file).toFixed(0)} |`,
    );
  }
} finally {
  await rm(out, { recursive: true, force: true });
}
