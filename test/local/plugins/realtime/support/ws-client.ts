import { WebSocket } from 'ws';

/** A frame the server sent. */
export interface Frame {
  type: string;
  id?: string;
  payload?: any;
}

const encode = (value: unknown, url = false) => Buffer.from(JSON.stringify(value)).toString(url ? 'base64url' : 'base64');

/** How the handshake carries its auth headers. */
export type AuthForm = 'query' | 'subprotocol';

/**
 * A bare `ws` client speaking AppSync's protocol, for tests: frames are queued and awaited with
 * `next`; `barrier` proves every frame sent before it has arrived (the server answers in order).
 */
export class RealtimeTestClient {
  readonly frames: Frame[] = [];
  closed: { code: number; reason: string } | undefined;
  #waiters: { match: (frame: Frame) => boolean; resolve: (frame: Frame) => void }[] = [];
  #closeWaiters: (() => void)[] = [];
  #barrierCount = 0;

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => {
      const frame = JSON.parse(String(data)) as Frame;
      const waiter = this.#waiters.find((candidate) => candidate.match(frame));
      if (waiter) {
        this.#waiters.splice(this.#waiters.indexOf(waiter), 1);
        waiter.resolve(frame);
      } else {
        this.frames.push(frame);
      }
    });
    socket.on('close', (code, reason) => {
      this.closed = { code, reason: String(reason) };
      this.#closeWaiters.splice(0).forEach((resolve) => resolve());
    });
  }

  /** Opens a socket with the auth headers in the given form; `protocols` overrides the subprotocols. */
  static async open(
    baseUrl: string,
    headers: Record<string, string>,
    form: AuthForm = 'subprotocol',
    protocols?: string[],
  ): Promise<RealtimeTestClient> {
    const realtime = `${baseUrl.replace(/^http/, 'ws')}/graphql/realtime`;
    const socket =
      form === 'query'
        ? new WebSocket(`${realtime}?header=${encodeURIComponent(encode(headers))}&payload=e30=`, protocols ?? ['graphql-ws'])
        : new WebSocket(realtime, protocols ?? ['graphql-ws', `header-${encode(headers, true).replace(/=+$/, '')}`]);
    const client = new RealtimeTestClient(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    return client;
  }

  send(message: unknown): void {
    this.socket.send(typeof message === 'string' ? message : JSON.stringify(message));
  }

  /** The next frame that matches (already queued or still to come). */
  next(match: (frame: Frame) => boolean = () => true, timeoutMs = 10_000): Promise<Frame> {
    const queued = this.frames.findIndex(match);
    if (queued >= 0) return Promise.resolve(this.frames.splice(queued, 1)[0] as Frame);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no matching frame within ${timeoutMs} ms; queued: ${JSON.stringify(this.frames)}`)),
        timeoutMs,
      );
      this.#waiters.push({ match, resolve: (frame) => (clearTimeout(timer), resolve(frame)) });
    });
  }

  /** The next frame of a type (and id). */
  nextOf(type: string, id?: string): Promise<Frame> {
    return this.next((frame) => frame.type === type && (id === undefined || frame.id === id));
  }

  async init(): Promise<Frame> {
    this.send({ type: 'connection_init' });
    return this.next((frame) => frame.type === 'connection_ack' || frame.type === 'connection_error');
  }

  /** Sends a start and waits for its start_ack or error. */
  async start(id: string, query: string, variables: Record<string, unknown>, authorization: Record<string, string>): Promise<Frame> {
    this.send({ id, type: 'start', payload: { data: JSON.stringify({ query, variables }), extensions: { authorization } } });
    return this.next((frame) => frame.id === id && (frame.type === 'start_ack' || frame.type === 'error'));
  }

  /** Waits until the server has answered a stop sent now: every earlier frame has arrived. */
  async barrier(): Promise<void> {
    const id = `barrier-${(this.#barrierCount += 1)}`;
    this.send({ type: 'stop', id });
    await this.nextOf('complete', id);
  }

  /** Queued frames of a type for an id, removed from the queue. */
  take(type: string, id: string): Frame[] {
    const taken = this.frames.filter((frame) => frame.type === type && frame.id === id);
    for (const frame of taken) this.frames.splice(this.frames.indexOf(frame), 1);
    return taken;
  }

  waitClosed(): Promise<void> {
    if (this.closed) return Promise.resolve();
    return new Promise((resolve) => this.#closeWaiters.push(resolve));
  }

  close(): void {
    this.socket.close();
  }
}
