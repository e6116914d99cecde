// The manifest's schedules offline, on a fixture API that knows nothing of hotels: the server runs
// each schedule's function on its timer, `schedules.run` and `npm run jobs` run it once now, through
// a running server or, when none runs, on the data folder.
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findManifestProblems } from '../../../platform/manifest/index.js';
import { startLocalServer, type LocalServer } from '../../../local/server.js';
import { buildSchema } from 'graphql';
import { config } from '../../fixtures/apis/scheduled/config.js';

const API_KEY = 'da2-schedulefixtureschedulefix';
const CONFIG = 'test/fixtures/apis/scheduled/config.ts';
const run = promisify(execFile);

async function ticks(server: LocalServer): Promise<number> {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': API_KEY },
    body: JSON.stringify({ query: '{ ticks }' }),
  });
  return ((await response.json()) as { data: { ticks: number } }).data.ticks;
}

/** `npm run jobs -- ARGS` for the fixture project. */
async function jobs(...args: string[]): Promise<{ code: number; result: any }> {
  try {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'local/jobs-cli.ts', ...args, '--config', CONFIG], {
      timeout: 120_000,
    });
    return { code: 0, result: JSON.parse(stdout.trim().split('\n').at(-1) as string) };
  } catch (error) {
    const failed = error as { code: number; stdout: string };
    return { code: failed.code, result: failed.stdout ? JSON.parse(failed.stdout.trim().split('\n').at(-1) as string) : null };
  }
}

describe('schedules in the manifest', () => {
  it('must name a declared function, a whole number of minutes and a plain name', () => {
    const schema = buildSchema('type Query { ticks: Int }');
    const problems = findManifestProblems(
      {
        ...config.manifest,
        schedules: { 'Bad Name': { function: 'missing', rateMinutes: 0.5 } },
      },
      schema,
    );
    expect(problems).toEqual([
      'schedule Bad Name: the name must be lower-case letters, digits and dashes (at most 64)',
      'schedule Bad Name: Lambda function "missing" is not declared',
      'schedule Bad Name: rateMinutes must be a whole number of minutes, 1 or more',
    ]);
    expect(findManifestProblems(config.manifest, schema)).toEqual([]);
  });

  it('lets a function name only mutations the schema has, for the IAM grant it gets in AWS', () => {
    const schema = buildSchema('type Query { ticks: Int } type Mutation { reset: Int }');
    const withMutations = (mutations: string[]) => ({
      ...config.manifest,
      lambdaFunctions: { tick: { handler: 'test/fixtures/apis/scheduled/lambda/tick.ts', mutations } },
    });
    expect(findManifestProblems(withMutations(['reset']), schema, { requireRootResolvers: false })).toEqual([]);
    expect(findManifestProblems(withMutations(['reset', 'nope']), schema, { requireRootResolvers: false })).toEqual([
      'Lambda function tick: the schema has no mutation nope',
    ]);
  });
});

describe('schedules offline', () => {
  let dataDir: string;
  let server: LocalServer;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'roam-schedules-'));
    // The timer shortened from 5 minutes: the test waits for it rather than for the rate.
    server = await startLocalServer(config, {
      rootDir: process.cwd(),
      dataDir,
      port: 0,
      host: '127.0.0.1',
      apiKey: API_KEY,
      log: () => {},
      schedules: { intervalMs: () => 250 },
    });
  });

  afterAll(async () => {
    await server?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('runs each schedule on its timer while the server runs', async () => {
    const deadline = Date.now() + 30_000;
    while ((await ticks(server)) < 2 && Date.now() < deadline) await new Promise((done) => setTimeout(done, 100));
    expect(await ticks(server)).toBeGreaterThanOrEqual(2);
  });

  it('runs a schedule once on request with its input, and refuses unknown names', async () => {
    const before = await ticks(server);
    const outcome = await server.schedules.run('tick');
    expect(outcome).toMatchObject({ ok: true, result: { label: 'scheduled' } });
    expect(await ticks(server)).toBeGreaterThan(before);
    expect(server.schedules.names).toEqual(['tick']);
    await expect(server.schedules.run('nope')).rejects.toThrow('No schedule nope; the schedules are tick');
  });

  it('`npm run jobs` goes through the running server', async () => {
    const { code, result } = await jobs('tick', '--url', server.url);
    expect(code).toBe(0);
    expect(result).toMatchObject({ job: 'tick', via: 'running server', result: { label: 'scheduled' } });
    expect(await ticks(server)).toBeGreaterThanOrEqual(result.result.ticks);
  });

  it('`npm run jobs` opens the data folder itself when no server runs, and names the jobs for an unknown one', async () => {
    const stoppedAt = server.url;
    const counted = await ticks(server);
    await server.close();
    const { code, result } = await jobs('tick', '--url', stoppedAt, '--data-dir', dataDir);
    expect(code).toBe(0);
    expect(result.via).toBe('data folder');
    expect(result.result.ticks).toBeGreaterThan(counted);
    const unknown = await jobs('nope', '--url', stoppedAt, '--data-dir', dataDir);
    expect(unknown.code).toBe(1);
    // The folder is free again: a server opens it and sees the tick the command wrote.
    server = await startLocalServer(config, {
      rootDir: process.cwd(),
      dataDir,
      port: 0,
      host: '127.0.0.1',
      apiKey: API_KEY,
      log: () => {},
      schedules: { enabled: false },
    });
    expect(await ticks(server)).toBe(result.result.ticks);
  });
});
