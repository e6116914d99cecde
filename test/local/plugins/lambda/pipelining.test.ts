/**
 * While a quick handler runs, the pool may send the next call ahead to the same process
 * (DECISIONS.md, concurrency). What must not change: one call at a time per process, each call's
 * timeout counted from its own start, and a call that never started is served elsewhere instead
 * of failing with its process.
 */
import { describe, expect, it } from 'vitest';
import { createLambdaRunner } from '../../../../local/plugins/lambda/index.js';
import { fixture, resultOf } from './helpers.js';

/** One call first: a call is sent ahead only to a process that has answered one. */
async function warmUp(runner: ReturnType<typeof createLambdaRunner>) {
  return resultOf(await runner.invoke('timed', {}));
}

const options = (timeoutSeconds: number) => ({
  functions: [{ name: 'timed', handlerFile: fixture('timed'), timeoutSeconds }],
  scaleUpAfterMs: 10_000,
  // Every call counts as quick here, so the next one is always sent ahead, however loaded the machine.
  sendAheadUnderMs: 60_000,
});

describe('Lambda workers: a call sent ahead to a busy process', () => {
  it('starts after the running call ends, with its timeout counted from its own start', async () => {
    const runner = createLambdaRunner(options(1));
    try {
      const warm = await warmUp(runner);
      // Together 1.4 s, over the 1 s timeout: each passes only if its clock starts when it starts.
      const [first, second] = await Promise.all([runner.invoke('timed', { ms: 700 }), runner.invoke('timed', { ms: 700 })]);
      const a = resultOf(first);
      const b = resultOf(second);
      expect([a.pid, b.pid]).toEqual([warm.pid, warm.pid]);
      expect(b.startedAt as number).toBeGreaterThanOrEqual(a.endedAt as number);
    } finally {
      await runner.close();
    }
  });

  it('is served by a new process when the running call ends its process before it started', async () => {
    const runner = createLambdaRunner(options(3));
    try {
      const warm = await warmUp(runner);
      const [exited, next] = await Promise.all([runner.invoke('timed', { exit: true }), runner.invoke('timed', {})]);
      expect(exited).toMatchObject({ ok: false, errorType: 'Runtime.ExitError' });
      expect(resultOf(next).pid).not.toBe(warm.pid);
    } finally {
      await runner.close();
    }
  });

  it('is served by a new process when the running call times out and its process is killed', async () => {
    const runner = createLambdaRunner(options(1));
    try {
      const warm = await warmUp(runner);
      const [timedOut, next] = await Promise.all([runner.invoke('timed', { ms: 5_000 }), runner.invoke('timed', {})]);
      expect(timedOut).toMatchObject({ ok: false, errorType: 'Sandbox.Timedout' });
      expect(resultOf(next).pid).not.toBe(warm.pid);
    } finally {
      await runner.close();
    }
  });
});
