import type { WebSocket } from 'ws';
import { AppSyncHttpError } from '../shared/errors.js';
import { toHeaders, type HandshakeAuth } from './auth-headers.js';
import { MessageTypes } from './constants.js';
import type { OperationPipeline } from '../graphql/pipeline/index.js';
import { prepareStart } from './start.js';
import type { LiveSubscription, RealtimeErrorEntry, SubscriptionRegistry } from './subscription.js';
import { AppSyncErrorTypes } from '../shared/error-types.js';

/** The timings and counts a connection runs with (AppSync's by default; tests shorten them). */
export interface ConnectionLimits {
  connectionTimeoutMs: number;
  keepAliveIntervalMs: number;
  maxSubscriptions: number;
}

/** What one socket is served with. */
export interface ConnectionOptions {
  /** The pipeline in use now (watch mode swaps it; each start reads it afresh). */
  pipeline: () => OperationPipeline;
  registry: SubscriptionRegistry;
  handshake: HandshakeAuth;
  sourceIp: string[];
  limits: ConnectionLimits;
  log: (line: string) => void;
}

/** The socket-level refusals in one place, so their wording stays consistent. */
const Refusals = {
  unreadable: { errorType: AppSyncErrorTypes.BAD_REQUEST, message: 'The message is not a JSON object with a type.', errorCode: 400 },
  unknownType: { errorType: AppSyncErrorTypes.UNSUPPORTED_OPERATION, message: 'unknown not supported through the realtime channel' },
  missingId: { errorType: AppSyncErrorTypes.BAD_REQUEST, message: 'The message needs an id.', errorCode: 400 },
  noAuth: { errorType: AppSyncErrorTypes.UNAUTHORIZED_REQUEST, message: 'Valid authorization header not provided.', errorCode: 401 },
  duplicate: (id: string) => ({
    errorType: AppSyncErrorTypes.DUPLICATED_OPERATION,
    message: `Duplicate operation id: ${id}`,
    errorCode: 400,
  }),
  tooMany: (max: number) => ({
    errorType: AppSyncErrorTypes.MAX_SUBSCRIPTIONS,
    message: `Max number of ${max} subscriptions reached`,
    errorCode: 400,
  }),
} as const;

/**
 * Serves AppSync's realtime protocol on one accepted socket:
 * the handshake's auth on `connection_init`, `ka` after the ack, `start`/`stop` with their
 * acknowledgements, and closing once no subscription has been live for the connection timeout.
 */
