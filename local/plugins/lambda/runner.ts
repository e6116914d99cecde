/**
 * The offline Lambda service: one {@link FunctionPool} per configured function, bundles built
 * once into a private folder, worker processes started from the shared worker entry point.
 */
import { randomUUID } from 'node:crypto';
import { traced } from '../shared/request-trace.js';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { resolveRunnerOptions, type ResolvedRunnerOptions } from './config.js';
import { LambdaErrorTypes, LambdaLimits } from './constants.js';
import { functionArn, lambdaNodeFlags, lambdaProcessEnvironment, newLogStreamName } from './environment.js';
import { LambdaBuildError, LambdaFunctionNotFoundError, LambdaRunnerClosedError } from './errors.js';
import { buildWorkerHost } from './host-build.js';
import { bundleOfflineLambda, cacheableBundle, pruneCodeCaches } from './offline-bundle.js';
import { FunctionPool } from './pool.js';
import type { LambdaBuildReport, LambdaInvokeOutcome, LambdaRunner, LambdaRunnerOptions, ResolvedLambdaFunction } from './types.js';
import { startWorker } from './worker.js';

/** Serialises an event as the Invoke API receives it, or explains why it cannot. */
function eventToJson(event: unknown): { json: string } | Extract<LambdaInvokeOutcome, { ok: false }> {
  let json: string;
  try {
    json = JSON.stringify(event ?? null);
  } catch (error) {
    return {
      ok: false,
      errorType: LambdaErrorTypes.INVALID_REQUEST_CONTENT,
      errorMessage: `Could not serialize the request payload: ${(error as Error).message}`,
    };
  }
  // A UTF-16 unit takes at most 3 bytes in UTF-8: most events need no byte count at all.
  if (json.length * 3 > LambdaLimits.MAX_REQUEST_BYTES && Buffer.byteLength(json) > LambdaLimits.MAX_REQUEST_BYTES) {
    return {
      ok: false,
      errorType: LambdaErrorTypes.REQUEST_TOO_LARGE,
      errorMessage: `Request must be smaller than ${LambdaLimits.MAX_REQUEST_BYTES} bytes for the InvokeFunction operation`,
    };
  }
  return { json };
}

/**
 * Creates the offline Lambda runner. Nothing is built or started until {@link LambdaRunner.prepare}
 * or the first call of a function.
 * @throws {LambdaConfigError} listing every invalid option.
 * @example
 * const lambdas = createLambdaRunner({ functions: [{ name: 'book', handlerFile: 'resolvers/lambda/book.ts' }], logger: console.log });
 * const outcome = await lambdas.invoke('book', { arguments: { hotelId: 'h1' } });
 * await lambdas.close();
 */
