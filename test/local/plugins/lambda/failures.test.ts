import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createLambdaRunner, LambdaBuildError } from '../../../../local/plugins/lambda/index.js';
import { fixture, processExists, resultOf, useRunner } from './helpers.js';

describe('Lambda runner: a failing function fails its call and nothing else', () => {
  const { runner } = useRunner({
    functions: [
      { name: 'throws', handlerFile: fixture('throws') },
      { name: 'loop', handlerFile: fixture('loop'), timeoutSeconds: 1 },
      { name: 'exit', handlerFile: fixture('exit') },
      { name: 'echo', handlerFile: fixture('echo') },
      { name: 'rejects', handlerFile: fixture('rejects') },
      { name: 'unserialisable', handlerFile: fixture('unserialisable') },
    ],
  });

  it('reports a thrown error with its name and message, and keeps the process warm', async () => {
    const first = await runner.invoke('throws', { reason: 'sold out' });
    expect(first).toEqual({ ok: false, errorType: 'BookingRefusedError', errorMessage: 'refused: sold out' });
    const again = await runner.invoke('throws', { reason: 'again' });
    expect(again).toMatchObject({ ok: false, errorMessage: 'refused: again' });
  });

  it('ends an endless loop with Lambda timeout error, kills that process, and serves the next call', async () => {
    const timedOut = await runner.invoke('loop', { spin: true });
    expect(timedOut).toMatchObject({ ok: false, errorType: 'Sandbox.Timedout' });
    if (timedOut.ok) return;
    expect(timedOut.errorMessage).toMatch(/^RequestId: [0-9a-f-]{36} Error: Task timed out after 1\.00 seconds$/);
    expect(await runner.invoke('loop', {})).toEqual({ ok: true, result: 'awake' });
  });

  it('fails the call whose handler calls process.exit, serves the next, and leaves other functions warm', async () => {
    const echoPid = resultOf(await runner.invoke('echo', {})).pid;
    const exited = await runner.invoke('exit', { exit: true });
    expect(exited).toMatchObject({ ok: false, errorType: 'Runtime.ExitError' });
    if (exited.ok) return;
    expect(exited.errorMessage).toMatch(/^RequestId: [0-9a-f-]{36} Error: Runtime exited with error: exit status 1$/);
    const next = resultOf(await runner.invoke('exit', {}));
    expect(processExists(next.pid as number)).toBe(true);
    expect(resultOf(await runner.invoke('echo', {})).pid).toBe(echoPid);
  });

  it('fails the call on an unhandled promise rejection, as the Node.js runtime does', async () => {
    expect(await runner.invoke('rejects', {})).toEqual({
      ok: false,
      errorType: 'Runtime.UnhandledPromiseRejection',
      errorMessage: 'Error: nobody caught me',
    });
  });

  it('fails the call when the result cannot be serialised to JSON', async () => {
    expect(await runner.invoke('unserialisable', {})).toEqual({
      ok: false,
      errorType: 'Error',
      errorMessage: 'Unable to stringify response body',
    });
  });

  it('refuses an event that is not JSON, before any process sees it', async () => {
    expect(await runner.invoke('echo', { big: 10n })).toMatchObject({ ok: false, errorType: 'InvalidRequestContentException' });
  });

  it('refuses a request payload over 6 MB', async () => {
    expect(await runner.invoke('echo', 'x'.repeat(6_291_456))).toMatchObject({ ok: false, errorType: 'RequestEntityTooLargeException' });
  });

  it('throws for a function that is not configured, with its ARN', async () => {
    await expect(runner.invoke('nope', {})).rejects.toThrow('Function not found: arn:aws:lambda:us-east-1:000000000000:function:nope');
  });
});

describe('Lambda runner: code that cannot load', () => {
  const dirs: string[] = [];
  afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));
  async function handlerFile(name: string, source: string): Promise<string> {
    const dir = await mkdtemp(path.join(process.cwd(), 'node_modules/.cache/lambda-test-'));
    dirs.push(dir);
    const file = path.join(dir, name);
    await writeFile(file, source);
    return file;
  }

  it('reports a missing handler export as Runtime.HandlerNotFound', async () => {
    const runner = createLambdaRunner({ functions: [{ name: 'nohandler', handlerFile: fixture('echo'), handlerExport: 'main' }] });
    try {
      expect(await runner.invoke('nohandler', {})).toEqual({
        ok: false,
        errorType: 'Runtime.HandlerNotFound',
        errorMessage: 'index.main is undefined or not exported',
      });
    } finally {
      await runner.close();
    }
  });

  it('reports an error thrown while the module loads, and retries the init on the next call', async () => {
    const file = await handlerFile('init-throws.ts', "throw new TypeError('no config');\nexport const handler = async () => 1;\n");
    const runner = createLambdaRunner({ functions: [{ name: 'initthrows', handlerFile: file }] });
    try {
      expect(await runner.invoke('initthrows', {})).toEqual({ ok: false, errorType: 'TypeError', errorMessage: 'no config' });
      expect(await runner.invoke('initthrows', {})).toEqual({ ok: false, errorType: 'TypeError', errorMessage: 'no config' });
    } finally {
      await runner.close();
    }
  });

  it('names file and line of a syntax error: prepare throws, calls fail with Offline.BuildError', async () => {
    const file = await handlerFile('broken.ts', 'export const handler = async () => {\n  return 1 +;\n};\n');
    const runner = createLambdaRunner({ functions: [{ name: 'broken', handlerFile: file }] });
    try {
      const error = await runner.prepare().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(LambdaBuildError);
      expect((error as Error).message).toContain(`${path.relative(process.cwd(), file)}:2:`);
      const outcome = await runner.invoke('broken', {});
      expect(outcome).toMatchObject({ ok: false, errorType: 'Offline.BuildError' });
    } finally {
      await runner.close();
    }
  });
});
