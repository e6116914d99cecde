/**
 * AWS Amplify JS v6 with API-key auth against the realtime fixture API served with https: a query
 * and a subscription event over real https:// and wss://. The app runs in its own Node process
 * (test/clients/amplify-app/api-key.ts) trusting the local CA through NODE_EXTRA_CA_CERTS; nothing
 * wraps its fetch or WebSocket.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_KEY, startRealtimeFixture, type RealtimeFixtureServer } from '../local/plugins/realtime/support/realtime-server.js';
import { runApp, type AppRun } from './amplify-app/run.js';

let fixture: RealtimeFixtureServer;
let run: AppRun;

beforeAll(async () => {
  fixture = await startRealtimeFixture(undefined, { https: true });
  const caFile = fixture.server.tls?.caFile;
  if (!caFile) throw new Error('The fixture was not started with https');
  run = await runApp('api-key.ts', {
    ROAM_GRAPHQL_URL: `${fixture.server.url}/graphql`,
    ROAM_API_KEY: API_KEY,
    NODE_EXTRA_CA_CERTS: caFile,
  });
});

afterAll(async () => {
  await fixture?.stop();
});

describe('AWS Amplify JS v6 with an API key against the offline server over https', () => {
  it('runs a query with generateClient', () => {
    expect(fixture.server.url).toMatch(/^https:\/\//);
    expect(run.steps.query, run.stderr).toEqual({ step: 'query', data: { ping: 'pong' } });
  });

  it('receives a subscription event triggered by a mutation it sends', () => {
    expect(run.steps.failed, run.stderr).toBeUndefined();
    expect(run.code).toBe(0);
    const { event, posted } = run.steps.subscribe;
    expect(event).toEqual({ onMessage: { id: expect.any(String), room: 'amplify', body: expect.stringMatching(/^hello \d+$/) } });
    expect(posted).toContain(event.onMessage.id);
    // Every dial was TLS: the server refused nothing.
    expect(fixture.logs.filter((line) => line.startsWith('Refused'))).toEqual([]);
  });
});
