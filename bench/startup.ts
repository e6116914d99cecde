/**
 * Start-up time: from spawning `npm start`'s command to the first answered query.
 *
 *   npx tsx bench/startup.ts --data-dir DIR [--runs 3]   # on existing data: DIR filled by an earlier npm start
 *   npx tsx bench/startup.ts --fresh [--runs 3]          # a first start: a new empty data folder each run
 *                                                        # (migrate + seed the default data set)
 *   npx tsx bench/startup.ts --fresh --data-dir DIR      # one first start into DIR, which is kept
 *
 * Each run prints the time to the first answer; with --fresh also the data folder's size.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { execFileSync } from 'node:child_process';

const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string' },
    fresh: { type: 'boolean', default: false },
    runs: { type: 'string', default: '3' },
    port: { type: 'string', default: '4199' },
  },
});
const keep = values.fresh && values['data-dir'] !== undefined;
if (keep) values.runs = '1';
if (!values.fresh && !values['data-dir']) throw new Error('--data-dir DIR (a folder an earlier npm start filled) or --fresh is required');
const url = `http://127.0.0.1:${values.port}/graphql`;
const POLL_MS = 20;
const GIVE_UP_MS = 180_000;

async function answered(dataDir: string): Promise<boolean> {
  const keyFile = join(dataDir, 'api-key.json');
  if (!existsSync(keyFile)) return false;
  try {
    const apiKey = (JSON.parse(readFileSync(keyFile, 'utf8')) as { id: string }).id;
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': apiKey },
      body: JSON.stringify({ query: '{ cities(limit: 1) { name } }' }),
    });
    return response.status === 200 && !((await response.json()) as { errors?: unknown }).errors;
  } catch {
    return false;
  }
}

/** CPU seconds (user + system) a process has used so far, from /proc (Linux). */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** One start to first answer: wall-clock milliseconds and the server's CPU seconds (not slowed by load). */
export async function timeStart(dataDir: string): Promise<{ ms: number; cpu: number }> {
  const started = performance.now();
  // What `npm start` runs (package.json), without npm's own process.
  const child = spawn(process.execPath, ['local/start.mjs', '--data-dir', dataDir, '--port', values.port, '--no-watch'], {
    stdio: 'ignore',
  });
  try {
    while (!(await answered(dataDir))) {
      if (performance.now() - started > GIVE_UP_MS) throw new Error('no answer within three minutes');
      if (child.exitCode !== null) throw new Error(`npm start exited with code ${child.exitCode}`);
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
    return { ms: performance.now() - started, cpu: cpuSeconds(child.pid as number) };
  } finally {
    child.kill('SIGTERM');
    if (child.exitCode === null) await new Promise((resolve) => child.once('exit', resolve));
  }
}

for (let run = 1; run <= Number(values.runs); run += 1) {
  const dataDir = values.fresh && !keep ? await mkdtemp(join(tmpdir(), 'roam-first-start-')) : (values['data-dir'] as string);
  const { ms, cpu } = await timeStart(dataDir);
  const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  if (values.fresh) {
    const size = execFileSync('du', ['-sm', dataDir], { encoding: 'utf8' }).split('\t')[0];
    console.log(
      `run ${run}: first start answered after ${Math.round(ms)} ms (${cpu.toFixed(1)} s CPU); data folder ${size} MB (load ${load})`,
    );
    if (!keep) await rm(dataDir, { recursive: true, force: true });
  } else {
    console.log(`run ${run}: first answered query after ${Math.round(ms)} ms (${cpu.toFixed(1)} s CPU; load ${load})`);
  }
}
