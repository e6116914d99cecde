// The Lambdas' data access through the real SDK and the offline Data API over HTTP: named
// parameters, JSON rows, rollback on failure, and the retry of DatabaseResumingException.
import { RDSData } from '@aws-sdk/client-rds-data';
import { afterEach, describe, expect, it } from 'vitest';
import { serveNodeHttp, type NodeHttpServer } from '../../../local/adapters/node-http.js';
import {
  createDataApiCore,
  createDataApiHandler,
  createPgliteBackend,
  DEFAULT_RESOURCE_ARN,
  DEFAULT_SECRET_ARN,
  type AutoPauseOptions,
} from '../../../local/plugins/data-api/index.js';
import { createDataAccess, isResuming, sqlStateOf } from '../../../resolvers/lambda/shared/data-api.js';

const opened: { close(): Promise<void> }[] = [];

async function dataAccess(options: { autoPause?: AutoPauseOptions; resumeDelaysMs?: number[] } = {}) {
  const core = createDataApiCore({ backend: createPgliteBackend(), ...(options.autoPause ? { autoPause: options.autoPause } : {}) });
  const http: NodeHttpServer = await serveNodeHttp(createDataApiHandler(core), { port: 0, host: '127.0.0.1' });
  const api = new RDSData({ endpoint: http.url, region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
  opened.push({
    close: async () => {
      api.destroy();
      await http.close();
      await core.close();
    },
  });
  return createDataAccess({
    api,
    resourceArn: DEFAULT_RESOURCE_ARN,
    secretArn: DEFAULT_SECRET_ARN,
    database: 'postgres',
    ...(options.resumeDelaysMs ? { resumeDelaysMs: options.resumeDelaysMs } : {}),
  });
}

afterEach(async () => {
  while (opened.length > 0) await opened.pop()?.close();
});

describe('data access', () => {
  it('binds named parameters and returns rows as objects', async () => {
    const db = await dataAccess();
    const rows = await db.query<{ n: number; t: string; b: boolean; missing: null }>(
      'SELECT :n::int + 1 AS n, :t AS t, :b AS b, :missing::text AS missing',
      { n: 41, t: 'x', b: true, missing: null },
    );
    expect(rows).toEqual([{ n: 42, t: 'x', b: true, missing: null }]);
  });

  it('commits a transaction that succeeds and rolls back one that throws', async () => {
    const db = await dataAccess();
    await db.execute('CREATE TABLE t (id int PRIMARY KEY CHECK (id > 0))');
    await db.transaction(async (tx) => {
      await tx.execute('INSERT INTO t VALUES (:id)', { id: 1 });
    });
    const failure = await db
      .transaction(async (tx) => {
        await tx.execute('INSERT INTO t VALUES (:id)', { id: 2 });
        await tx.execute('INSERT INTO t VALUES (:id)', { id: -1 });
      })
      .catch((error: unknown) => error);
    expect(sqlStateOf(failure)).toBe('23514');
    const notOurs = await db
      .transaction(async (tx) => {
        await tx.execute('INSERT INTO t VALUES (:id)', { id: 3 });
        throw new Error('business rule said no');
      })
      .catch((error: unknown) => error);
    expect((notOurs as Error).message).toBe('business rule said no');
    expect(await db.query('SELECT id FROM t ORDER BY id')).toEqual([{ id: 1 }]);
  });

  it('retries DatabaseResumingException until the database has resumed', async () => {
    const db = await dataAccess({
      autoPause: { idleMs: 60_000, resumeMs: 400, startPaused: true },
      resumeDelaysMs: [200, 200, 200, 200, 200],
    });
    expect(await db.transaction((tx) => tx.query('SELECT 1 AS one'))).toEqual([{ one: 1 }]);
  });

  it('gives up after its last delay with the resuming error', async () => {
    const db = await dataAccess({ autoPause: { idleMs: 60_000, resumeMs: 5_000, startPaused: true }, resumeDelaysMs: [50] });
    const error = await db.query('SELECT 1').catch((caught: unknown) => caught);
    expect(isResuming(error)).toBe(true);
    expect((error as Error).name).toBe('DatabaseResumingException');
  });
});
