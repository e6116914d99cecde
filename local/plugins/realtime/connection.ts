import type { WebSocket } from 'ws';
import { AppSyncHttpError } from '../shared/errors.js';
import { toHeaders, type HandshakeAuth } from './auth-headers.js';
import { MessageTypes } from './constants.js';
import type { OperationPipeline } from '../graphql/pipeline/index.js';
import type { SubscriptionRegistry } from './subscription.js';
import type { KeepAliveTicker } from './keep-alive.js';
import { matchKeyOf } from './filters.js';
import { prepareStart } from './start.js';
import type { LiveSubscription, RealtimeErrorEntry } from './subscription.js';
import type { SubscriptionStart } from '../graphql/pipeline/types.js';
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
  /** The endpoint's one `ka` ticker. */
  keepAlive: KeepAliveTicker;
  log: (line: string) => void;
}

const KEEP_ALIVE_FRAME = JSON.stringify({ type: MessageTypes.KEEP_ALIVE });

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
  new Connection(socket, options);
}

/**
 * One socket's state. A class rather than closures: its methods are shared by every connection,
 * where closures made per connection cost about 300 bytes each (more under tsx, whose names for
 * functions give each one a property array), and an endpoint holds 10,000 idle connections.
 */
class Connection {
  /** Started subscriptions by id; `pending` while the start is being checked. */
  private readonly operations = new Map<string, SocketSubscription | 'pending'>();
  private acknowledged = false;
  private closed = false;
  private idle: NodeJS.Timeout | undefined;
  /** Names the connection in the log lines of its life: connect, subscribe, stop, close. */
  private readonly name = `conn-${crypto.randomUUID().slice(0, 8)}`;

  constructor(
    private readonly socket: WebSocket,
    private readonly options: ConnectionOptions,
  ) {
    socket.on('message', (data, isBinary) => this.receive(data, isBinary));
    // ws refuses a frame over maxPayload (close 1009) and text that is not UTF-8 (close 1007) by
    // emitting `error`; without a listener that error would end the process.
    socket.on('error', (error) => options.log(`realtime: closing a connection: ${error.message}`));
    socket.on('close', (code) => this.onClose(code));
    this.armIdleTimer();
  }

  /** Sends one serialized frame while the socket is open. */
  sendText(text: string): void {
    if (!this.closed && this.socket.readyState === this.socket.OPEN) this.socket.send(text);
  }

  /** Called by the endpoint's ticker. */
  sendKeepAlive(): void {
    this.sendText(KEEP_ALIVE_FRAME);
  }

  /** Ends a subscription from the server side (invalidation). */
  endSubscription(subscription: SocketSubscription): void {
    if (this.operations.get(subscription.id) !== subscription) return;
    this.operations.delete(subscription.id);
    this.options.registry.remove(subscription);
    this.send({ type: MessageTypes.COMPLETE, id: subscription.id });
    this.armIdleTimer();
  }

  private send(frame: unknown): void {
    this.sendText(JSON.stringify(frame));
  }

  private sendError(id: string | undefined, errors: RealtimeErrorEntry[]): void {
    this.send({ type: MessageTypes.ERROR, ...(id === undefined ? {} : { id }), payload: { errors } });
  }

  private refuseConnection(error: RealtimeErrorEntry): void {
    this.send({ type: MessageTypes.CONNECTION_ERROR, payload: { errors: [error] } });
    this.socket.close(1000);
  }

  private armIdleTimer(): void {
    clearTimeout(this.idle);
    // A cleared timer left referenced would stay in memory for the connection's life.
    this.idle = undefined;
    if (this.operations.size > 0) return;
    const { connectionTimeoutMs } = this.options.limits;
    this.idle = setTimeout(() => {
      this.options.log(`realtime: closing a connection idle for ${connectionTimeoutMs} ms`);
      this.socket.close(1000, 'Connection timed out');
    }, connectionTimeoutMs);
    this.idle.unref();
  }

  private async acknowledge(): Promise<void> {
    const { options } = this;
    if (this.acknowledged) return;
    if (!options.handshake.ok) return this.refuseConnection(Refusals.noAuth);
    const headers = toHeaders(options.handshake.headers);
    try {
      // IAM signs `POST https://<host>/graphql/connect` with body `{}` at the handshake.
      const caller = await options.pipeline().authenticate(headers, {
        sourceIp: options.sourceIp,
        body: '{}',
        url: `https://${headers.get('host') ?? 'localhost'}/graphql/connect`,
        method: 'POST',
      });
      options.log(`realtime connect ${this.name} auth=${caller.mode} from ${options.sourceIp.join(',') || '-'}`);
    } catch (error) {
      if (!(error instanceof AppSyncHttpError)) throw error;
      options.log(`realtime connect ${this.name} refused: ${error.errorType} ${JSON.stringify(error.message)}`);
      return this.refuseConnection({ errorType: error.errorType, message: error.message, errorCode: error.status });
    }
    // A socket that closed while its handshake was checked must not join the ka ticker.
    if (this.closed) return;
    this.acknowledged = true;
    this.send({ type: MessageTypes.CONNECTION_ACK, payload: { connectionTimeoutMs: options.limits.connectionTimeoutMs } });
    this.sendKeepAlive();
    options.keepAlive.add(this);
  }

