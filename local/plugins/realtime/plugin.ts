import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { sourceIpOf } from '../auth/source-ip.js';
import type { OperationOutcome } from '../graphql/execute/execute-operation.js';
import type { RequestState } from '../graphql/execute/request-state.js';
import type { OperationPipeline } from '../graphql/pipeline/index.js';
import type { LocalPlugin } from '../types.js';
import { handshakeAuth, offeredProtocols } from './auth-headers.js';
import { serveConnection, type ConnectionLimits, type ConnectionOptions } from './connection.js';
import { RealtimeLimits, RealtimeWire } from './constants.js';
import { KeepAliveTicker } from './keep-alive.js';
import { publishOperation } from './publish.js';
import { SubscriptionRegistry } from './subscription.js';

/** What the realtime endpoint serves with. */
export interface RealtimePluginOptions {
  /** The operation pipeline in use now, the one HTTP runs (watch mode swaps it; each start and event reads it afresh). */
  pipeline: () => OperationPipeline;
  /** @default '/graphql/realtime' */
  path?: string;
  /** AppSync's values unless set (tests shorten the timings). */
  limits?: Partial<ConnectionLimits & { maxEventBytes: number }>;
  log?: (line: string) => void;
  /** Checks run before any upgrade (the server's Host check); a refusal is answered and the socket closed. */
  refuseUpgrade?: (request: IncomingMessage) => { status: number; reason: string; body?: string } | undefined;
}

/** The realtime endpoint: attach it to the HTTP server, publish executed operations to it. */
export interface RealtimePlugin extends LocalPlugin {
  attach(server: Server): void;
  /** The GraphQL handler's `onOperation`: publishes mutation results and invalidations. */
  publish(outcome: OperationOutcome, state: RequestState): void;
  /** Open sockets and live subscriptions, for logs and the bench. */
  stats(): { connections: number; subscriptions: number };
  close(): Promise<void>;
}

function sourceIpOfUpgrade(request: IncomingMessage): string[] {
  const forwarded = request.headers['x-forwarded-for'];
  return sourceIpOf(request.socket.remoteAddress, typeof forwarded === 'string' ? forwarded : undefined);
}

/** Live subscriptions up to which a mutation's events are sent before its answer (bench/realtime.ts: about 16 us each). */
const SYNCHRONOUS_FAN_OUT = 32;

/** A peer that resets mid-handshake must not become an unhandled error. Module-level: a closure here would keep the upgrade request alive for the connection's life. */
function destroyOnError(this: Duplex): void {
  this.destroy();
}

/** Answers an upgrade it will not serve and lets the socket go: a refused socket left open holds a file descriptor. */
export function refuseUpgrade(socket: Duplex, status: number, reason: string, body = ''): void {
  const length = Buffer.byteLength(body);
  const type = body ? 'Content-Type: application/json\r\n' : '';
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\n${type}Content-Length: ${length}\r\n\r\n${body}`, () =>
    socket.destroy(),
  );
}

/**
 * AppSync's realtime endpoint offline: WebSocket upgrades on
 * `/graphql/realtime` with subprotocol `graphql-ws`, auth from either handshake form, and events
 * published from the mutations the GraphQL handler runs.
 */
export function createRealtimePlugin(options: RealtimePluginOptions): RealtimePlugin {
  const path = options.path ?? '/graphql/realtime';
  const log = options.log ?? (() => {});
  const limits: ConnectionLimits = {
    connectionTimeoutMs: options.limits?.connectionTimeoutMs ?? RealtimeLimits.CONNECTION_TIMEOUT_MS,
    keepAliveIntervalMs: options.limits?.keepAliveIntervalMs ?? RealtimeLimits.KEEP_ALIVE_INTERVAL_MS,
    maxSubscriptions: options.limits?.maxSubscriptions ?? RealtimeLimits.MAX_SUBSCRIPTIONS_PER_CONNECTION,
  };
  const maxEventBytes = options.limits?.maxEventBytes ?? RealtimeLimits.MAX_EVENT_BYTES;
  const registry = new SubscriptionRegistry();
  const keepAlive = new KeepAliveTicker(limits.keepAliveIntervalMs);
  /** Publications deferred to after their mutation's answer and not yet sent. */
  let waiting = 0;
  const wss = new WebSocketServer({
    noServer: true,
    // AppSync's endpoint does not negotiate compression; without it ws keeps no zlib state per socket.
    perMessageDeflate: false,
    maxPayload: RealtimeLimits.MAX_CLIENT_FRAME_BYTES,
    handleProtocols: () => RealtimeWire.SUBPROTOCOL,
  });
  const attached: Server[] = [];

  function onUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    socket.on('error', destroyOnError);
    const refusal = options.refuseUpgrade?.(request);
    if (refusal) return refuseUpgrade(socket, refusal.status, refusal.reason, refusal.body);
    const url = new URL(request.url ?? '/', 'http://localhost');
    // This plugin is the server's only upgrade handler: an upgrade anywhere else is answered, not left hanging.
    if (url.pathname !== path) return refuseUpgrade(socket, 404, 'Not Found');
    const protocols = offeredProtocols(request);
    // AppSync speaks its own `graphql-ws` protocol only.
    if (!protocols.includes(RealtimeWire.SUBPROTOCOL)) return refuseUpgrade(socket, 400, 'Bad Request');
    accept(request, socket, head, {
      pipeline: options.pipeline,
      registry,
      handshake: handshakeAuth(url, protocols),
      sourceIp: sourceIpOfUpgrade(request),
      limits,
      keepAlive,
      log,
    });
  }

  /** Apart from onUpgrade, so the connection's callback keeps nothing of the upgrade request alive. */
  function accept(request: IncomingMessage, socket: Duplex, head: Buffer, connection: ConnectionOptions): void {
    wss.handleUpgrade(request, socket, head, (ws: WebSocket) => serveConnection(ws, connection));
  }

  return {
    name: 'realtime',
    attach(server) {
      server.on('upgrade', onUpgrade);
      attached.push(server);
    },
    publish(outcome, state) {
      const run = (): void => {
        try {
          const { api } = options.pipeline();
          publishOperation({ registry, schema: api.schema, defaultMode: api.defaultMode, maxEventBytes, log }, outcome, state);
        } catch (error) {
          // Publishing never fails the mutation that triggered it.
          log(`realtime: publishing failed: ${error instanceof Error ? error.message : String(error)}`);
        }
      };
      // A few subscribers cost less than the answer itself: their events go out at once. With
      // more, the answer does not wait for the fan-out (AppSync publishes asynchronously, and a
      // client cannot rely on the order of the answer and the events); setImmediate keeps the
      // order of the mutations' events, and none goes ahead of one still waiting.
      if (waiting === 0 && registry.size <= SYNCHRONOUS_FAN_OUT) return run();
      waiting += 1;
      setImmediate(() => {
        waiting -= 1;
        run();
      });
    },
    stats: () => ({ connections: wss.clients.size, subscriptions: registry.size }),
    async close() {
      for (const server of attached) server.off('upgrade', onUpgrade);
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