export function serveConnection(socket: WebSocket, options: ConnectionOptions): void {
  const { limits, registry } = options;
  /** Started subscriptions by id; `pending` while the start is being checked. */
  const operations = new Map<string, LiveSubscription | 'pending'>();
  let acknowledged = false;
  let closed = false;
  let keepAlive: NodeJS.Timeout | undefined;
  let idle: NodeJS.Timeout | undefined;
  /** Names the connection in the log lines of its life: connect, subscribe, stop, close. */
  const connection = `conn-${crypto.randomUUID().slice(0, 8)}`;

  const send = (frame: unknown): void => {
    if (!closed && socket.readyState === socket.OPEN) socket.send(JSON.stringify(frame));
  };
  const sendError = (id: string | undefined, errors: RealtimeErrorEntry[]): void =>
    send({ type: MessageTypes.ERROR, ...(id === undefined ? {} : { id }), payload: { errors } });
  const refuseConnection = (error: RealtimeErrorEntry): void => {
    send({ type: MessageTypes.CONNECTION_ERROR, payload: { errors: [error] } });
    socket.close(1000);
  };
  const armIdleTimer = (): void => {
    clearTimeout(idle);
    if (operations.size > 0) return;
    idle = setTimeout(() => {
      options.log(`realtime: closing a connection idle for ${limits.connectionTimeoutMs} ms`);
      socket.close(1000, 'Connection timed out');
    }, limits.connectionTimeoutMs);
    idle.unref();
  };

  async function acknowledge(): Promise<void> {
    if (acknowledged) return;
    if (!options.handshake.ok) return refuseConnection(Refusals.noAuth);
    const headers = toHeaders(options.handshake.headers);
    try {
      // IAM signs `POST https://<host>/graphql/connect` with body `{}` at the handshake.
      const caller = await options.pipeline().authenticate(headers, {
        sourceIp: options.sourceIp,
        body: '{}',
        url: `https://${headers.get('host') ?? 'localhost'}/graphql/connect`,
        method: 'POST',
      });
      options.log(`realtime connect ${connection} auth=${caller.mode} from ${options.sourceIp.join(',') || '-'}`);
    } catch (error) {
      if (!(error instanceof AppSyncHttpError)) throw error;
      options.log(`realtime connect ${connection} refused: ${error.errorType} ${JSON.stringify(error.message)}`);
      return refuseConnection({ errorType: error.errorType, message: error.message, errorCode: error.status });
    }
    acknowledged = true;
    send({ type: MessageTypes.CONNECTION_ACK, payload: { connectionTimeoutMs: limits.connectionTimeoutMs } });
    send({ type: MessageTypes.KEEP_ALIVE });
    keepAlive = setInterval(() => send({ type: MessageTypes.KEEP_ALIVE }), limits.keepAliveIntervalMs);
    keepAlive.unref();
  }

  async function start(id: string, payload: unknown): Promise<void> {
    if (operations.has(id)) return sendError(id, [Refusals.duplicate(id)]);
    if (operations.size >= limits.maxSubscriptions) return sendError(id, [Refusals.tooMany(limits.maxSubscriptions)]);
    operations.set(id, 'pending');
    armIdleTimer();
    const handshakeHeaders = options.handshake.ok ? options.handshake.headers : {};
    let outcome: Awaited<ReturnType<typeof prepareStart>>;
    try {
      outcome = await prepareStart(options.pipeline(), { connectionHeaders: handshakeHeaders, sourceIp: options.sourceIp }, payload);
    } catch (error) {
      // An unexpected fault still answers this operation, by its id, without internals.
      options.log(`realtime: start ${id} failed: ${error instanceof Error ? error.message : String(error)}`);
      outcome = { ok: false, errors: [{ errorType: AppSyncErrorTypes.INTERNAL_FAILURE, message: 'An internal error occurred.' }] };
    }
    // A stop or a close that came while the start was checked wins.
    if (closed || operations.get(id) !== 'pending') return;
    if (!outcome.ok) {
      operations.delete(id);
      armIdleTimer();
      const reasons = outcome.errors.map((error) => `${error.errorType ?? 'Error'} ${JSON.stringify(error.message)}`).join('; ');
      options.log(`realtime subscribe ${connection} id=${id} refused: ${reasons}`);
      return sendError(id, outcome.errors);
    }
    const { ok: _ok, ...prepared } = outcome;
    const subscription: LiveSubscription = {
      id,
      ...prepared,
      send: (text) => {
        if (!closed && socket.readyState === socket.OPEN) socket.send(text);
      },
      end: () => {
        if (operations.get(id) !== subscription) return;
        operations.delete(id);
        registry.remove(subscription);
        send({ type: MessageTypes.COMPLETE, id });
        armIdleTimer();
      },
    };
    operations.set(id, subscription);
    registry.add(subscription);
    options.log(
      `realtime subscribe ${connection} id=${id} ${subscription.fieldName}${subscription.operationName ? ` (${subscription.operationName})` : ''} auth=${subscription.caller.mode}`,
    );
    send({ type: MessageTypes.START_ACK, id });
  }

  function stop(id: string): void {
    const operation = operations.get(id);
    if (operation && operation !== 'pending') registry.remove(operation);
    if (operation) options.log(`realtime stop ${connection} id=${id}`);
    operations.delete(id);
    send({ type: MessageTypes.COMPLETE, id });
    armIdleTimer();
  }

  async function handle(text: string): Promise<void> {
    let message: unknown;
    try {
      message = JSON.parse(text);
    } catch {
      return sendError(undefined, [Refusals.unreadable]);
    }
    if (typeof message !== 'object' || message === null || typeof (message as { type?: unknown }).type !== 'string')
      return sendError(undefined, [Refusals.unreadable]);
    const { type, id, payload } = message as { type: string; id?: unknown; payload?: unknown };
    if (!options.handshake.ok) return refuseConnection(Refusals.noAuth);
    switch (type) {
      case MessageTypes.CONNECTION_INIT:
        return acknowledge();
      case MessageTypes.START:
        if (typeof id !== 'string' || id.length === 0) return sendError(undefined, [Refusals.missingId]);
        return start(id, payload);
      case MessageTypes.STOP:
        if (typeof id !== 'string' || id.length === 0) return sendError(undefined, [Refusals.missingId]);
        return stop(id);
      default:
        return sendError(typeof id === 'string' ? id : undefined, [Refusals.unknownType]);
    }
  }

  socket.on('message', (data, isBinary) => {
    armIdleTimer();
    const text = isBinary ? '' : Buffer.isBuffer(data) ? data.toString('utf8') : Buffer.concat(data as Buffer[]).toString('utf8');
    handle(text).catch((error: unknown) => {
      options.log(`realtime: internal error: ${error instanceof Error ? error.message : String(error)}`);
      sendError(undefined, [{ errorType: AppSyncErrorTypes.INTERNAL_FAILURE, message: 'An internal error occurred.' }]);
    });
  });
  // ws refuses a frame over maxPayload (close 1009) and text that is not UTF-8 (close 1007) by
  // emitting `error`; without a listener that error would end the process.
  socket.on('error', (error) => options.log(`realtime: closing a connection: ${error.message}`));
  socket.on('close', (code) => {
    const live = [...operations.values()].filter((operation) => operation !== 'pending').length;
    options.log(`realtime close ${connection} code=${code} subscriptions=${live}`);
    closed = true;
    clearInterval(keepAlive);
    clearTimeout(idle);
    for (const operation of operations.values()) if (operation !== 'pending') registry.remove(operation);
    operations.clear();
  });
  armIdleTimer();
}
