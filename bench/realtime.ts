/**
 * Realtime bench: mutation-to-event latency with 1 and with 1,000 subscribers, and the memory the
 * server's process tree holds for 10,000 idle connections. The server (the realtime fixture API,
 * 127.0.0.1 only) runs in a child process pinned to CPU 0, the clients in this process pinned to
 * CPU 1 (when `taskset` exists), so the server's memory and CPU are measured apart from the clients'.
 *
 *   npx tsx bench/realtime.ts
 *   ROAM_BENCH_REALTIME_PARTS=one,many,idle     # which parts to run (all by default)
 *   ROAM_BENCH_REALTIME_IDLE=2000               # a smaller idle run
 *   ROAM_BENCH_REALTIME_PROFILE=/tmp/prof       # the server writes a .cpuprofile there
 *   ROAM_BENCH_REALTIME_SNAPSHOT=/tmp/snap      # and a heap snapshot with the idle connections open
 *
 * Latency is timed from just before the mutation's POST is sent ("from send") and from the
 * moment its answer arrived ("from answer"; negative when the event came first). An idle
 * connection is opened, acknowledged (`connection_ack`) and starts one `onMessage` subscription
 * on a room of its own (the same query text, the room in `variables`, as an app's clients would).
 * 10,000 sockets need file descriptors on both sides: raise `ulimit -n` above that first.
 */
import { execFileSync, fork, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeHeapSnapshot } from 'node:v8';
import { WebSocket } from 'ws';

const SUBSCRIBERS_MANY = 1_000;
const IDLE_CONNECTIONS = Number(process.env.ROAM_BENCH_REALTIME_IDLE ?? 10_000);
const PARTS = new Set((process.env.ROAM_BENCH_REALTIME_PARTS ?? 'one,many,idle').split(','));
const PROFILE_DIR = process.env.ROAM_BENCH_REALTIME_PROFILE;
const SNAPSHOT_DIR = process.env.ROAM_BENCH_REALTIME_SNAPSHOT;
const ROUNDS_ONE = 300;
const ROUNDS_MANY = 40;
const OPEN_BATCH = 200;

interface Memory {
  rss: number;
  heapTotal: number;
  heapUsed: number;
  external: number;
}

/**
 * The server side: the realtime fixture API, answering the parent's memory requests after a GC.
 * Its log lines go to stdout (discarded) as `npm start`'s do, not into an array that would grow
 * with every connection.
 */
