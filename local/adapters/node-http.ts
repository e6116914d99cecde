import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { createFirstByteRouter } from './first-byte-router.js';

/** What the socket tells about a request that the web Request cannot carry. */
export interface ConnectionInfo {
  /** The TCP peer address. */
  readonly remoteAddress: string | undefined;
}

/** A fetch-style handler: what every offline service exposes. */
export type FetchHandler = (request: Request, connection?: ConnectionInfo) => Promise<Response>;

export interface ServeOptions {
  /**
   * Port to listen on; 0 picks a free one.
   * @default 0
   */
  port?: number;
  /** @default '127.0.0.1' */
  host?: string;
  /** Serve HTTPS (and WSS upgrades) with this certificate and key (PEM) instead of plain HTTP. */
  tls?: { readonly cert: string; readonly key: string };
  /** Told about each connection refused for speaking the wrong protocol (TLS to a plain port, or plain to a TLS one). @default no-op */
  onRefused?: (line: string) => void;
}

/** A running server: its base URL and a way to stop it. */
export interface NodeHttpServer {
  readonly server: Server;
  readonly port: number;
  /** `http://host:port` (or `https://`), without a trailing slash. */
  readonly url: string;
  close(): Promise<void>;
}

/**
 * Serves a `(Request) => Promise<Response>` handler on a node:http port. It only translates
 * between node's request/response objects and the web ones; the handler does everything else.
 * A handler that throws gets a bare 500 (handlers are expected to answer their own errors).
 */
export async function serveNodeHttp(handler: FetchHandler, options: ServeOptions = {}): Promise<NodeHttpServer> {
  const host = options.host ?? '127.0.0.1';
  const scheme = options.tls ? 'https' : 'http';
  const listener = (req: IncomingMessage, res: ServerResponse): void => {
    void respond(handler, req, res, `${scheme}://${req.headers.host ?? host}`);
  };
  const server: Server = options.tls
    ? createHttpsServer({ cert: options.tls.cert, key: options.tls.key }, listener)
    : createServer(listener);
  // The port is a plain TCP listener that hands each connection to `server` once its first byte says it speaks the right protocol.
  const router = createFirstByteRouter({ server, tls: Boolean(options.tls), onRefused: options.onRefused ?? (() => {}) });
  await new Promise<void>((resolve, reject) => {
    router.listener.once('error', reject);
    router.listener.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = router.listener.address() as AddressInfo;
  return {
    server,
    port,
    url: `${scheme}://${dialableHost(host)}:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        router.listener.close((error) => (error ? reject(error) : resolve()));
        router.destroyPending();
        server.closeAllConnections();
      }),
  };
}

/** The address this machine dials to reach a server listening on `host`: loopback for the every-interface addresses. */
function dialableHost(host: string): string {
  if (host === '0.0.0.0') return '127.0.0.1';
  if (host === '::' || host === '[::]') return '[::1]';
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}

async function respond(handler: FetchHandler, req: IncomingMessage, res: ServerResponse, origin: string): Promise<void> {
  try {
    const response = await handler(await toRequest(req, origin), { remoteAddress: req.socket.remoteAddress });
    res.statusCode = response.status;
    response.headers.forEach((value, name) => res.setHeader(name, value));
    res.end(Buffer.from(await response.arrayBuffer()));
  } catch {
    if (!res.headersSent) res.statusCode = 500;
    res.end();
  }
}

async function toRequest(req: IncomingMessage, origin: string): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) value.forEach((item) => headers.append(name, item));
    else if (value !== undefined) headers.set(name, value);
  }
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD' && chunks.length > 0;
  return new Request(`${origin}${req.url ?? '/'}`, {
    method: req.method ?? 'GET',
    headers,
    ...(hasBody ? { body: Buffer.concat(chunks) } : {}),
  });
}
