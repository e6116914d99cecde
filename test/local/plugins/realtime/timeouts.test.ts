import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiKeyHeaders, startRealtimeFixture, type RealtimeFixtureServer } from './support/realtime-server.js';
import { RealtimeTestClient } from './support/ws-client.js';

let fixture: RealtimeFixtureServer;
const clients: RealtimeTestClient[] = [];

beforeAll(async () => {
  // Long enough that a loaded machine still sends its start in time, short enough to wait out.
  fixture = await startRealtimeFixture({ connectionTimeoutMs: 1500, keepAliveIntervalMs: 100 });
});

afterAll(async () => {
  for (const client of clients) client.close();
  await fixture?.stop();
});

async function open(): Promise<RealtimeTestClient> {
  const client = await RealtimeTestClient.open(fixture.server.url, apiKeyHeaders(fixture.server));
  clients.push(client);
  return client;
}

describe('Connection timeout', () => {
  it('advertises the configured timeout in connection_ack', async () => {
    const client = await open();
    expect(await client.init()).toEqual({ type: 'connection_ack', payload: { connectionTimeoutMs: 1500 } });
  });

  it('closes a connection with no live subscription once the timeout passes, keeps one that has a subscription', async () => {
    const idle = await open();
    const busy = await open();
    await idle.init();
    await busy.init();
    const auth = apiKeyHeaders(fixture.server);
    expect((await busy.start('live', 'subscription { onMessage(room: "t") { body } }', {}, auth)).type).toBe('start_ack');
    await idle.waitClosed();
    expect(idle.closed).toEqual({ code: 1000, reason: 'Connection timed out' });
    expect(fixture.logs).toContain('realtime: closing a connection idle for 1500 ms');
    // The busy socket outlives the idle one and still receives events.
    await fixture.graphql('mutation { postMessage(input: { room: "t", body: "still here" }) { id room body } }');
    expect((await busy.nextOf('data', 'live')).payload).toEqual({ data: { onMessage: { body: 'still here' } } });
    expect(busy.closed).toBeUndefined();
    // Once its last subscription stops, it becomes idle too.
    busy.send({ type: 'stop', id: 'live' });
    await busy.waitClosed();
    expect(busy.closed?.code).toBe(1000);
  });

  it('closes a socket that never sends connection_init', async () => {
    const silent = await open();
    await silent.waitClosed();
    expect(silent.closed?.reason).toBe('Connection timed out');
  });
});