  private async start(id: string, payload: unknown): Promise<void> {
    const { options, operations } = this;
    const { limits, registry } = options;
    if (operations.has(id)) return this.sendError(id, [Refusals.duplicate(id)]);
    if (operations.size >= limits.maxSubscriptions) return this.sendError(id, [Refusals.tooMany(limits.maxSubscriptions)]);
    operations.set(id, 'pending');
    this.armIdleTimer();
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
    if (this.closed || operations.get(id) !== 'pending') return;
    if (!outcome.ok) {
      operations.delete(id);
      this.armIdleTimer();
      const reasons = outcome.errors.map((error) => `${error.errorType ?? 'Error'} ${JSON.stringify(error.message)}`).join('; ');
      options.log(`realtime subscribe ${this.name} id=${id} refused: ${reasons}`);
      return this.sendError(id, outcome.errors);
    }
    const { ok: _ok, ...prepared } = outcome;
    const subscription = new SocketSubscription(id, prepared, this);
    operations.set(id, subscription);
    registry.add(subscription);
    options.log(
      `realtime subscribe ${this.name} id=${id} ${subscription.fieldName}${subscription.operationName ? ` (${subscription.operationName})` : ''} auth=${subscription.caller.mode}`,
    );
    this.send({ type: MessageTypes.START_ACK, id });
  }

  private stop(id: string): void {
    const operation = this.operations.get(id);
    if (operation && operation !== 'pending') this.options.registry.remove(operation);
    if (operation) this.options.log(`realtime stop ${this.name} id=${id}`);
    this.operations.delete(id);
    this.send({ type: MessageTypes.COMPLETE, id });
    this.armIdleTimer();
  }

  private async handle(text: string): Promise<void> {
    let message: unknown;
    try {
      message = JSON.parse(text);
    } catch {
      return this.sendError(undefined, [Refusals.unreadable]);
    }
    if (typeof message !== 'object' || message === null || typeof (message as { type?: unknown }).type !== 'string')
      return this.sendError(undefined, [Refusals.unreadable]);
    const { type, id, payload } = message as { type: string; id?: unknown; payload?: unknown };
    if (!this.options.handshake.ok) return this.refuseConnection(Refusals.noAuth);
    switch (type) {
      case MessageTypes.CONNECTION_INIT:
        return this.acknowledge();
      case MessageTypes.START:
        if (typeof id !== 'string' || id.length === 0) return this.sendError(undefined, [Refusals.missingId]);
        return this.start(id, payload);
      case MessageTypes.STOP:
        if (typeof id !== 'string' || id.length === 0) return this.sendError(undefined, [Refusals.missingId]);
        return this.stop(id);
      default:
        return this.sendError(typeof id === 'string' ? id : undefined, [Refusals.unknownType]);
    }
  }

  private receive(data: WebSocket.RawData, isBinary: boolean): void {
    this.armIdleTimer();
    const text = isBinary ? '' : Buffer.isBuffer(data) ? data.toString('utf8') : Buffer.concat(data as Buffer[]).toString('utf8');
    this.handle(text).catch((error: unknown) => {
      this.options.log(`realtime: internal error: ${error instanceof Error ? error.message : String(error)}`);
      this.sendError(undefined, [{ errorType: AppSyncErrorTypes.INTERNAL_FAILURE, message: 'An internal error occurred.' }]);
    });
  }

  private onClose(code: number): void {
    const { operations, options } = this;
    const live = [...operations.values()].filter((operation) => operation !== 'pending').length;
    options.log(`realtime close ${this.name} code=${code} subscriptions=${live}`);
    this.closed = true;
    options.keepAlive.remove(this);
    clearTimeout(this.idle);
    this.idle = undefined;
    for (const operation of operations.values()) if (operation !== 'pending') options.registry.remove(operation);
    operations.clear();
  }
}

/** A started subscription, sending through its connection. */
class SocketSubscription implements LiveSubscription {
  readonly fieldName: string;
  readonly mutations: ReadonlySet<string>;
  readonly document: SubscriptionStart['document'];
  readonly operationName: string | undefined;
  readonly variables: Record<string, unknown>;
  readonly argumentFilter: Readonly<Record<string, unknown>>;
  readonly filter: SubscriptionStart['filter'];
  readonly invalidationFilter: SubscriptionStart['invalidationFilter'];
  readonly caller: SubscriptionStart['caller'];
  readonly shapeKey: string;
  readonly matchKey: string;

  constructor(
    readonly id: string,
    prepared: SubscriptionStart,
    private readonly connection: Connection,
  ) {
    this.fieldName = prepared.fieldName;
    this.mutations = prepared.mutations;
    this.document = prepared.document;
    this.operationName = prepared.operationName;
    this.variables = prepared.variables;
    this.argumentFilter = prepared.argumentFilter;
    this.filter = prepared.filter;
    this.invalidationFilter = prepared.invalidationFilter;
    this.caller = prepared.caller;
    this.shapeKey = prepared.shapeKey;
    this.matchKey = matchKeyOf(prepared.argumentFilter, prepared.filter);
  }

  send(text: string): void {
    this.connection.sendText(text);
  }

  end(): void {
    this.connection.endSubscription(this);
  }
}
