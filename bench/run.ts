/**
 * `npm run bench`: runs the project's benchmarks one after another and writes their output, with
 * the machine's load before each, to a dated report under bench/results/. Each bench is its own
 * script (its header says what it measures); this only runs them and keeps the record.
 *
 *   npm run bench                         # everything (about 10 minutes)
 *   npm run bench -- --only startup,search
 *
 * searchHotels on the 10,000-hotel PostgreSQL seed runs when ROAM_BENCH_PG_URL names a seeded
 * database (see bench/search.ts); otherwise the report says it was left out.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

interface Bench {
  name: string;
  title: string;
  script: string;
  args?: string[];
  env?: Record<string, string>;
  /** Left out, with this reason, when set. */
  skip?: string;
}

const { values } = parseArgs({ options: { only: { type: 'string' } } });
const startupDir = join(mkdtempSync(join(tmpdir(), 'roam-bench-startup-')), 'data');
const pgUrl = process.env.ROAM_BENCH_PG_URL;
const TIME_LIMIT_MS = 15 * 60_000;

const BENCHES: Bench[] = [
  {
    name: 'startup',
    title: 'First start (fresh data folder: migrate + seed the default data set)',
    script: 'bench/startup.ts',
    args: ['--fresh', '--runs', '2'],
  },
  { name: 'startup', title: 'First start into a kept folder', script: 'bench/startup.ts', args: ['--fresh', '--data-dir', startupDir] },
  { name: 'startup', title: 'Start on existing data', script: 'bench/startup.ts', args: ['--data-dir', startupDir, '--runs', '3'] },
  { name: 'graphql', title: 'GraphQL over HTTP, 20 clients', script: 'bench/graphql.ts', args: ['--seconds', '6'] },
  { name: 'search', title: 'searchHotels on the default PGlite data', script: 'bench/search.ts', args: ['--pglite'] },
  {
    name: 'search',
    title: 'searchHotels on the 10,000-hotel seed, PostgreSQL',
    script: 'bench/search.ts',
    args: ['--clients', '20'],
    ...(pgUrl ? {} : { skip: 'ROAM_BENCH_PG_URL is not set (bench/search.ts says how to seed the database)' }),
  },
  {
    name: 'hotel',
    title: 'hotel(id) through /graphql next to the same SQL through pg, 10,000-hotel seed',
    script: 'bench/hotel.ts',
    ...(pgUrl ? {} : { skip: 'ROAM_BENCH_PG_URL is not set (bench/search.ts says how to seed the database)' }),
  },
  { name: 'data-api', title: 'RDS path (JS resolvers) vs pg directly', script: 'bench/data-api.ts' },
  { name: 'realtime', title: 'Realtime fan-out and idle connections', script: 'bench/realtime.ts' },
  {
    name: 'lambda',
    title: 'Offline Lambda runtime: build, cold start, warm invoke',
    script: 'bench/lambda.ts',
    env: { COLD_RUNS: '5', ITERATIONS: '1000' },
  },
  { name: 'bundles', title: "Roam's Lambda bundles", script: 'bench/bundles.ts' },
];

function load(): string {
  return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
}

/** Runs one bench script; resolves with its output (stdout then stderr) and exit code. */
function runScript(bench: Bench): Promise<{ code: number | null; output: string; ms: number }> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', bench.script, ...(bench.args ?? [])], {
      env: { ...process.env, ...bench.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk;
      process.stdout.write(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGTERM'), TIME_LIMIT_MS);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output: stdout + (code === 0 ? '' : stderr), ms: performance.now() - started });
    });
  });
}

const selected = values.only ? new Set(values.only.split(',')) : undefined;
const started = new Date();
const sections: string[] = [];
for (const bench of BENCHES) {
  if (selected && !selected.has(bench.name)) continue;
  const heading = `## ${bench.title}\n\n\`npx tsx ${bench.script} ${(bench.args ?? []).join(' ')}\`${
    bench.env
      ? ` (${Object.entries(bench.env)
          .map(([k, v]) => `${k}=${v}`)
          .join(' ')})`
      : ''
  }`;
  if (bench.skip) {
    sections.push(`${heading}\n\nLeft out: ${bench.skip}.\n`);
    continue;
  }
  console.log(`\n== ${bench.title}`);
  const before = load();
  const { code, output, ms } = await runScript(bench);
  const status = code === 0 ? '' : `\n\n**Failed** (exit code ${code}).`;
  sections.push(
    `${heading}\n\nLoad before: ${before}; after: ${load()}; took ${(ms / 1000).toFixed(0)} s.${status}\n\n\`\`\`\n${output.trim()}\n\`\`\`\n`,
  );
}
rmSync(join(startupDir, '..'), { recursive: true, force: true });

const stamp = started.toISOString().slice(0, 16).replace(':', '');
const report = [
  `# Benchmarks ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
  '',
  `Node ${process.version}, ${cpus().length} CPUs (${cpus()[0]?.model ?? 'unknown'}). Load averages are the machine's (1, 5, 15 minutes):`,
  'other work on it slows every figure alike, so compare figures of one report, and read budgets with the load.',
  'Budgets and what limits each figure: bench/README.md.',
  '',
  ...sections,
].join('\n');
await mkdir('bench/results', { recursive: true });
const file = join('bench/results', `${stamp}.md`);
await writeFile(file, report);
console.log(`\nWrote ${file}`);