export function createLambdaRunner(options: LambdaRunnerOptions): LambdaRunner {
  const config: ResolvedRunnerOptions = resolveRunnerOptions(options);
  let closed = false;
  let runDir: Promise<string> | undefined;
  let hostFile: Promise<string> | undefined;
  const ensureRunDir = () =>
    (runDir ??= mkdir(config.buildDir, { recursive: true }).then(() => mkdtemp(path.join(config.buildDir, 'run-'))));
  const ensureHost = () => (hostFile ??= ensureRunDir().then((dir) => buildWorkerHost(dir)));
  // Code caches outlive a run (a new server start reuses them), so they sit beside the run folders.
  const codeCacheDir = path.join(config.buildDir, 'code-cache');
  let pruned: Promise<void> | undefined;

  const pools = new Map<string, FunctionPool>();
  for (const fn of config.functions) pools.set(fn.name, createPool(fn));

  // Idle workers across all functions: past the cap, the longest-idle one stops.
  let idleWorkers = 0;
  function idleChanged(delta: number): void {
    idleWorkers += delta;
    if (delta <= 0 || idleWorkers <= config.maxIdleWorkers) return;
    let oldest: FunctionPool | undefined;
    let oldestSince = Number.POSITIVE_INFINITY;
    for (const pool of pools.values()) {
      const since = pool.oldestIdleSince();
      if (since !== undefined && since < oldestSince) [oldest, oldestSince] = [pool, since];
    }
    oldest?.stopOldestIdle();
  }
  // Idle workers past their time stop; checked often enough for the shortest limit.
  const sweepEveryMs = Math.min(1000, Math.max(20, Math.min(config.scaleDownAfterMs, config.keepWarmMs) / 4));
  const sweeper = setInterval(() => {
    for (const pool of pools.values()) pool.sweep();
  }, sweepEveryMs);
  sweeper.unref();

  function createPool(fn: ResolvedLambdaFunction): FunctionPool {
    let host = '';
    const invokedFunctionArn = functionArn(fn.name, config);
    return new FunctionPool({
      functionName: fn.name,
      concurrency: config.concurrency,
      timings: { scaleUpAfterMs: config.scaleUpAfterMs, scaleDownAfterMs: config.scaleDownAfterMs, keepWarmMs: config.keepWarmMs },
      idleChanged,
      async build(generation) {
        const started = performance.now();
        const [dir, hostPath] = await Promise.all([ensureRunDir(), ensureHost(), (pruned ??= pruneCodeCaches(codeCacheDir))]);
        host = hostPath;
        const bundle = await bundleOfflineLambda(fn.name, fn.handlerFile, path.join(dir, fn.name, `g${generation}`));
        const commonJsBundle = bundle.file.endsWith('.cjs')
          ? await cacheableBundle(codeCacheDir, bundle.file, lambdaNodeFlags(fn.memoryMb))
          : undefined;
        return {
          functionName: fn.name,
          bundleFile: bundle.file,
          bundleBytes: bundle.bytes,
          inputs: bundle.inputs,
          buildMs: performance.now() - started,
          ...(commonJsBundle ? { commonJsBundle } : {}),
        };
      },
      startWorker(build) {
        const taskRoot = path.dirname(build.bundleFile);
        return startWorker({
          functionName: fn.name,
          hostFile: host,
          taskRoot,
          env: lambdaProcessEnvironment(fn, config, taskRoot, newLogStreamName()),
          nodeFlags: lambdaNodeFlags(fn.memoryMb),
          timeoutSeconds: fn.timeoutSeconds,
          invokedFunctionArn,
          ...(build.commonJsBundle ? { commonJsBundle: build.commonJsBundle } : {}),
          logger: config.logger,
        });
      },
    });
  }

  const poolFor = (name: string): FunctionPool => {
    if (closed) throw new LambdaRunnerClosedError();
    const pool = pools.get(name);
    if (!pool) throw new LambdaFunctionNotFoundError(functionArn(name, config));
    return pool;
  };

  /** Settles every build, then throws the first failure so that none is left half-done. */
  async function settleBuilds(builds: Array<Promise<LambdaBuildReport>>): Promise<LambdaBuildReport[]> {
    const results = await Promise.allSettled(builds);
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed)
      throw failed.reason instanceof LambdaBuildError ? failed.reason : new Error(String(failed.reason), { cause: failed.reason });
    return results.map((r) => (r as PromiseFulfilledResult<LambdaBuildReport>).value);
  }

  return {
    functionNames: config.functions.map((fn) => fn.name),
    prepare: () => settleBuilds([...pools.values()].map((pool) => pool.build())),
    async invoke(functionName, event) {
      const pool = poolFor(functionName);
      const serialised = eventToJson(event);
      if (!('json' in serialised)) return serialised;
      const request = { requestId: randomUUID(), eventJson: serialised.json };
      // Recorded in the trace of the GraphQL request that made the call, if any.
      return traced(
        (timing, outcome) => ({
          kind: 'lambda',
          functionName,
          ...timing,
          ...(outcome && !outcome.ok ? { error: `${outcome.errorType}: ${outcome.errorMessage}` } : {}),
        }),
        () => pool.invoke(request),
      );
    },
    reload: (functionNames = [...pools.keys()]) => settleBuilds(functionNames.map((name) => poolFor(name).reload())),
    workerPids: (functionName) => poolFor(functionName).pids(),
    async close() {
      if (closed) return;
      closed = true;
      clearInterval(sweeper);
      await Promise.all([...pools.values()].map((pool) => pool.close()));
      if (runDir) await rm(await runDir, { recursive: true, force: true });
    },
  };
}
