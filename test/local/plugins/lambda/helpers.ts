/** Test helpers: fixture paths and a runner that is closed after the file's tests. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';
import {
  createLambdaRunner,
  type LambdaLogLine,
  type LambdaRunner,
  type LambdaRunnerOptions,
} from '../../../../local/plugins/lambda/index.js';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../fixtures/lambda');

/** Absolute path of `test/fixtures/lambda/<name>.ts`. */
export function fixture(name: string): string {
  return path.join(FIXTURES, `${name}.ts`);
}

/** A runner for this test file plus the log lines it received; closed in `afterAll`. */
export function useRunner(options: LambdaRunnerOptions): { runner: LambdaRunner; logs: LambdaLogLine[] } {
  const logs: LambdaLogLine[] = [];
  const runner = createLambdaRunner({ ...options, logger: (line) => logs.push(line) });
  afterAll(() => runner.close());
  return { runner, logs };
}

/** True while a process with this id exists. */
export function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Narrows an outcome to success and returns its result, failing the test otherwise. */
export function resultOf(outcome: Awaited<ReturnType<LambdaRunner['invoke']>>): Record<string, unknown> {
  if (!outcome.ok) throw new Error(`expected success, got ${outcome.errorType}: ${outcome.errorMessage}`);
  return outcome.result as Record<string, unknown>;
}
