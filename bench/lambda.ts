/**
 * Offline Lambda runtime: cold start and warm invoke overhead.
 * Run: `npx tsx bench/lambda.ts` (optional: ITERATIONS=2000 COLD_RUNS=10).
 *
 * - build: esbuild bundle of a handler (what `prepare()` does once per function);
 * - cold: first call on a fresh runner after the build (process start + module load + invoke),
 *   the way the server starts a worker; with the CPU time the worker process used up to its
 *   answer (read from /proc, so less moved by other load than the wall time);
 * - module load of the rds-data bundle in a fresh `node` with the workers' flags, the SDK
 *   external (the deployed bundle) and bundled in (the offline bundle, CommonJS, imported here
 *   without the code cache the workers compile it with: the cold first call above shows that);
 * - warm: sequential calls on a warm worker, compared with calling the handler in-process,
 *   so the difference is the cost of isolation (the pipe + JSON both ways);
 * - throughput: calls in flight at once, one warm worker (quick calls never wait long enough
 *   to start a second), with the CPU per call of the runner and of the worker.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { build } from 'esbuild';
import {
  createLambdaRunner,
  lambdaBundleOptions,
  offlineLambdaBundleOptions,
  type LambdaRunnerOptions,
} from '../local/plugins/lambda/index.js';
import { lambdaNodeFlags } from '../local/plugins/lambda/environment.js';

const ITERATIONS = Number(process.env.ITERATIONS ?? 2000);
const COLD_RUNS = Number(process.env.COLD_RUNS ?? 10);
const fixture = (name: string) => path.resolve('test/fixtures/lambda', `${name}.ts`);
const EVENT = { arguments: { hotelId: 'h-123', checkIn: '2026-03-01', nights: 2 }, identity: { sub: 'u-1' } };

function stats(samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  const mean = samples.reduce((a, b) => a + b, 0) / samples.length;
  return `mean ${mean.toFixed(3)} ms  p50 ${at(0.5).toFixed(3)}  p99 ${at(0.99).toFixed(3)}  max ${at(1).toFixed(3)}  (n=${samples.length})`;
}

/** CPU milliseconds (user + system) a process has used so far, from /proc (Linux). */
function processCpuMs(pid: number | undefined): number {
  if (pid === undefined) return NaN;
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  const ticks = Number(fields[11]) + Number(fields[12]);
  return (ticks * 1000) / 100; // USER_HZ is 100 on Linux
}

async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const started = performance.now();
  const value = await fn();
  return [performance.now() - started, value];
}

async function coldStart(label: string, options: LambdaRunnerOptions, event: unknown): Promise<void> {
  const builds: number[] = [];
  const firstCalls: number[] = [];
  const workerCpu: number[] = [];
  let bytes = 0;
  for (let i = 0; i < COLD_RUNS; i += 1) {
    const runner = createLambdaRunner(options);
    const name = runner.functionNames[0] ?? '';
    const [buildMs, [report]] = await timed(() => runner.prepare());
    bytes = report?.bundleBytes ?? 0;
    const [callMs, outcome] = await timed(() => runner.invoke(name, event));
    if (!outcome.ok) throw new Error(`${label}: ${outcome.errorType} ${outcome.errorMessage}`);
    workerCpu.push(processCpuMs(runner.workerPids(name)[0]));
    builds.push(buildMs);
    firstCalls.push(callMs);
    await runner.close();
  }
  console.log(`${label}: bundle ${bytes} bytes`);
  console.log(`  build (bundle + worker entry, fresh runner): ${stats(builds)}`);
  console.log(`  cold first call (process start + load + invoke): ${stats(firstCalls)}`);
  console.log(`  CPU of the worker process up to its first answer: ${stats(workerCpu)}`);
}

