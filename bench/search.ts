/**
 * searchHotels on the PostgreSQL server: the query plan of the SQL the resolver sends (EXPLAIN
 * ANALYZE, the statement rendered by the real resolver code with its parameters inlined) and the
 * latency through the offline server's /graphql, for a city search and a search near a point.
 *
 *   psql -h 127.0.0.1 -U postgres -c 'create database roam_explain' postgres
 *   npm run seed -- --db-url postgres://postgres@127.0.0.1:5432/roam_explain --hotels 10000
 *   npx tsx bench/search.ts
 *
 * ROAM_BENCH_PG_URL picks the database (default the one above). Sequential requests (one client),
 * after a warm-up; bounded in count and time per case.
 *
 *   npx tsx bench/search.ts --pglite     # the same on the embedded database, default data set
 *                                        # (a fresh data folder, seeded by the server's first start)
 *   npx tsx bench/search.ts --clients 20 # then each case again with 20 clients at once: searches/s
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { roamConfig } from '../local.config.js';
import { loadResolverCode, runUnitResolver } from '../local/appsync-js/index.js';
import { startLocalServer } from '../local/server.js';

const url = process.env.ROAM_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/roam_explain';
const { values } = parseArgs({ options: { pglite: { type: 'boolean', default: false }, clients: { type: 'string' } } });
const clients = values.clients === undefined ? 0 : Number(values.clients);
if (!Number.isInteger(clients) || clients < 0) throw new Error(`--clients takes a whole number (got ${values.clients})`);
const API_KEY = 'da2-roambenchroambenchroambench';
const WARMUP = 20;
const MAX_REQUESTS = 300;
const MAX_MS = 20_000;
/** How long each case runs with --clients. */
const CONCURRENT_MS = 10_000;

const QUERY = `query($input: HotelSearchInput!, $limit: Int) { searchHotels(input: $input, limit: $limit) {
  items { hotel { id name stars rating reviewCount address timeZone currency location { latitude longitude } photos { url caption } }
          cheapestRoomType { id name maxGuests mealPlan } stayTotal { amount currency } distanceKm }
  nextToken } }`;

