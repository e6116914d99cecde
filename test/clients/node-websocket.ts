import { WebSocket } from 'ws';

/**
 * Node 20 has no global WebSocket, which browsers and React Native give the apps' clients: the
 * `ws` package's class stands in, as is (no scheme or TLS changes), so `wss://` is real TLS.
 */
export function installWebSocket(): void {
  (globalThis as { WebSocket?: unknown }).WebSocket ??= WebSocket;
}
