/**
 * Overhead of the offline Data API on the PostgreSQL server: the same point query through
 * `pg` directly, through the Data API core in process, and through the unmodified AWS SDK
 * against our HTTP endpoint, in one run. Bounded in count and time per mode.
 *
 *   npx tsx bench/data-api.ts
 *
 * ROAM_BENCH_PG_URL picks the database (default postgres://postgres@127.0.0.1:5432/postgres);
 * the bench creates and drops a scratch table of its own there.
 */
import { randomBytes } from 'node:crypto';
import { ExecuteStatementCommand, RDSDataClient } from '@aws-sdk/client-rds-data';
import pg from 'pg';
import { serveNodeHttp } from '../local/adapters/node-http.js';
import {
  createDataApiCore,
  createDataApiHandler,
  createPostgresBackend,
  DEFAULT_RESOURCE_ARN,
  DEFAULT_SECRET_ARN,
  executeRdsRequest,
} from '../local/plugins/data-api/index.js';

const url = process.env.ROAM_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const ROWS = 1000;
const MAX_STATEMENTS = 3000;
const MAX_MS = 8000;
const WARMUP = 200;

interface Figures {
  mode: string;
  concurrency: number;
  count: number;
  perSecond: number;
  p50: number;
  p99: number;
}

/** Rounds per concurrency: modes take turns, so load from elsewhere on the machine hits them alike. */
const ROUNDS = 5;

/** Runs `once` up to `count` times or `maxMs`, `concurrency` at a time; returns latencies (ms) and elapsed time. */
async function slice(
  once: (i: number) => Promise<unknown>,
  concurrency: number,
  count: number,
  maxMs: number,
): Promise<{ latencies: number[]; elapsed: number }> {
  const latencies: number[] = [];
  const started = performance.now();
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < count && performance.now() - started < maxMs) {
      const i = next++;
      const t0 = performance.now();
      await once(i);
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { latencies, elapsed: performance.now() - started };
}

/** Each mode, in turns over ROUNDS rounds, up to MAX_STATEMENTS statements and MAX_MS in all. */
async function measureInTurns(modes: Array<[string, (i: number) => Promise<unknown>]>, concurrency: number): Promise<Figures[]> {
  for (const [, once] of modes) for (let i = 0; i < WARMUP; i++) await once(i);
  const totals = modes.map(() => ({ latencies: [] as number[], elapsed: 0 }));
  for (let round = 0; round < ROUNDS; round++) {
    for (const [index, [, once]] of modes.entries()) {
      const part = await slice(once, concurrency, MAX_STATEMENTS / ROUNDS, MAX_MS / ROUNDS);
      totals[index]!.latencies.push(...part.latencies);
      totals[index]!.elapsed += part.elapsed;
    }
  }
  return modes.map(([mode], index) => {
    const { latencies, elapsed } = totals[index]!;
    latencies.sort((a, b) => a - b);
    const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!;
    return { mode, concurrency, count: latencies.length, perSecond: (latencies.length / elapsed) * 1000, p50: at(0.5), p99: at(0.99) };
  });
}

async function main(): Promise<void> {
  const table = `bench_data_api_${randomBytes(4).toString('hex')}`;
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const core = createDataApiCore({ backend: createPostgresBackend({ url, maxConnections: 10 }) });
  const server = await serveNodeHttp(createDataApiHandler(core));
  const sdk = new RDSDataClient({
    region: 'us-east-1',
    endpoint: server.url,
    credentials: { accessKeyId: 'AKIDLOCALFAKE', secretAccessKey: 'local-fake-secret' },
  });
  const arns = { resourceArn: DEFAULT_RESOURCE_ARN, secretArn: DEFAULT_SECRET_ARN };
  try {
    await pool.query(`create table ${table} (id int primary key, name text not null, price numeric(10,2), created timestamptz)`);
    await pool.query(`insert into ${table} select g, 'hotel ' || g, g * 1.25, now() from generate_series(1, ${ROWS}) g`);

    const sqlPg = `select id, name, price, created from ${table} where id = $1`;
    const sqlDataApi = `select id, name, price, created from ${table} where id = :id`;
    const sqlAppSync = `select id, name, price, created from ${table} where id = :P0`;
    const idOf = (i: number) => (i % ROWS) + 1;
    const input = (i: number, includeResultMetadata = false) => ({
      ...arns,
      sql: sqlDataApi,
      parameters: [{ name: 'id', value: { longValue: idOf(i) } }],
      includeResultMetadata,
    });
    const modes: Array<[string, (i: number) => Promise<unknown>]> = [
      ['pg directly', (i) => pool.query(sqlPg, [idOf(i)])],
      ['Data API core in process', (i) => core.executeStatement(input(i))],
      // What a JS resolver on the RDS data source costs offline (metadata included, as AppSync asks).
      [
        'AppSync RDS path (executeRdsRequest)',
        (i) => executeRdsRequest(core, arns, { statements: [sqlAppSync], variableMap: { ':P0': idOf(i) } }),
      ],
      ['AWS SDK -> HTTP endpoint', (i) => sdk.send(new ExecuteStatementCommand(input(i)))],
      ['AWS SDK -> HTTP endpoint, includeResultMetadata', (i) => sdk.send(new ExecuteStatementCommand(input(i, true)))],
    ];
    const results: Figures[] = [];
    for (const concurrency of [1, 10]) results.push(...(await measureInTurns(modes, concurrency)));
    console.log(
      `Point query by primary key, ${ROWS}-row table; per line up to ${MAX_STATEMENTS} statements or ${MAX_MS / 1000} s, ` +
        `in ${ROUNDS} rounds taken in turns with the other modes, after ${WARMUP} warm-up.`,
    );
    console.table(
      results.map((r) => {
        const direct = results.find((d) => d.mode === 'pg directly' && d.concurrency === r.concurrency)!;
        return {
          mode: r.mode,
          concurrency: r.concurrency,
          statements: r.count,
          'statements/s': Math.round(r.perSecond),
          'vs pg': `${((r.perSecond / direct.perSecond) * 100).toFixed(0)}%`,
          'p50 ms': r.p50.toFixed(2),
          'p99 ms': r.p99.toFixed(2),
        };
      }),
    );
  } finally {
    await pool.query(`drop table if exists ${table}`).catch(() => undefined);
    sdk.destroy();
    await server.close();
    await core.close();
    await pool.end();
  }
}

await main();
