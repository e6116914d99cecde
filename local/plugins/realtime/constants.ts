/** AppSync's realtime wire constants. */
export const RealtimeWire = {
  /** The only subprotocol AppSync accepts (not `graphql-transport-ws`). */
  SUBPROTOCOL: 'graphql-ws',
  /** Newer clients send the auth headers as a second subprotocol: `header-<base64url(JSON)>`. */
  HEADER_PROTOCOL_PREFIX: 'header-',
  /** Older clients send them as `?header=<base64(JSON)>&payload=e30=`. */
  HEADER_QUERY_PARAM: 'header',
} as const;

/** Timing and size limits. */
export const RealtimeLimits = {
  /** Advertised in `connection_ack`; also how long a connection may stay idle. */
  CONNECTION_TIMEOUT_MS: 300_000,
  /** AppSync sends `ka` about every 60 s. */
  KEEP_ALIVE_INTERVAL_MS: 60_000,
  MAX_SUBSCRIPTIONS_PER_CONNECTION: 100,
  /** Events bigger than this are dropped (the mutation still succeeds). */
  MAX_EVENT_BYTES: 240 * 1024,
  /** Bigger client frames are refused before parsing [inf]. */
  MAX_CLIENT_FRAME_BYTES: 1024 * 1024,
} as const;

/** The message types of AppSync's protocol. */
export const MessageTypes = {
  CONNECTION_INIT: 'connection_init',
  CONNECTION_ACK: 'connection_ack',
  CONNECTION_ERROR: 'connection_error',
  KEEP_ALIVE: 'ka',
  START: 'start',
  START_ACK: 'start_ack',
  DATA: 'data',
  ERROR: 'error',
  STOP: 'stop',
  COMPLETE: 'complete',
} as const;
