import { WebSocket } from 'ws';

/**
 * Node 20 has no global WebSocket, which browsers and React Native give the apps' clients. This
 * supplies `ws` in its place. Amplify JS v6 always dials `wss://` (it rewrites `http://` too),
 * while the offline server speaks plain `ws://` on 127.0.0.1: for loopback addresses only, the
 * platform socket connects without TLS. The clients themselves run unchanged.
 */
export class LoopbackWebSocket extends WebSocket {
  constructor(url: string | URL, protocols?: string | string[]) {
    super(String(url).replace(/^wss:\/\/(127\.0\.0\.1|localhost)([:/])/, 'ws://$1$2'), protocols);
  }
}

/** Installs the platform WebSocket for the clients under test. */
export function installWebSocket(): void {
  (globalThis as { WebSocket?: unknown }).WebSocket = LoopbackWebSocket;
}