async function serve(): Promise<void> {
  const { startLocalServer } = await import('../local/server.js');
  const { realtimeApi } = await import('../test/fixtures/apis/realtime/config.js');
  const dataDir = await mkdtemp(join(tmpdir(), 'roam-bench-realtime-'));
  const server = await startLocalServer(realtimeApi, {
    rootDir: process.cwd(),
    dataDir,
    port: 0,
    host: '127.0.0.1',
    apiKey: API_KEY,
    log: (line) => process.stdout.write(`${line}\n`),
  });
  const fixture = {
    server,
    stop: async () => {
      await server.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
  const memory = (): Memory => {
    (globalThis as { gc?: () => void }).gc?.();
    const { rss, heapTotal, heapUsed, external } = process.memoryUsage();
    return { rss, heapTotal, heapUsed, external };
  };
  process.on('message', (message: { type: string }) => {
    if (message.type === 'memory') process.send?.({ type: 'memory', memory: memory() });
    if (message.type === 'snapshot' && SNAPSHOT_DIR)
      process.send?.({ type: 'snapshot', file: writeHeapSnapshot(`${SNAPSHOT_DIR}/realtime-idle.heapsnapshot`) });
    if (message.type === 'stop') void fixture.stop().then(() => process.exit(0));
  });
  process.send?.({ type: 'ready', url: fixture.server.url });
}

const API_KEY = 'da2-realtimefixturerealtimefix';
const SUBSCRIPTION = 'subscription Room($room: String) { onMessage(room: $room) { id body } }';

function request(child: ChildProcess, type: string): Promise<any> {
  return new Promise((resolve) => {
    child.once('message', resolve);
    child.send({ type });
  });
}

/** Pins a process and all its threads to one CPU; false when taskset is missing. */
function pin(pid: number, cpu: number): boolean {
  try {
    execFileSync('taskset', ['-a', '-p', '-c', String(cpu), String(pid)], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Resident memory of a process and every descendant, from /proc (Linux). */
function treeRss(root: number): { bytes: number; processes: number; names: string[] } {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // The process ended while the table was read.
    }
  }
  let bytes = 0;
  let processes = 0;
  const names: string[] = [];
  const pending = [root];
  while (pending.length > 0) {
    const pid = pending.pop()!;
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      const rss = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
      bytes += rss;
      processes += 1;
      names.push(`${/Name:\s+(.*)/.exec(status)?.[1] ?? pid} ${(rss / 1024 / 1024).toFixed(0)} MB`);
    } catch {
      continue;
    }
    pending.push(...(children.get(pid) ?? []));
  }
  return { bytes, processes, names };
}

/** Opens a socket and waits for its connection_ack. */
function connect(url: string, host: string): Promise<WebSocket> {
  const header = Buffer.from(JSON.stringify({ host, 'x-api-key': API_KEY })).toString('base64url');
  const socket = new WebSocket(`${url.replace(/^http/, 'ws')}/graphql/realtime`, ['graphql-ws', `header-${header}`]);
  return new Promise((resolve, reject) => {
    socket.once('error', reject);
    socket.once('open', () => socket.send(JSON.stringify({ type: 'connection_init' })));
    socket.on('message', function onAck(data) {
      if (JSON.parse(String(data)).type === 'connection_ack') {
        socket.off('message', onAck);
        resolve(socket);
      }
    });
  });
}

/** Starts onMessage(room) on a socket and waits for start_ack. */
function subscribe(socket: WebSocket, host: string, room: string): Promise<void> {
  const id = `sub-${room}`;
  return new Promise((resolve, reject) => {
    socket.on('message', function onStart(data) {
      const frame = JSON.parse(String(data));
      if (frame.id !== id) return;
      socket.off('message', onStart);
      if (frame.type === 'start_ack') resolve();
      else reject(new Error(`start ${id}: ${String(data)}`));
    });
    socket.send(
      JSON.stringify({
        id,
        type: 'start',
        payload: {
          data: JSON.stringify({ query: SUBSCRIPTION, variables: { room } }),
          extensions: { authorization: { host, 'x-api-key': API_KEY } },
        },
      }),
    );
  });
}

async function post(url: string, room: string, body: string): Promise<void> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': API_KEY },
    body: JSON.stringify({
      query: 'mutation($input: MessageInput!) { postMessage(input: $input) { id room body } }',
      variables: { input: { room, body } },
    }),
  });
  await response.arrayBuffer();
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};
const ms = (value: number) => value.toFixed(2);

interface Timings {
  /** From just before the POST to the first and the last subscriber's event. */
  first: number[];
  last: number[];
  /** From the mutation's answer to the last subscriber's event. */
  lastAfterAnswer: number[];
}

/** Posts `rounds` mutations one after another, timing each round's events. */
async function latency(url: string, sockets: WebSocket[], room: string, rounds: number): Promise<Timings> {
  const timings: Timings = { first: [], last: [], lastAfterAnswer: [] };
  for (let round = 0; round < rounds; round += 1) {
    const marker = `round-${round}`;
    let received = 0;
    let firstAt = 0;
    let lastAt = 0;
    const started = performance.now();
    const allArrived = new Promise<void>((resolve) => {
      for (const socket of sockets) {
        socket.on('message', function onData(data) {
          const text = String(data);
          if (!text.includes(marker)) return;
          socket.off('message', onData);
          received += 1;
          if (received === 1) firstAt = performance.now();
          if (received === sockets.length) {
            lastAt = performance.now();
            resolve();
          }
        });
      }
    });
    const answered = post(url, room, marker).then(() => performance.now());
    const [answerAt] = await Promise.all([answered, allArrived]);
    timings.first.push(firstAt - started);
    timings.last.push(lastAt - started);
    timings.lastAfterAnswer.push(lastAt - answerAt);
  }
  return timings;
}

async function openMany(url: string, host: string, count: number): Promise<WebSocket[]> {
  const sockets: WebSocket[] = [];
  for (let opened = 0; opened < count; opened += OPEN_BATCH) {
    sockets.push(...(await Promise.all(Array.from({ length: Math.min(OPEN_BATCH, count - opened) }, () => connect(url, host)))));
  }
  return sockets;
}

