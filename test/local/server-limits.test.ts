import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalServer, type LocalServer } from '../../local/server.js';
import { limitsApi } from '../fixtures/apis/limits/config.js';

const API_KEY = 'da2-limitslimitslimitslimitsli';
const REQUEST_TIMEOUT_MS = 1_500;
let server: LocalServer;
let dataDir: string;
const logLines: string[] = [];

async function graphql(query: string, headers: Record<string, string> = { 'x-api-key': API_KEY }) {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, body: (await response.json()) as any };
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'roam-limits-'));
  server = await startLocalServer(limitsApi, {
    rootDir: process.cwd(),
    dataDir,
    port: 0,
    host: '127.0.0.1',
    apiKey: API_KEY,
    requestTimeoutMs: REQUEST_TIMEOUT_MS,
    log: (line) => logLines.push(line),
  });
});

afterAll(async () => {
  await server?.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('Offline server: per-API limits through HTTP', () => {
  it('refuses an operation deeper than the query depth limit, and serves one within it', async () => {
    expect((await graphql('{ note { text } }')).body).toEqual({ data: { note: { text: 'a note' } } });
    const { status, body } = await graphql('{ note { author { name } } }');
    expect(status).toBe(200);
    expect(body.data).toBeNull();
    expect(body.errors[0].message).toBe('Validation error of type DepthLimit: Query depth 3 exceeds the maximum depth of 2');
  });

  it('fails the resolutions past the resolver count limit, and only those', async () => {
    const { body } = await graphql('{ a: echo(message: "1") b: echo(message: "2") c: echo(message: "3") d: echo(message: "4") }');
    expect(body.data).toEqual({ a: '1', b: '2', c: '3', d: null });
    expect(body.errors).toEqual([
      expect.objectContaining({ path: ['d'], errorType: 'ResolverCountLimitExceeded', message: 'Resolver count limit of 3 exceeded' }),
    ]);
  });

  it('refuses introspection when the API turns it off', async () => {
    const { body } = await graphql('{ __type(name: "Note") { name } }');
    expect(body.data).toBeNull();
    expect(body.errors[0].message).toContain('introspection is not allowed');
  });

  it('ends a request that runs past its deadline with ExecutionTimeout', async () => {
    const { status, body } = await graphql(`{ slow(ms: ${REQUEST_TIMEOUT_MS * 3}) }`);
    expect(status).toBe(200);
    expect(body).toEqual({
      data: null,
      errors: [expect.objectContaining({ errorType: 'ExecutionTimeout', message: 'Execution timed out.' })],
    });
  });

  it('writes one log line per operation with its name, auth mode, duration, resolvers run and errors', async () => {
    logLines.length = 0;
    await graphql('query Twice { a: echo(message: "x") b: echo(message: "y") }');
    await graphql('{ echo(message: "x") }', {});
    expect(logLines).toEqual([
      expect.stringMatching(/^\[[0-9a-f]{8}\] 200 query Twice auth=API_KEY \d+\.\dms resolvers=2 errors=0$/),
      expect.stringMatching(/^401 - \(anonymous\) auth=- \d+\.\dms resolvers=0 errors=1: UnauthorizedException "[^"]+"$/),
    ]);
  });
});

describe('Offline server: a database that cannot be prepared', () => {
  it('serves what needs no database, refuses statements with the reason, and closes what it opened', async () => {
    const broken = { ...limitsApi, database: { name: 'fixture', prepare: async () => Promise.reject(new Error('migration 0003 failed')) } };
    const scratch = await mkdtemp(join(tmpdir(), 'roam-broken-'));
    const started = await startLocalServer(broken, {
      rootDir: process.cwd(),
      dataDir: scratch,
      port: 0,
      host: '127.0.0.1',
      apiKey: API_KEY,
      log: () => {},
    });
    try {
      const answer = await fetch(`${started.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': API_KEY },
        body: JSON.stringify({ query: '{ echo(message: "up") }' }),
      });
      expect(await answer.json()).toEqual({ data: { echo: 'up' } });

      // npm start awaits this before its banner and stops with the reason (local/cli.ts).
      await expect(started.prepareDatabase()).rejects.toThrow('migration 0003 failed');
      const statement = started.dataApiCore.executeStatement({
        resourceArn: started.dataApi.resourceArn,
        secretArn: started.dataApi.secretArn,
        sql: 'SELECT 1',
      });
      await expect(statement).rejects.toMatchObject({
        name: 'DatabaseUnavailableException',
        message: expect.stringContaining('migration 0003 failed'),
      });
    } finally {
      await started.close();
      // The data folder's lock went with the server.
      expect(existsSync(join(scratch, 'data.lock'))).toBe(false);
      await rm(scratch, { recursive: true, force: true });
    }
  });
});
