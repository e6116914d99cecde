import type { IncomingMessage } from 'node:http';
import { RealtimeWire } from './constants.js';

/** The auth headers of a handshake, or why they could not be read. */
export type HandshakeAuth = { ok: true; headers: Readonly<Record<string, string>> } | { ok: false; reason: string };

/**
 * Reads a JSON object of header values encoded in base64 or base64url, padded or not (Node's
 * decoder accepts both alphabets). Values that are not strings are refused.
 */
export function decodeAuthHeaders(encoded: string): Record<string, string> | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(encoded, 'base64').toString('utf8'));
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(parsed)) {
    if (typeof value !== 'string') return undefined;
    headers[name.toLowerCase()] = value;
  }
  return headers;
}

/** The subprotocols a client offered, in order. */
export function offeredProtocols(request: IncomingMessage): string[] {
  const header = request.headers['sec-websocket-protocol'];
  return (header ?? '')
    .split(',')
    .map((protocol) => protocol.trim())
    .filter((protocol) => protocol.length > 0);
}

/**
 * The handshake's auth headers from either form AppSync accepts: the
 * `header-…` subprotocol (current Amplify) or the `header` query parameter (older clients).
 */
export function handshakeAuth(url: URL, protocols: readonly string[]): HandshakeAuth {
  const fromProtocol = protocols.find((protocol) => protocol.startsWith(RealtimeWire.HEADER_PROTOCOL_PREFIX));
  const encoded = fromProtocol
    ? fromProtocol.slice(RealtimeWire.HEADER_PROTOCOL_PREFIX.length)
    : url.searchParams.get(RealtimeWire.HEADER_QUERY_PARAM);
  if (!encoded) return { ok: false, reason: 'missing' };
  const known = recentHandshakes.get(encoded);
  if (known) return known;
  const headers = decodeAuthHeaders(encoded);
  const auth: HandshakeAuth = headers ? { ok: true, headers: Object.freeze(headers) } : { ok: false, reason: 'unreadable' };
  if (recentHandshakes.size >= RECENT_HANDSHAKES) recentHandshakes.delete(recentHandshakes.keys().next().value as string);
  recentHandshakes.set(encoded, auth);
  return auth;
}

/**
 * Clients with the same credentials send the same handshake (an app's API key, a user's token in
 * several tabs): they share one decoded, frozen copy instead of one per connection.
 */
const recentHandshakes = new Map<string, HandshakeAuth>();
const RECENT_HANDSHAKES = 256;

/** A `Headers` object for the authenticators from the decoded JSON. */
export function toHeaders(values: Record<string, string>): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(values)) {
    try {
      headers.set(name, value);
    } catch {
      // A name or value `Headers` cannot hold is one no authenticator reads.
    }
  }
  return headers;
}
