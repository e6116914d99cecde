import { describe, expect, it, vi } from 'vitest';
import { createLambdaRunner } from '../../../../local/plugins/lambda/index.js';
import { fixture, processExists, resultOf } from './helpers.js';

const pidOf = (outcome: Awaited<ReturnType<ReturnType<typeof createLambdaRunner>['invoke']>>) => resultOf(outcome).pid as number;

describe('Lambda workers: started on demand, scaled by waiting, stopped when idle', () => {
  it('starts no process before the first call, even after the build', async () => {
    const runner = createLambdaRunner({ functions: [{ name: 'echo', handlerFile: fixture('echo') }] });
    try {
      await runner.prepare();
      expect(runner.workerPids('echo')).toEqual([]);
      const pid = pidOf(await runner.invoke('echo', {}));
      expect(runner.workerPids('echo')).toEqual([pid]);
      expect(processExists(pid)).toBe(true);
    } finally {
      await runner.close();
    }
  });

  it('serves a burst of quick calls with one warm process when none waits past scaleUpAfterMs', async () => {
    const runner = createLambdaRunner({ functions: [{ name: 'echo', handlerFile: fixture('echo') }], scaleUpAfterMs: 5_000 });
    try {
      const warm = pidOf(await runner.invoke('echo', {}));
      const burst = await Promise.all(Array.from({ length: 20 }, (_, i) => runner.invoke('echo', { i })));
      expect(new Set(burst.map(pidOf))).toEqual(new Set([warm]));
      expect(burst.map((outcome) => (resultOf(outcome).event as { i: number }).i)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    } finally {
      await runner.close();
    }
  });

  it('serves a long queue of short calls with one process: only calls stuck behind long ones start another', async () => {
    const runner = createLambdaRunner({ functions: [{ name: 'slow', handlerFile: fixture('slow') }], concurrency: 2, scaleUpAfterMs: 300 });
    try {
      const warm = pidOf(await runner.invoke('slow', { ms: 1 }));
      // 30 calls of 20 ms: the last waits about 600 ms, but no call runs for 300 ms.
      const queued = await Promise.all(Array.from({ length: 30 }, () => runner.invoke('slow', { ms: 20 })));
      expect(new Set(queued.map(pidOf))).toEqual(new Set([warm]));
    } finally {
      await runner.close();
    }
  });

  it('starts another process for calls that wait, up to `concurrency`', async () => {
    const runner = createLambdaRunner({ functions: [{ name: 'slow', handlerFile: fixture('slow') }], concurrency: 2, scaleUpAfterMs: 50 });
    try {
      const outcomes = await Promise.all(Array.from({ length: 3 }, () => runner.invoke('slow', { ms: 2_000 })));
      expect(new Set(outcomes.map(pidOf)).size).toBe(2);
    } finally {
      await runner.close();
    }
  });

  it('stops extra idle processes after scaleDownAfterMs and the last one after keepWarmMs, then starts afresh', async () => {
    const runner = createLambdaRunner({
      functions: [{ name: 'slow', handlerFile: fixture('slow') }],
      concurrency: 2,
      scaleUpAfterMs: 50,
      scaleDownAfterMs: 300,
      keepWarmMs: 1_500,
    });
    try {
      const outcomes = await Promise.all(Array.from({ length: 3 }, () => runner.invoke('slow', { ms: 1_500 })));
      const pids = [...new Set(outcomes.map(pidOf))];
      expect(pids).toHaveLength(2);
      await vi.waitFor(() => expect(runner.workerPids('slow')).toHaveLength(1), { timeout: 5_000 });
      await vi.waitFor(() => expect(pids.filter((pid) => processExists(pid))).toHaveLength(1));
      // Both were idle past scaleDownAfterMs; the last one still waits out keepWarmMs.
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(runner.workerPids('slow')).toHaveLength(1);
      await vi.waitFor(() => expect(runner.workerPids('slow')).toEqual([]), { timeout: 5_000 });
      await vi.waitFor(() => expect(pids.filter((pid) => processExists(pid))).toEqual([]));
      const fresh = pidOf(await runner.invoke('slow', { ms: 1 }));
      expect(pids).not.toContain(fresh);
    } finally {
      await runner.close();
    }
  });

  it('keeps at most maxIdleWorkers idle across functions, stopping the longest idle', async () => {
    const runner = createLambdaRunner({
      functions: [
        { name: 'first', handlerFile: fixture('echo') },
        { name: 'second', handlerFile: fixture('echo') },
      ],
      maxIdleWorkers: 1,
    });
    try {
      const first = pidOf(await runner.invoke('first', {}));
      const second = pidOf(await runner.invoke('second', {}));
      await vi.waitFor(() => expect(processExists(first)).toBe(false));
      expect(runner.workerPids('first')).toEqual([]);
      expect(runner.workerPids('second')).toEqual([second]);
      expect(pidOf(await runner.invoke('second', {}))).toBe(second);
    } finally {
      await runner.close();
    }
  });
});

describe('Lambda workers: isolation kept', () => {
  it('gives each function its own process, environment and timeout', async () => {
    const runner = createLambdaRunner({
      functions: [
        { name: 'short', handlerFile: fixture('loop'), timeoutSeconds: 1, environment: { WHO: 'short' } },
        { name: 'long', handlerFile: fixture('loop'), timeoutSeconds: 2, environment: { WHO: 'long' } },
        { name: 'envShort', handlerFile: fixture('env'), environment: { WHO: 'short' } },
        { name: 'envLong', handlerFile: fixture('env'), environment: { WHO: 'long' } },
      ],
    });
    try {
      const [short, long] = await Promise.all([runner.invoke('short', { spin: true }), runner.invoke('long', { spin: true })]);
      expect(short).toMatchObject({
        ok: false,
        errorType: 'Sandbox.Timedout',
        errorMessage: expect.stringMatching(/after 1\.00 seconds$/),
      });
      expect(long).toMatchObject({ ok: false, errorType: 'Sandbox.Timedout', errorMessage: expect.stringMatching(/after 2\.00 seconds$/) });
      const [envShort, envLong] = [resultOf(await runner.invoke('envShort', {})), resultOf(await runner.invoke('envLong', {}))];
      expect([envShort.WHO, envLong.WHO]).toEqual(['short', 'long']);
      expect(runner.workerPids('envShort')).not.toEqual(runner.workerPids('envLong'));
    } finally {
      await runner.close();
    }
  });

  it('replaces a process that crashed while other calls waited for it, and serves them', async () => {
    const runner = createLambdaRunner({ functions: [{ name: 'exit', handlerFile: fixture('exit') }], concurrency: 1 });
    try {
      const before = pidOf(await runner.invoke('exit', {}));
      const [crashed, ...waiting] = await Promise.all([
        runner.invoke('exit', { exit: true }),
        runner.invoke('exit', {}),
        runner.invoke('exit', {}),
      ]);
      expect(crashed).toMatchObject({ ok: false, errorType: 'Runtime.ExitError' });
      const after = new Set(waiting.map(pidOf));
      expect(after.size).toBe(1);
      expect(after.has(before)).toBe(false);
      expect(processExists(before)).toBe(false);
    } finally {
      await runner.close();
    }
  });

  it('replaces a process killed at its timeout while another call waited for it', async () => {
    const runner = createLambdaRunner({ functions: [{ name: 'loop', handlerFile: fixture('loop'), timeoutSeconds: 1 }], concurrency: 1 });
    try {
      const [timedOut, next] = await Promise.all([runner.invoke('loop', { spin: true }), runner.invoke('loop', {})]);
      expect(timedOut).toMatchObject({ ok: false, errorType: 'Sandbox.Timedout' });
      expect(next).toEqual({ ok: true, result: 'awake' });
    } finally {
      await runner.close();
    }
  });

  it('carries large events and results with newlines and non-ASCII text intact, and gives the handler no IPC channel', async () => {
    const runner = createLambdaRunner({
      functions: [
        { name: 'echo', handlerFile: fixture('echo') },
        { name: 'runtime', handlerFile: fixture('runtime') },
      ],
    });
    try {
      const text = `line one\nline two\r\n\ttabbed ünïcødé 🚀 \u2028 ${'x'.repeat(1_000_000)}`;
      expect(resultOf(await runner.invoke('echo', { text })).event).toEqual({ text });
      expect(resultOf(await runner.invoke('runtime', {}))).toMatchObject({ send: 'undefined', connected: null });
    } finally {
      await runner.close();
    }
  });
});
