import { describe, expect, it, vi } from 'vitest';
import { createLambdaRunner } from '../../../../local/plugins/lambda/index.js';
import { fixture, processExists, resultOf, useRunner } from './helpers.js';

describe('Lambda runner: handlers, context, environment, logs', () => {
  const { runner, logs } = useRunner({
    functions: [
      { name: 'echo', handlerFile: fixture('echo'), timeoutSeconds: 7, memoryMb: 256 },
      { name: 'env', handlerFile: fixture('env'), environment: { TABLE_PREFIX: 'roam_', STAGE: 'test' } },
      { name: 'callback', handlerFile: fixture('callback') },
      { name: 'console', handlerFile: fixture('console') },
    ],
    extraEnvironment: { AWS_ENDPOINT_URL_RDS_DATA: 'http://127.0.0.1:4000' },
    region: 'eu-west-1',
  });

  it('returns the value of an async handler, after a JSON round trip of event and result', async () => {
    const event = { arguments: { id: 'h1' }, when: '2026-01-01', nested: [1, { deep: true }] };
    const result = resultOf(await runner.invoke('echo', event));
    expect(result.event).toEqual(event);
  });

  it('gives the handler a Lambda context', async () => {
    const result = resultOf(await runner.invoke('echo', {}));
    expect(result).toMatchObject({
      functionName: 'echo',
      functionVersion: '$LATEST',
      invokedFunctionArn: 'arn:aws:lambda:eu-west-1:000000000000:function:echo',
      memoryLimitInMB: '256',
      logGroupName: '/aws/lambda/echo',
    });
    expect(result.awsRequestId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(result.logStreamName).toMatch(/^\d{4}\/\d{2}\/\d{2}\/\[\$LATEST\][0-9a-f]{32}$/);
    expect(result.remainingMs).toBeGreaterThan(0);
    expect(result.remainingMs).toBeLessThanOrEqual(7000);
  });

  it('keeps a warm process between calls and gives each call its own request id', async () => {
    const first = resultOf(await runner.invoke('echo', {}));
    const second = resultOf(await runner.invoke('echo', {}));
    expect(second.pid).toBe(first.pid);
    expect(second.awsRequestId).not.toBe(first.awsRequestId);
    expect(first.pid).not.toBe(process.pid);
  });

  it('shows a function its own variables, the caller extras and Lambda variables, and nothing of the server', async () => {
    process.env.ROAM_SERVER_ONLY_SECRET = 'must-not-leak';
    const env = resultOf(await runner.invoke('env', {}));
    delete process.env.ROAM_SERVER_ONLY_SECRET;
    expect(env).toMatchObject({
      TABLE_PREFIX: 'roam_',
      STAGE: 'test',
      AWS_ENDPOINT_URL_RDS_DATA: 'http://127.0.0.1:4000',
      AWS_REGION: 'eu-west-1',
      AWS_DEFAULT_REGION: 'eu-west-1',
      AWS_LAMBDA_FUNCTION_NAME: 'env',
      AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '128',
      AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs22.x',
      _HANDLER: 'index.handler',
      TZ: ':UTC',
    });
    expect(env.AWS_ACCESS_KEY_ID).toEqual(expect.any(String));
    expect(env.AWS_SECRET_ACCESS_KEY).toEqual(expect.any(String));
    expect(env).not.toHaveProperty('ROAM_SERVER_ONLY_SECRET');
    expect(env).not.toHaveProperty('HOME');
    expect(env).not.toHaveProperty('NODE_OPTIONS');
    expect(env).not.toHaveProperty('VITEST');
  });

  it('does not leak one function environment into another', async () => {
    const echoEnvKeys = resultOf(await runner.invoke('env', {}));
    expect(echoEnvKeys.AWS_LAMBDA_FUNCTION_NAME).toBe('env');
    const other = createLambdaRunner({ functions: [{ name: 'env2', handlerFile: fixture('env') }] });
    try {
      const env2 = resultOf(await other.invoke('env2', {}));
      expect(env2).not.toHaveProperty('TABLE_PREFIX');
      expect(env2.AWS_LAMBDA_FUNCTION_NAME).toBe('env2');
    } finally {
      await other.close();
    }
  });

  it('supports callback-style handlers, for results and for errors', async () => {
    expect(await runner.invoke('callback', { n: 21 })).toEqual({ ok: true, result: { doubled: 42 } });
    expect(await runner.invoke('callback', { n: 3, fail: true })).toEqual({ ok: false, errorType: 'Error', errorMessage: 'odd number 3' });
  });

  it('forwards console and raw output lines with the function name, console lines in Lambda format', async () => {
    await runner.invoke('console', { text: 'from the test' });
    // Output travels on the process's pipes, apart from the result message, so it may land just after it.
    await vi.waitFor(
      () => {
        const lines = logs.filter((l) => l.functionName === 'console');
        expect(lines).toContainEqual(
          expect.objectContaining({ stream: 'stdout', line: expect.stringMatching(/^\S+Z\t[0-9a-f-]{36}\tINFO\thello from the test$/) }),
        );
        expect(lines).toContainEqual(expect.objectContaining({ line: expect.stringMatching(/\tERROR\tmulti\nline$/) }));
        expect(lines).toContainEqual({ functionName: 'console', stream: 'stdout', line: 'raw line' });
      },
      { timeout: 10_000 },
    );
  });
});

describe('Lambda runner: concurrency and shutdown', () => {
  it('runs concurrent calls in separate warm processes, at most `concurrency` of them', async () => {
    // scaleUpAfterMs 0: a call that finds no free process starts one at once, as Lambda would.
    const runner = createLambdaRunner({ functions: [{ name: 'slow', handlerFile: fixture('slow') }], concurrency: 2, scaleUpAfterMs: 0 });
    try {
      const outcomes = await Promise.all(Array.from({ length: 6 }, () => runner.invoke('slow', { ms: 300 })));
      const pids = new Set(outcomes.map((o) => resultOf(o).pid));
      expect(pids.size).toBe(2);
    } finally {
      await runner.close();
    }
  });

  it('starts one process per concurrent call up to the limit', async () => {
    const runner = createLambdaRunner({ functions: [{ name: 'slow', handlerFile: fixture('slow') }], concurrency: 3, scaleUpAfterMs: 0 });
    try {
      const outcomes = await Promise.all(Array.from({ length: 3 }, () => runner.invoke('slow', { ms: 1_500 })));
      expect(new Set(outcomes.map((o) => resultOf(o).pid)).size).toBe(3);
    } finally {
      await runner.close();
    }
  });

  it('leaves no process behind after close, and refuses calls afterwards', async () => {
    const runner = createLambdaRunner({ functions: [{ name: 'echo', handlerFile: fixture('echo') }] });
    const pid = resultOf(await runner.invoke('echo', {})).pid as number;
    expect(processExists(pid)).toBe(true);
    await runner.close();
    expect(processExists(pid)).toBe(false);
    await expect(runner.invoke('echo', {})).rejects.toThrow('The Lambda runner is closed');
  });
});
