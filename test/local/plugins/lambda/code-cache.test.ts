/**
 * Offline bundles are CommonJS compiled with a V8 code cache (DECISIONS.md, bundling). What must
 * hold whatever the cache: module-level code runs in every new process with that function's
 * environment, a changed or damaged cache is replaced, stack traces still name the TypeScript,
 * and a handler that needs ES module semantics still runs as an ES module.
 */
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLambdaRunner, type LambdaLogLine } from '../../../../local/plugins/lambda/index.js';
import { resultOf } from './helpers.js';

const initSource = (marker: string) => `
// Module-level code: what Lambda runs once per execution environment, with its environment.
const greeting = process.env.GREETING ?? 'unset';
const loadedInPid = process.pid;
let calls = 0;
export const handler = async () => {
  calls += 1;
  return { greeting, loadedInPid, calls, marker: '${marker}' };
};
`;

// The throw sits on line 4 of this source, column 9.
const throwingSource = `class Refused extends Error {}

function refuse(reason: string): never {
  throw new Refused(reason);
}

export const handler = async (event: { reason: string }) => refuse(event.reason);
`;

const esmSource = `
const settings = await Promise.resolve({ ready: true });
export const handler = async () => ({ ...settings, url: import.meta.url });
`;

describe('Lambda runner: offline bundles with a V8 code cache', () => {
  let dir = '';
  let buildDir = '';
  beforeAll(async () => {
    dir = await mkdtemp(path.join(process.cwd(), 'node_modules/.cache/lambda-code-cache-'));
    buildDir = path.join(dir, 'build');
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("runs module-level code in each new process with that function's environment, cache or not", async () => {
    const file = path.join(dir, 'init.ts');
    await writeFile(file, initSource('one'));
    const functions = [
      { name: 'hello', handlerFile: file, environment: { GREETING: 'hello' } },
      { name: 'bonjour', handlerFile: file, environment: { GREETING: 'bonjour' } },
    ];
    const first = createLambdaRunner({ functions, buildDir });
    try {
      const [report] = await first.prepare();
      expect(report?.bundleFile).toMatch(/index\.cjs$/);
      const cacheFile = report?.commonJsBundle?.codeCacheFile ?? '';
      const hello = resultOf(await first.invoke('hello', {}));
      expect(hello).toMatchObject({ greeting: 'hello', calls: 1 });
      // The first process wrote the cache; the second function's process loads the same code from it.
      expect((await stat(cacheFile)).size).toBeGreaterThan(0);
      const bonjour = resultOf(await first.invoke('bonjour', {}));
      expect(bonjour).toMatchObject({ greeting: 'bonjour', calls: 1 });
      expect(bonjour.loadedInPid).not.toBe(hello.loadedInPid);
      expect(resultOf(await first.invoke('hello', {}))).toMatchObject({ calls: 2, loadedInPid: hello.loadedInPid });
    } finally {
      await first.close();
    }
    // A new runner (a new server start) reuses the cache; the module still initialises afresh.
    const second = createLambdaRunner({ functions, buildDir });
    try {
      const again = resultOf(await second.invoke('hello', {}));
      expect(again).toMatchObject({ greeting: 'hello', calls: 1 });
      expect(again.loadedInPid).toBe(second.workerPids('hello')[0]);
    } finally {
      await second.close();
    }
  });

  it('names a new cache when the bundle changes, and replaces a cache V8 rejects', async () => {
    const file = path.join(dir, 'changing.ts');
    await writeFile(file, initSource('before'));
    const runner = createLambdaRunner({ functions: [{ name: 'changing', handlerFile: file }], buildDir });
    try {
      const [before] = await runner.prepare();
      expect(resultOf(await runner.invoke('changing', {})).marker).toBe('before');
      const beforeCache = before?.commonJsBundle?.codeCacheFile ?? '';
      expect((await stat(beforeCache)).size).toBeGreaterThan(0);

      await writeFile(file, initSource('after'));
      const [after] = await runner.reload();
      const afterCache = after?.commonJsBundle?.codeCacheFile ?? '';
      expect(afterCache).not.toBe(beforeCache);
      // Damaged cache: V8 rejects it, the code compiles from source, and the worker writes a good one.
      const garbage = Buffer.alloc(64, 7);
      await writeFile(afterCache, garbage);
      expect(resultOf(await runner.invoke('changing', {})).marker).toBe('after');
      expect((await readFile(afterCache)).equals(garbage)).toBe(false);
      expect((await stat(afterCache)).size).toBeGreaterThan(garbage.length);
    } finally {
      await runner.close();
    }
  });

  it('maps stack traces in the logs to the TypeScript source', async () => {
    const file = path.join(dir, 'refuse.ts');
    await writeFile(file, throwingSource);
    const logs: LambdaLogLine[] = [];
    const runner = createLambdaRunner({ functions: [{ name: 'refuse', handlerFile: file }], buildDir, logger: (line) => logs.push(line) });
    try {
      // Twice: without a code cache, then from it.
      for (const reason of ['first', 'second']) {
        expect(await runner.invoke('refuse', { reason })).toMatchObject({ ok: false, errorMessage: reason });
        await runner.reload();
      }
      const errors = logs.filter((log) => log.line.includes('Invoke Error'));
      expect(errors).toHaveLength(2);
      for (const { line } of errors) expect(line).toContain(`${file}:4:9`);
    } finally {
      await runner.close();
    }
  });

  it('bundles a handler that needs ES module semantics (top-level await, import.meta) as an ES module', async () => {
    const file = path.join(dir, 'esm.ts');
    await writeFile(file, esmSource);
    const runner = createLambdaRunner({ functions: [{ name: 'esm', handlerFile: file }], buildDir });
    try {
      const [report] = await runner.prepare();
      expect(report?.bundleFile).toMatch(/index\.mjs$/);
      expect(report?.commonJsBundle).toBeUndefined();
      const result = resultOf(await runner.invoke('esm', {}));
      expect(result).toEqual({ ready: true, url: expect.stringMatching(/^file:\/\/.*\/index\.mjs$/) });
    } finally {
      await runner.close();
    }
  });
});
