/* The playground's subscription transport: AppSync's realtime protocol (graphql-ws subprotocol,
 * auth headers in a `header-…` subprotocol and in each start) on /graphql/realtime. It fills the
 * slot playground.js leaves for it, window.playground.transports.subscription.
 * Plain JavaScript served as is (no build step). */
/* global window, location */
(function installSubscriptions() {
  'use strict';
  const REALTIME_PATH = '/graphql/realtime';
  const SIGV4 = /^AWS4-HMAC-SHA256 /;

  function base64url(value) {
    const bytes = new TextEncoder().encode(JSON.stringify(value));
    let binary = '';
    for (const byte of bytes) binary += String.fromCharCode(byte);
    return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  function realtimeUrl() {
    return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${REALTIME_PATH}`;
  }

  const failure = (message) => ({ errors: [{ message }] });

  /**
   * An Observable GraphiQL shows as a stream: a status result once AppSync acknowledges the start,
   * then one result per event, and the `error` frames as results with errors.
   * `credentials(body)` gives the chosen auth's headers for a request body.
   */
  function subscriptionTransport(params, _options, credentials) {
    return {
      subscribe(observer) {
        let socket;
        let stopped = false;
        const id = `playground-${Date.now()}`;
        const events = [];
        const data = JSON.stringify({
          query: params.query,
          variables: params.variables || {},
          operationName: params.operationName || undefined,
        });
        const end = () => {
          if (socket && socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify({ type: 'stop', id }));
          if (socket) socket.close();
        };
        (async () => {
          if (!credentials) return observer.next(failure('This playground has no credentials to subscribe with.'));
          const headers = Object.assign({ host: location.host }, await credentials(data));
          if (SIGV4.test(headers.authorization || '')) {
            observer.next(
              failure(
                'IAM subscriptions are not available in the playground: the handshake must be signed for /graphql/connect. Pick the API key or a user.',
              ),
            );
            return observer.complete();
          }
          if (stopped) return undefined;
          socket = new WebSocket(realtimeUrl(), ['graphql-ws', `header-${base64url(headers)}`]);
          socket.onopen = () => socket.send(JSON.stringify({ type: 'connection_init' }));
          socket.onmessage = (message) => {
            const frame = JSON.parse(message.data);
            if (frame.type === 'connection_ack') {
              socket.send(JSON.stringify({ id, type: 'start', payload: { data, extensions: { authorization: headers } } }));
            } else if (frame.type === 'start_ack') {
              observer.next({ data: null, extensions: { realtime: 'Subscribed.' } });
            } else if (frame.type === 'data' && frame.id === id) {
              // Events accumulate, newest first, each with the time it arrived.
              events.unshift(Object.assign({ receivedAt: new Date().toLocaleTimeString() }, frame.payload));
              observer.next({
                data: frame.payload.data,
                extensions: {
                  realtime: `${events.length} event${events.length === 1 ? '' : 's'} so far, newest first`,
                  events: events.slice(),
                },
              });
            } else if (frame.type === 'error' || frame.type === 'connection_error') {
              observer.next(frame.payload);
              observer.complete();
              end();
            } else if (frame.type === 'complete' && frame.id === id) {
              observer.complete();
            }
          };
          socket.onerror = () => observer.next(failure(`The realtime connection to ${REALTIME_PATH} failed.`));
          return undefined;
        })().catch((error) => observer.next(failure(String(error && error.message ? error.message : error))));
        return {
          unsubscribe() {
            stopped = true;
            end();
          },
        };
      },
    };
  }

  window.playground.transports.subscription = subscriptionTransport;
})();
