/**
 * Start-up time: from spawning `npm start`'s command to the first answered query, on a data
 * folder that already holds a migrated and seeded database (DESIGN budget: 1.5 s).
 *
 *   npx tsx bench/startup.ts --data-dir DIR [--runs 3]
 *
 * DIR must have been filled by one earlier `npm start -- --data-dir DIR`.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: { 'data-dir': { type: 'string' }, runs: { type: 'string', default: '3' }, port: { type: 'string', default: '4199' } },
});
const dataDir = values['data-dir'];
if (!dataDir) throw new Error('--data-dir DIR is required (a folder an earlier npm start filled)');
const apiKey = (JSON.parse(readFileSync(join(dataDir, 'api-key.json'), 'utf8')) as { id: string }).id;
const url = `http://127.0.0.1:${values.port}/graphql`;
const POLL_MS = 20;
const GIVE_UP_MS = 120_000;

async function answered(): Promise<boolean> {
  try {
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

for (let run = 1; run <= Number(values.runs); run += 1) {
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'local/cli.ts', '--data-dir', dataDir, '--port', values.port, '--no-watch'], {
    stdio: 'ignore',
  });
  while (!(await answered())) {
    if (performance.now() - started > GIVE_UP_MS) throw new Error('no answer within two minutes');
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  console.log(`run ${run}: first answered query after ${Math.round(performance.now() - started)} ms`);
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
}
