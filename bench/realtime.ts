/**
 * Realtime bench: mutation-to-event latency with 1 and with 1,000 subscribers, and the memory the
 * server holds for 10,000 idle connections. The server runs in a child process (the realtime
 * fixture API, 127.0.0.1 only) so its memory is measured apart from the clients'.
 *
 *   npx tsx bench/realtime.ts            # ROAM_BENCH_REALTIME_IDLE=2000 for a smaller idle run
 */
import { fork, type ChildProcess } from 'node:child_process';
import { WebSocket } from 'ws';

const SUBSCRIBERS_MANY = 1_000;
const IDLE_CONNECTIONS = Number(process.env.ROAM_BENCH_REALTIME_IDLE ?? 10_000);
const ROUNDS_ONE = 300;
const ROUNDS_MANY = 40;
const OPEN_BATCH = 200;

interface Memory {
  rss: number;
  heapUsed: number;
  external: number;
}

/** The server side: the realtime fixture API, answering the parent's memory requests after a GC. */
async function serve(): Promise<void> {
  const { startRealtimeFixture } = await import('../test/local/plugins/realtime/support/realtime-server.js');
  const fixture = await startRealtimeFixture();
  const memory = (): Memory => {
    (globalThis as { gc?: () => void }).gc?.();
    const { rss, heapUsed, external } = process.memoryUsage();
    return { rss, heapUsed, external };
  };
  process.on('message', (message: { type: string }) => {
    if (message.type === 'memory') process.send?.({ type: 'memory', memory: memory(), stats: null });
    if (message.type === 'stop') void fixture.stop().then(() => process.exit(0));
  });
  process.send?.({ type: 'ready', url: fixture.server.url });
}

const API_KEY = 'da2-realtimefixturerealtimefix';

function request(child: ChildProcess, type: string): Promise<any> {
  return new Promise((resolve) => {
    child.once('message', resolve);
    child.send({ type });
  });
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
  return new Promise((resolve) => {
    socket.on('message', function onStart(data) {
      const frame = JSON.parse(String(data));
      if (frame.id === id && frame.type === 'start_ack') {
        socket.off('message', onStart);
        resolve();
      }
    });
    socket.send(
      JSON.stringify({
        id,
        type: 'start',
        payload: {
          data: JSON.stringify({ query: `subscription { onMessage(room: "${room}") { id body } }`, variables: {} }),
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

/** Posts `rounds` mutations one after another; times from just before the POST to the first and the last subscriber's event. */
async function latency(url: string, sockets: WebSocket[], room: string, rounds: number): Promise<{ first: number[]; last: number[] }> {
  const first: number[] = [];
  const last: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    const marker = `round-${round}`;
    let received = 0;
    let firstAt = 0;
    const started = performance.now();
    const allArrived = new Promise<void>((resolve) => {
      for (const socket of sockets) {
        socket.on('message', function onData(data) {
          const text = String(data);
          if (!text.includes(marker)) return;
          socket.off('message', onData);
          received += 1;
          if (received === 1) firstAt = performance.now();
          if (received === sockets.length) resolve();
        });
      }
    });
    await Promise.all([post(url, room, marker), allArrived]);
    first.push(firstAt - started);
    last.push(performance.now() - started);
  }
  return { first, last };
}

async function main(): Promise<void> {
  const child = fork(new URL(import.meta.url), ['--server'], {
    execArgv: ['--import', 'tsx', '--expose-gc'],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const ready = await new Promise<{ url: string }>((resolve) => child.once('message', resolve));
  const url = ready.url;
  const host = new URL(url).host;
  try {
    const one = await connect(url, host);
    await subscribe(one, host, 'one');
    await latency(url, [one], 'one', 30); // warm-up
    const single = await latency(url, [one], 'one', ROUNDS_ONE);
    one.close();

    const many: WebSocket[] = [];
    for (let opened = 0; opened < SUBSCRIBERS_MANY; opened += OPEN_BATCH) {
      many.push(...(await Promise.all(Array.from({ length: Math.min(OPEN_BATCH, SUBSCRIBERS_MANY - opened) }, () => connect(url, host)))));
    }
    await Promise.all(many.map((socket) => subscribe(socket, host, 'many')));
    await latency(url, many, 'many', 5); // warm-up
    const fanOut = await latency(url, many, 'many', ROUNDS_MANY);
    for (const socket of many) socket.close();
    await new Promise((resolve) => setTimeout(resolve, 1000));

    const before = (await request(child, 'memory')).memory as Memory;
    const idle: WebSocket[] = [];
    for (let opened = 0; opened < IDLE_CONNECTIONS; opened += OPEN_BATCH) {
      idle.push(...(await Promise.all(Array.from({ length: Math.min(OPEN_BATCH, IDLE_CONNECTIONS - opened) }, () => connect(url, host)))));
    }
    const after = (await request(child, 'memory')).memory as Memory;
    for (const socket of idle) socket.terminate();

    const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
    console.log(`| subscribers | rounds | first event p50 ms | p95 ms | last event p50 ms | p95 ms |`);
    console.log(`|---|---|---|---|---|---|`);
    console.log(
      `| 1 | ${ROUNDS_ONE} | ${ms(percentile(single.first, 50))} | ${ms(percentile(single.first, 95))} | ${ms(percentile(single.last, 50))} | ${ms(percentile(single.last, 95))} |`,
    );
    console.log(
      `| ${SUBSCRIBERS_MANY} | ${ROUNDS_MANY} | ${ms(percentile(fanOut.first, 50))} | ${ms(percentile(fanOut.first, 95))} | ${ms(percentile(fanOut.last, 50))} | ${ms(percentile(fanOut.last, 95))} |`,
    );
    console.log('');
    console.log(`${IDLE_CONNECTIONS} idle connections (acknowledged, no subscription), server process after GC:`);
    console.log(
      `  rss ${mb(before.rss)} -> ${mb(after.rss)} MB (+${mb(after.rss - before.rss)} MB, ${((after.rss - before.rss) / IDLE_CONNECTIONS / 1024).toFixed(1)} KB each)`,
    );
    console.log(
      `  heap used ${mb(before.heapUsed)} -> ${mb(after.heapUsed)} MB (+${((after.heapUsed - before.heapUsed) / IDLE_CONNECTIONS / 1024).toFixed(1)} KB each), external +${mb(after.external - before.external)} MB`,
    );
  } finally {
    child.send({ type: 'stop' });
    await new Promise((resolve) => child.once('exit', resolve));
  }
}

if (process.argv.includes('--server')) await serve();
else await main();
