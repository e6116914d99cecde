import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

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
}

/** A running server: its base URL and a way to stop it. */
export interface NodeHttpServer {
  readonly server: Server;
  readonly port: number;
  /** `http://host:port`, without a trailing slash. */
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
  const server = createServer((req, res) => {
    void respond(handler, req, res, host);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    server,
    port,
    url: `http://${host}:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

async function respond(handler: FetchHandler, req: IncomingMessage, res: ServerResponse, host: string): Promise<void> {
  try {
    const response = await handler(await toRequest(req, host), { remoteAddress: req.socket.remoteAddress });
    res.statusCode = response.status;
    response.headers.forEach((value, name) => res.setHeader(name, value));
    res.end(Buffer.from(await response.arrayBuffer()));
  } catch {
    if (!res.headersSent) res.statusCode = 500;
    res.end();
  }
}

async function toRequest(req: IncomingMessage, host: string): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) value.forEach((item) => headers.append(name, item));
    else if (value !== undefined) headers.set(name, value);
  }
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD' && chunks.length > 0;
  return new Request(`http://${req.headers.host ?? host}${req.url ?? '/'}`, {
    method: req.method ?? 'GET',
    headers,
    ...(hasBody ? { body: Buffer.concat(chunks) } : {}),
  });
}
