/**
 * The one shape of an offline service. Every plugin answers its own routes on the one port
 * (`fetch`, Hono's and Yoga's fetch-handler shape), may hook into the Node server for what a
 * fetch handler cannot take (WebSocket upgrades), and releases what it holds on `close`.
 * `local/server.ts` lists them; a request goes to each in order until one answers.
 */
import type { Server } from 'node:http';

/** What the transport knows about a request's sender that the web Request cannot carry. */
export interface RequestPeer {
  /** `ctx.identity.sourceIp`: the peer address, then `x-forwarded-for`. */
  readonly sourceIp: string[];
}

export interface LocalPlugin {
  /** The plugin's folder under local/plugins/. */
  readonly name: string;
  /** Answers a request it serves; `undefined` passes it on to the next plugin. */
  fetch?(request: Request, peer: RequestPeer): Promise<Response | undefined> | Response | undefined;
  /** Hooks into the Node HTTP server, for upgrades. */
  attach?(server: Server): void;
  /** Stops serving and releases processes, sockets and databases. */
  close?(): Promise<void>;
}