async function subscribeAll(sockets: WebSocket[], host: string, room: (index: number) => string): Promise<void> {
  for (let from = 0; from < sockets.length; from += OPEN_BATCH) {
    await Promise.all(sockets.slice(from, from + OPEN_BATCH).map((socket, offset) => subscribe(socket, host, room(from + offset))));
  }
}

async function closeAll(sockets: WebSocket[]): Promise<void> {
  for (const socket of sockets) socket.terminate();
  await new Promise((resolve) => setTimeout(resolve, 1000));
}

const row = (subscribers: number, rounds: number, t: Timings) =>
  `| ${subscribers} | ${rounds} | ${ms(percentile(t.first, 50))} | ${ms(percentile(t.first, 99))} | ${ms(percentile(t.last, 50))} | ${ms(percentile(t.last, 99))} | ${ms(percentile(t.lastAfterAnswer, 50))} | ${ms(percentile(t.lastAfterAnswer, 99))} |`;

async function main(): Promise<void> {
  const child = fork(new URL(import.meta.url), ['--server'], {
    execArgv: ['--import', 'tsx', '--expose-gc', ...(PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : [])],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const ready = await new Promise<{ url: string }>((resolve) => child.once('message', resolve));
  const pinned = pin(child.pid!, 0) && pin(process.pid, 1);
  const url = ready.url;
  const host = new URL(url).host;
  const lines: string[] = [
    `server pid ${child.pid}${pinned ? ' on CPU 0, clients on CPU 1' : ' (not pinned: taskset failed)'}`,
    '',
    '| subscribers | rounds | first event p50 ms (from send) | p99 | last event p50 ms (from send) | p99 | last event p50 ms (from answer) | p99 |',
    '|---|---|---|---|---|---|---|---|',
  ];
  const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
  try {
    if (PARTS.has('one')) {
      const one = await connect(url, host);
      await subscribe(one, host, 'one');
      await latency(url, [one], 'one', 30); // warm-up
      lines.push(row(1, ROUNDS_ONE, await latency(url, [one], 'one', ROUNDS_ONE)));
      one.close();
    }
    if (PARTS.has('many')) {
      const many = await openMany(url, host, SUBSCRIBERS_MANY);
      await subscribeAll(many, host, () => 'many');
      await latency(url, many, 'many', 5); // warm-up
      lines.push(row(SUBSCRIBERS_MANY, ROUNDS_MANY, await latency(url, many, 'many', ROUNDS_MANY)));
      await closeAll(many);
    }
    if (PARTS.has('idle')) {
      const before = (await request(child, 'memory')).memory as Memory;
      const treeBefore = treeRss(child.pid!);
      const idle = await openMany(url, host, IDLE_CONNECTIONS);
      await subscribeAll(idle, host, (index) => `idle-${index}`);
      await new Promise((resolve) => setTimeout(resolve, 500));
      const treeNoGc = treeRss(child.pid!);
      const after = (await request(child, 'memory')).memory as Memory;
      const tree = treeRss(child.pid!);
      lines.push('');
      lines.push(`${IDLE_CONNECTIONS} idle connections (acknowledged, one onMessage subscription each, own room):`);
      lines.push(
        `  process tree rss ${mb(treeBefore.bytes)} -> ${mb(treeNoGc.bytes)} MB before a GC, ${mb(tree.bytes)} MB after (${tree.processes} processes: ${tree.names.join(', ')})`,
      );
      lines.push(
        `  server process rss ${mb(before.rss)} -> ${mb(after.rss)} MB after GC (+${((after.rss - before.rss) / IDLE_CONNECTIONS / 1024).toFixed(1)} KB each)`,
      );
      lines.push(
        `  heap used ${mb(before.heapUsed)} -> ${mb(after.heapUsed)} MB (+${((after.heapUsed - before.heapUsed) / IDLE_CONNECTIONS / 1024).toFixed(1)} KB each), external +${mb(after.external - before.external)} MB, heap total ${mb(before.heapTotal)} -> ${mb(after.heapTotal)} MB`,
      );
      if (SNAPSHOT_DIR) lines.push(`  heap snapshot: ${(await request(child, 'snapshot')).file}`);
      await closeAll(idle);
    }
    console.log(lines.join('\n'));
  } finally {
    child.send({ type: 'stop' });
    await new Promise((resolve) => child.once('exit', resolve));
  }
}

if (process.argv.includes('--server')) await serve();
else await main();
