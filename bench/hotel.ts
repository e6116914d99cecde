/**
 * hotel(id) through the offline server's /graphql (the APPSYNC_JS resolver on the RDS data source)
 * next to the same SQL sent by `pg` directly, at the same concurrency, in one run: requests/s of
 * each and the ratio. Modes take turns in rounds, so load from elsewhere on the machine hits them
 * alike.
 *
 *   npx tsx bench/hotel.ts                 # PostgreSQL: ROAM_BENCH_PG_URL, a seeded database
 *   npx tsx bench/hotel.ts --clients 1,20  # the concurrencies to run (default 1,20)
 *
 * ROAM_BENCH_PG_URL defaults to the database bench/search.ts uses. The pool of `pg` has as many
 * connections as the server's Data API pool (10), so both may run 10 statements at once. The
 * server runs in its own process, as `npm start` does, so neither side's client shares its event
 * loop (`pg directly` talks to PostgreSQL's processes the same way).
 */
import { fork } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { roamConfig } from '../local.config.js';
import { startLocalServer } from '../local/server.js';

const url = process.env.ROAM_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/roam_explain';
const { values } = parseArgs({ options: { clients: { type: 'string', default: '1,20' }, serve: { type: 'string' } } });
const API_KEY = 'da2-roambenchroambenchroambench';
const POOL = 10;
const WARMUP = 100;
const ROUNDS = 4;
const SLICE_MS = 2_500;
const HOTELS = 200;

/** The SQL Query.hotel sends (resolvers/js/Query.hotel.ts). */
const SQL = 'SELECT api_hotel($1::uuid) AS hotel';
/** Every field api_hotel fills, so the resolver's JSON is all read; Hotel.city/amenities/roomTypes take it from the parent. */
const SCALARS = `id name description stars rating reviewCount address timeZone currency checkInTime checkOutTime
  location { latitude longitude } photos { url caption }`;
const QUERIES = {
  'hotel(id), scalar fields': `query($id: ID!) { hotel(id: $id) { ${SCALARS} } }`,
  'hotel(id), with city, amenities, roomTypes': `query($id: ID!) { hotel(id: $id) { ${SCALARS} city { id name } amenities { code name }
    roomTypes { id name maxGuests beds sizeSqm mealPlan photos { url } cancellationTerms { freeCancellationHours penaltyKind } } } }`,
};

/** Runs `once` from `clients` loops for `ms`; returns how many finished and the elapsed time. */
async function slice(once: (i: number) => Promise<unknown>, clients: number, ms: number): Promise<{ count: number; elapsed: number }> {
  let next = 0;
  const started = performance.now();
  const loop = async (): Promise<void> => {
    while (performance.now() - started < ms) await once(next++);
  };
  await Promise.all(Array.from({ length: clients }, loop));
  return { count: next, elapsed: performance.now() - started };
}

/** Child: serves the API on the database and reports its URL. */
async function serve(dataDir: string): Promise<void> {
  const server = await startLocalServer(roamConfig(), {
    rootDir: process.cwd(),
    dataDir,
    port: 0,
    host: '127.0.0.1',
    apiKey: API_KEY,
    dbUrl: url,
    log: () => {},
  } as Parameters<typeof startLocalServer>[1]);
  await server.prepareDatabase();
  process.send?.(server.url);
  process.on('disconnect', () => void server.close().then(() => process.exit(0)));
}

async function main(): Promise<void> {
  const clientsList = values.clients.split(',').map(Number);
  const dataDir = await mkdtemp(join(tmpdir(), 'roam-bench-'));
  const child = fork(new URL(import.meta.url).pathname, ['--serve', dataDir], { execArgv: ['--import', 'tsx'] });
  const server = {
    url: await new Promise<string>((resolve, reject) => {
      child.once('message', (message) => resolve(String(message)));
      child.once('exit', (code) => reject(new Error(`the server exited (${code}) before it served`)));
    }),
  };
  const pool = new pg.Pool({ connectionString: url, max: POOL });
  try {
    const ids = (await pool.query<{ id: string }>(`SELECT id FROM hotels ORDER BY id LIMIT ${HOTELS}`)).rows.map((row) => row.id);
    const idOf = (i: number) => ids[i % ids.length] as string;
    const graphql = (query: string) => async (i: number) => {
      const response = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': API_KEY },
        body: JSON.stringify({ query, variables: { id: idOf(i) } }),
      });
      const body = (await response.json()) as { data?: { hotel?: unknown }; errors?: unknown };
      if (body.errors || !body.data?.hotel) throw new Error(JSON.stringify(body));
    };
    const modes: [string, (i: number) => Promise<unknown>][] = [
      ['pg directly: SELECT api_hotel($1)', (i) => pool.query(SQL, [idOf(i)])],
      ...Object.entries(QUERIES).map(([label, query]): [string, (i: number) => Promise<unknown>] => [`/graphql ${label}`, graphql(query)]),
    ];
    for (const [, once] of modes) for (let i = 0; i < WARMUP; i += 1) await once(i);
    console.log(`hotel(id) on ${url.replace(/\/\/[^@]*@/, '//')}: ${ROUNDS} rounds of ${SLICE_MS / 1000} s per mode, taken in turns`);
    const table: Record<string, string | number>[] = [];
    for (const clients of clientsList) {
      const totals = modes.map(() => ({ count: 0, elapsed: 0 }));
      for (let round = 0; round < ROUNDS; round += 1) {
        for (const [index, [, once]] of modes.entries()) {
          const part = await slice(once, clients, SLICE_MS);
          totals[index]!.count += part.count;
          totals[index]!.elapsed += part.elapsed;
        }
      }
      const perSecond = totals.map((t) => (t.count / t.elapsed) * 1000);
      modes.forEach(([mode], index) =>
        table.push({
          mode,
          clients,
          requests: totals[index]!.count,
          'requests/s': Math.round(perSecond[index]!),
          'vs pg': `${((perSecond[index]! / perSecond[0]!) * 100).toFixed(0)}%`,
        }),
      );
    }
    console.table(table);
  } finally {
    await pool.end();
    child.disconnect();
    await new Promise((resolve) => child.once('exit', resolve));
    await rm(dataDir, { recursive: true, force: true });
  }
}

if (values.serve) await serve(values.serve);
else await main();