function day(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

function literal(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return `'${String(value).replaceAll("'", "''")}'`;
}

/** The statements the resolver sends for `input`, with the parameters written in. */
async function renderedStatements(input: Record<string, unknown>, limit: number): Promise<string[]> {
  const code = await loadResolverCode('resolvers/js/Query.searchHotels.ts');
  let sent: { statements: string[]; variableMap: Record<string, unknown> } | undefined;
  await runUnitResolver(
    code,
    {
      arguments: { input, limit },
      identity: null,
      source: null,
      request: { headers: {}, domainName: null },
      info: { fieldName: 'searchHotels', parentTypeName: 'Query', variables: {}, selectionSetList: [], selectionSetGraphQL: '' },
      env: {},
    },
    async (request) => {
      sent = request as typeof sent;
      return { error: { message: 'not run', type: 'Bench' } };
    },
    { deadline: Date.now() + 30_000, requestId: 'bench' },
  );
  if (!sent) throw new Error('the resolver sent no request');
  const variables = sent.variableMap;
  // Longest names first, so :P1 never eats the start of :P10.
  const names = Object.keys(variables).sort((a, b) => b.length - a.length);
  return sent.statements.map((statement) => names.reduce((text, name) => text.replaceAll(name, literal(variables[name])), statement));
}

async function main(): Promise<void> {
  const dataDir = await mkdtemp(join(tmpdir(), 'roam-bench-'));
  const server = await startLocalServer(roamConfig(), {
    rootDir: process.cwd(),
    dataDir,
    port: 0,
    host: '127.0.0.1',
    apiKey: API_KEY,
    ...(values.pglite ? {} : { dbUrl: url }),
    log: () => {},
  } as Parameters<typeof startLocalServer>[1]);
  // Rows of a statement: through pg on the server, through the Data API core on PGlite.
  const client = values.pglite ? undefined : new pg.Client({ connectionString: url });
  await client?.connect();
  const query = async (text: string): Promise<Record<string, any>[]> => {
    if (client) return (await client.query(text)).rows;
    const out = await server.dataApiCore.executeStatement({
      resourceArn: server.dataApi.resourceArn,
      secretArn: server.dataApi.secretArn,
      sql: text,
      formatRecordsAs: 'JSON',
    });
    return JSON.parse(out.formattedRecords ?? '[]') as Record<string, any>[];
  };
  console.log(values.pglite ? 'PGlite, default data set' : `PostgreSQL ${url.replace(/\/\/[^@]*@/, '//')}`);
  const city = await query(`SELECT c.id, c.name, c.latitude, c.longitude, count(*)::int AS hotels
    FROM cities c JOIN hotels h ON h.city_id = c.id GROUP BY c.id ORDER BY hotels DESC LIMIT 1`);
  const { id: cityId, name, latitude, longitude, hotels } = city[0] as Record<string, any>;
  const cases: [string, Record<string, unknown>][] = [
    [`city ${name} (${hotels} hotels), 3 nights, sort PRICE`, { cityId, checkIn: day(14), checkOut: day(17), guests: 2, sort: 'PRICE' }],
    [
      `near ${name} centre, 25 km, 3 nights, sort DISTANCE`,
      { near: { location: { latitude, longitude }, radiusKm: 25 }, checkIn: day(14), checkOut: day(17), guests: 2 },
    ],
    [
      'near, 10 km, 7 nights, 4 stars + wifi, sort RATING',
      {
        near: { location: { latitude, longitude }, radiusKm: 10 },
        checkIn: day(30),
        checkOut: day(37),
        guests: 2,
        filters: { minStars: 4, amenities: ['wifi'] },
        sort: 'RATING',
      },
    ],
  ];

  for (const [label, input] of cases) {
    const [, rendered] = await renderedStatements(input, 20);
    const search = rendered as string;
    // Warm: a new connection's first statements pay for catalogue and time-zone caches.
    for (let i = 0; i < 5; i += 1) await query(search);
    const plan = await query(`EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY ON) ${search}`);
    console.log(`\n=== EXPLAIN ANALYZE: ${label}\n${plan.map((row) => row['QUERY PLAN']).join('\n')}`);
  }
  await client?.end();

  try {
    console.log('\n| case | requests | items | p50 ms | p90 ms | p99 ms |\n|---|---|---|---|---|---|');
    // The first row is the server's own floor: a one-row RDS read through the same path.
    const runs: [string, string, Record<string, unknown>][] = [
      ['baseline: cities(limit: 1)', '{ cities(limit: 1) { id } }', {}],
      ...cases.map(([label, input]): [string, string, Record<string, unknown>] => [label, QUERY, { input, limit: 20 }]),
    ];
    const onceOf = (query: string, variables: Record<string, unknown>) => async (): Promise<number> => {
      const response = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': API_KEY },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as { data?: { searchHotels?: { items: unknown[] }; cities?: unknown[] }; errors?: unknown };
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      return (body.data?.searchHotels?.items ?? body.data?.cities ?? []).length;
    };
    const at = (times: number[], q: number) => (times[Math.min(times.length - 1, Math.floor(q * times.length))] as number).toFixed(1);
    for (const [label, query, variables] of runs) {
      const once = onceOf(query, variables);
      for (let i = 0; i < WARMUP; i += 1) await once();
      const times: number[] = [];
      let items = 0;
      const started = Date.now();
      while (times.length < MAX_REQUESTS && Date.now() - started < MAX_MS) {
        const t0 = performance.now();
        items = await once();
        times.push(performance.now() - t0);
      }
      times.sort((a, b) => a - b);
      console.log(`| ${label} | ${times.length} | ${items} | ${at(times, 0.5)} | ${at(times, 0.9)} | ${at(times, 0.99)} |`);
    }
    if (clients > 0) {
      console.log(
        `\n${clients} clients at once, ${CONCURRENT_MS / 1000} s per case\n| case | requests | requests/s | p50 ms | p99 ms |\n|---|---|---|---|---|`,
      );
      for (const [label, query, variables] of runs) {
        const once = onceOf(query, variables);
        const times: number[] = [];
        const started = performance.now();
        const client = async (): Promise<void> => {
          while (performance.now() - started < CONCURRENT_MS) {
            const t0 = performance.now();
            await once();
            times.push(performance.now() - t0);
          }
        };
        await Promise.all(Array.from({ length: clients }, client));
        const elapsed = performance.now() - started;
        times.sort((a, b) => a - b);
        console.log(
          `| ${label} | ${times.length} | ${((times.length / elapsed) * 1000).toFixed(0)} | ${at(times, 0.5)} | ${at(times, 0.99)} |`,
        );
      }
    }
  } finally {
    await server.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

await main();
