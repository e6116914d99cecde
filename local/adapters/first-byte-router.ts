import { createServer as createNetServer, type Server as NetServer, type Socket } from 'node:net';
import type { Server } from 'node:http';

/** The first byte of a TLS connection: a handshake record (RFC 8446, section 5.1). */
const TLS_HANDSHAKE_RECORD = 0x16;

/** What a plain-HTTP client gets from the HTTPS port before it is closed. */
const PLAIN_ON_TLS_PORT_REPLY = [
  'HTTP/1.1 400 Bad Request',
  'Content-Type: text/plain; charset=utf-8',
  'Connection: close',
  '',
  'This port speaks HTTPS only: dial https:// and wss://, not http:// or ws://.\n',
].join('\r\n');

export interface FirstByteRouterOptions {
  /** The HTTP or HTTPS server that takes the connections it should. */
  readonly server: Server;
  /** Whether `server` expects TLS. */
  readonly tls: boolean;
  /** Told once per refused connection. */
  readonly onRefused: (line: string) => void;
}

/**
 * The listening socket in front of the HTTP(S) server: it reads each connection's first byte and
 * hands the connection on only when it speaks what the port serves. Without it, a `ws://` dial to
 * the HTTPS port (or TLS to the plain port) fails with no word in the server log, and an app
 * redials forever. Node's servers accept a connection whose first bytes were read and put back.
 */
export function createFirstByteRouter(options: FirstByteRouterOptions): { listener: NetServer; destroyPending(): void } {
  const pending = new Set<Socket>();
  const listener = createNetServer((socket) => {
    pending.add(socket);
    socket.once('error', () => socket.destroy());
    socket.once('close', () => pending.delete(socket));
    socket.once('data', (chunk: Buffer) => {
      pending.delete(socket);
      socket.pause();
      const speaksTls = chunk[0] === TLS_HANDSHAKE_RECORD;
      const peer = `${socket.remoteAddress ?? 'unknown'}:${socket.remotePort ?? ''}`;
      if (speaksTls === options.tls) {
        socket.unshift(chunk);
        options.server.emit('connection', socket);
        process.nextTick(() => socket.resume());
      } else if (options.tls) {
        options.onRefused(`Refused a plain HTTP/ws connection from ${peer}: this server runs with --https, dial https:// and wss://`);
        socket.end(PLAIN_ON_TLS_PORT_REPLY);
      } else {
        options.onRefused(
          `Refused a TLS connection from ${peer}: this server speaks plain http:// and ws://; start it with --https for https:// and wss://`,
        );
        socket.destroy();
      }
    });
  });
  return {
    listener,
    destroyPending: () => {
      for (const socket of pending) socket.destroy();
    },
  };
}
