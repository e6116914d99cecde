import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { createFirstByteRouter } from './first-byte-router.js';
import { createBufferedRequest } from './buffered-request.js';
import { bufferedPartsOf } from './buffered-response.js';

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
  /**
   * Answers a request before its body is read or a web Request is built (the Host check): a
   * response refuses it, undefined lets it through.
   */
  screen?: (req: IncomingMessage) => Response | undefined;
  /** The largest body read, by path; a bigger one is answered with `tooLarge()` as soon as it is known, without reading the rest. */
  maxBodyBytes?: (req: IncomingMessage) => number;
  /** The answer to a body over `maxBodyBytes`. @default a bare 413 */
  tooLarge?: (req: IncomingMessage) => Response;
  /** Serve HTTPS (and WSS upgrades) with this certificate and key (PEM) instead of plain HTTP. */
  tls?: { readonly cert: string; readonly key: string };
  /** Told about each connection refused for speaking the wrong protocol (TLS to a plain port, or plain to a TLS one). @default no-op */
  onRefused?: (line: string) => void;
}

/** The body was larger than the limit; `respond` answers 413 and drops the connection. */
class BodyTooLargeError extends Error {}

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
    void respond(handler, req, res, `${scheme}://${req.headers.host ?? host}`, options);
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

async function send(res: ServerResponse, response: Response): Promise<void> {
  const buffered = bufferedPartsOf(response);
  if (buffered) {
    // A body at hand goes straight to the socket, with no stream in between.
    res.statusCode = buffered.status;
    if (buffered.headers instanceof Headers) buffered.headers.forEach((value, name) => res.setHeader(name, value));
    else for (const name in buffered.headers) res.setHeader(name, buffered.headers[name]!);
    res.end(buffered.body ?? undefined);
    return;
  }
  res.statusCode = response.status;
  response.headers.forEach((value, name) => res.setHeader(name, value));
  res.end(Buffer.from(await response.arrayBuffer()));
}

async function respond(
  handler: FetchHandler,
  req: IncomingMessage,
  res: ServerResponse,
  origin: string,
  options: ServeOptions,
): Promise<void> {
  try {
    const refusal = options.screen?.(req);
    if (refusal) return await send(res, refusal);
    // `request.signal` aborts when the client goes away before its answer is sent (the Data API rolls back on it).
    // Made only when a handler asks for it: most never do.
    let gone: AbortController | undefined;
    let clientLeft = false;
    res.once('close', () => {
      clientLeft = !res.writableFinished;
      if (clientLeft) gone?.abort();
    });
    const signal = () => {
      gone ??= new AbortController();
      if (clientLeft) gone.abort();
      return gone.signal;
    };
    const request = await toRequest(req, origin, options.maxBodyBytes?.(req) ?? Infinity, signal);
    await send(res, await handler(request, { remoteAddress: req.socket.remoteAddress }));
  } catch (error) {
    if (error instanceof BodyTooLargeError && !res.headersSent) {
      // The rest of the body is never read: answer, then close the connection it is still arriving on.
      res.setHeader('connection', 'close');
      res.once('finish', () => req.socket.destroy());
      return send(res, options.tooLarge?.(req) ?? new Response(null, { status: 413 })).catch(() => {
        req.socket.destroy();
      });
    }

    if (!res.headersSent) res.statusCode = 500;
    res.end();
  }
}

async function toRequest(req: IncomingMessage, origin: string, maxBodyBytes: number, signal: () => AbortSignal): Promise<Request> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > maxBodyBytes) throw new BodyTooLargeError();
  const chunks = await readBody(req, maxBodyBytes);
  const method = req.method ?? 'GET';
  const body = method === 'GET' || method === 'HEAD' ? Buffer.alloc(0) : chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
  return createBufferedRequest({ url: `${origin}${req.url ?? '/'}`, method, headers: req.headers, body, signal });
}

/** The body's chunks, refusing as soon as they pass `maxBodyBytes` (without destroying the socket, so the 413 can still go out). */
function readBody(req: IncomingMessage, maxBodyBytes: number): Promise<Buffer[]> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBodyBytes) return void chunks.push(chunk);
      req.off('data', onData);
      req.pause();
      reject(new BodyTooLargeError());
    };
    req.on('data', onData);
    req.once('end', () => resolve(chunks));
    req.once('error', reject);
    req.once('close', () => {
      if (!req.complete) reject(new Error('The client went away while sending the body'));
    });
  });
}