async function warmOverhead(): Promise<void> {
  // Baseline: the same handler called in-process with a context object, no isolation.
  const { handler } = (await import(fixture('echo'))) as { handler: (e: unknown, c: object) => Promise<unknown> };
  const context = { functionName: 'echo', awsRequestId: 'r', getRemainingTimeInMillis: () => 3000 };
  const direct: number[] = [];
  for (let i = 0; i < ITERATIONS; i += 1) direct.push((await timed(() => handler(EVENT, context)))[0]);

  const runner = createLambdaRunner({ functions: [{ name: 'echo', handlerFile: fixture('echo') }] });
  await runner.invoke('echo', EVENT);
  const isolated: number[] = [];
  for (let i = 0; i < ITERATIONS; i += 1) isolated.push((await timed(() => runner.invoke('echo', EVENT)))[0]);
  console.log(`warm, sequential, same handler called in-process:  ${stats(direct)}`);
  console.log(`warm, sequential, isolated invoke (echo with context):   ${stats(isolated)}`);

  const [pid] = runner.workerPids('echo');
  for (const inFlight of [4, 16]) {
    let done = 0;
    const cpuBefore = process.cpuUsage();
    const workerBefore = processCpuMs(pid);
    const [ms] = await timed(() =>
      Promise.all(
        Array.from({ length: inFlight }, async () => {
          while (done < ITERATIONS) {
            done += 1;
            await runner.invoke('echo', EVENT);
          }
        }),
      ),
    );
    const cpu = process.cpuUsage(cpuBefore);
    const runnerUs = (cpu.user + cpu.system) / ITERATIONS;
    const workerUs = ((processCpuMs(pid) - workerBefore) * 1000) / ITERATIONS;
    console.log(
      `throughput, ${inFlight} in flight, ${runner.workerPids('echo').length} worker(s): ${((ITERATIONS / ms) * 1000).toFixed(0)} invokes/s; ` +
        `CPU per call: runner ${runnerUs.toFixed(1)} us, worker ${workerUs.toFixed(1)} us`,
    );
  }
  await runner.close();
}

/** The choice in DECISIONS.md: rds-data bundle size and module load time, SDK external vs bundled. */
async function sdkBundling(): Promise<void> {
  const dir = await mkdtemp(path.resolve('node_modules/.cache/bench-sdk-'));
  try {
    for (const [label, options] of [
      ['external (deployed bundle)', lambdaBundleOptions],
      ['bundled (offline bundle)', offlineLambdaBundleOptions],
    ] as const) {
      const outfile = path.join(dir, label.split(' ')[0] ?? label, options.format === 'cjs' ? 'index.cjs' : 'index.mjs');
      await build({ ...options, entryPoints: [fixture('rds-data')], outfile });
      const probe = path.join(path.dirname(outfile), 'probe.mjs');
      await writeFile(
        probe,
        `const t = performance.now(); await import('./${path.basename(outfile)}'); process.stdout.write(String(performance.now() - t));`,
      );
      const loads: number[] = [];
      for (let i = 0; i < COLD_RUNS; i += 1) {
        const out = execFileSync(process.execPath, [...lambdaNodeFlags(128), probe], {
          env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
        });
        loads.push(Number(out.toString()));
      }
      console.log(`rds-data with @aws-sdk ${label}: bundle ${(await stat(outfile)).size} bytes; module load ${stats(loads)}`);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  console.log(`node ${process.version}, ${new Date().toISOString()}`);
  await coldStart('echo (no dependencies)', { functions: [{ name: 'echo', handlerFile: fixture('echo') }] }, EVENT);

  const server = createServer((_req, res) =>
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"numberOfRecordsUpdated":1}'),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await coldStart(
    'rds-data (imports @aws-sdk/client-rds-data, one signed HTTP call)',
    {
      functions: [{ name: 'rdsData', handlerFile: fixture('rds-data'), timeoutSeconds: 10 }],
      extraEnvironment: { AWS_ENDPOINT_URL_RDS_DATA: `http://127.0.0.1:${port}` },
    },
    { sql: 'select 1' },
  );
  server.close();

  await sdkBundling();
  await warmOverhead();
}

await main();
