/**
 * The offline Lambda service: one {@link FunctionPool} per configured function, bundles built
 * once into a private folder, worker processes started from the shared worker entry point.
 */
import { randomUUID } from 'node:crypto';
import { traced } from '../shared/request-trace.js';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { bundleLambda } from '../../../platform/lambda/bundle.js';
import { resolveRunnerOptions, type ResolvedRunnerOptions } from './config.js';
import { LambdaErrorTypes, LambdaLimits } from './constants.js';
import { functionArn, lambdaNodeFlags, lambdaProcessEnvironment, newLogStreamName } from './environment.js';
import { LambdaBuildError, LambdaFunctionNotFoundError, LambdaRunnerClosedError } from './errors.js';
import { buildWorkerHost } from './host-build.js';
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
  if (Buffer.byteLength(json) > LambdaLimits.MAX_REQUEST_BYTES) {
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

  const pools = new Map<string, FunctionPool>();
  for (const fn of config.functions) pools.set(fn.name, createPool(fn));

  function createPool(fn: ResolvedLambdaFunction): FunctionPool {
    let host = '';
    return new FunctionPool({
      functionName: fn.name,
      concurrency: config.concurrency,
      async build(generation) {
        const started = performance.now();
        const [dir, hostPath] = await Promise.all([ensureRunDir(), ensureHost()]);
        host = hostPath;
        const bundle = await bundleLambda(fn.name, fn.handlerFile, path.join(dir, fn.name, `g${generation}`));
        return {
          functionName: fn.name,
          bundleFile: bundle.file,
          bundleBytes: bundle.bytes,
          inputs: bundle.inputs,
          buildMs: performance.now() - started,
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
      const message = { requestId: randomUUID(), eventJson: serialised.json, invokedFunctionArn: functionArn(functionName, config) };
      // Recorded in the trace of the GraphQL request that made the call, if any.
      return traced(
        (timing, outcome) => ({
          kind: 'lambda',
          functionName,
          ...timing,
          ...(outcome && !outcome.ok ? { error: `${outcome.errorType}: ${outcome.errorMessage}` } : {}),
        }),
        () => pool.invoke(message),
      );
    },
    reload: (functionNames = [...pools.keys()]) => settleBuilds(functionNames.map((name) => poolFor(name).reload())),
    async close() {
      if (closed) return;
      closed = true;
      await Promise.all([...pools.values()].map((pool) => pool.close()));
      if (runDir) await rm(await runDir, { recursive: true, force: true });
    },
  };
}
