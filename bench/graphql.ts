/**
 * GraphQL over HTTP throughput: a NONE-backed JS resolver query and a Lambda-resolved query on the
 * fixture API, 20 concurrent clients, bounded in count and time, on 127.0.0.1 only. The server runs
 * in its own process, as `npm start` does, so the load generator does not share its event loop.
 *
 *   npx tsx bench/graphql.ts [--clients 20] [--seconds 8]
 */
import { fork } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: { clients: { type: 'string', default: '20' }, seconds: { type: 'string', default: '8' }, serve: { type: 'string' } },
});
const API_KEY = 'da2-benchbenchbenchbenchbenchb';

if (values.serve) {
  // Child: serve the fixture API and report the URL.
  const { startLocalServer } = await import('../local/server.js');
  const { basicApi } = await import('../test/fixtures/apis/basic/config.js');
  const server = await startLocalServer(basicApi, {
    rootDir: process.cwd(),
    dataDir: values.serve,
    port: 0,
    host: '127.0.0.1',
    apiKey: API_KEY,
    log: () => {},
  });
  process.send?.(server.url);
  process.on('disconnect', () => void server.close().then(() => process.exit(0)));
} else {
  await runBench();
}

async function runBench(): Promise<void> {
  const clients = Number(values.clients);
  const seconds = Number(values.seconds);
  const MAX_REQUESTS = 200_000;
  const dataDir = await mkdtemp(join(tmpdir(), 'roam-bench-'));
  const child = fork(new URL(import.meta.url).pathname, ['--serve', dataDir], { execArgv: ['--import', 'tsx'] });
  const url = await new Promise<string>((resolve) => child.once('message', (message) => resolve(String(message))));
  const server = { url };

  async function measure(name: string, query: string): Promise<void> {
    const body = JSON.stringify({ query });
    const send = () =>
      fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': API_KEY }, body }).then(
        (r) => r.json(),
      );
    for (let i = 0; i < 200; i += 1) await send(); // warm-up: JIT, warm Lambda processes
    const latencies: number[] = [];
    const end = performance.now() + seconds * 1000;
    let errors = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: clients }, async () => {
        while (performance.now() < end && latencies.length < MAX_REQUESTS) {
          const t0 = performance.now();
          const answer = (await send()) as { errors?: unknown };
          latencies.push(performance.now() - t0);
          if (answer.errors) errors += 1;
        }
      }),
    );
    const elapsed = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!.toFixed(2);
    console.log(`| ${name} | ${clients} | ${(latencies.length / elapsed).toFixed(0)} | ${at(0.5)} | ${at(0.99)} | ${errors} |`);
  }

  console.log('| query | clients | requests/s | p50 ms | p99 ms | errors |');
  console.log('|---|---|---|---|---|---|');
  await measure('NONE-backed JS resolver `{ echo }`', '{ echo(message: "hi") }');
  await measure('Lambda resolver `{ shout }`', '{ shout(message: "hi") }');
  child.disconnect();
  await new Promise((resolve) => child.once('exit', resolve));
  await rm(dataDir, { recursive: true, force: true });
}
