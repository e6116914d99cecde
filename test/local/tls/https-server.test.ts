import { readFile } from 'node:fs/promises';
import { request as httpsRequest, Agent } from 'node:https';
import { connect as tlsConnect } from 'node:tls';
import { ExecuteStatementCommand, RDSDataClient } from '@aws-sdk/client-rds-data';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { WebSocket } from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiKeyHeaders, startRealtimeFixture, type RealtimeFixtureServer } from '../plugins/realtime/support/realtime-server.js';

let secure: RealtimeFixtureServer;
let plain: RealtimeFixtureServer;
let ca: string;

/** One HTTPS request that trusts only the local CA (no global agent: the test process itself trusts nothing extra). */
function get(
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpsRequest(url, { method: init.method ?? 'GET', headers: init.headers, ca }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(init.body);
  });
}

/** Opens a realtime socket and resolves with the first message after connection_init, or rejects with the dial's error. */
function realtimeAck(url: string, headers: Record<string, string>, options: { ca?: string } = {}): Promise<unknown> {
  const header = Buffer.from(JSON.stringify(headers)).toString('base64url');
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${url}/graphql/realtime`, ['graphql-ws', `header-${header}`], options.ca ? { ca: options.ca } : {});
    socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init' })));
    socket.on('message', (data: Buffer) => {
      resolve(JSON.parse(data.toString('utf8')));
      socket.close();
    });
    socket.on('error', reject);
    socket.on('unexpected-response', (_req, res) => {
      reject(new Error(`unexpected response ${res.statusCode}`));
      socket.terminate();
    });
  });
}

beforeAll(async () => {
  [secure, plain] = await Promise.all([startRealtimeFixture(undefined, { https: true }), startRealtimeFixture()]);
  ca = await readFile(secure.server.tls?.caFile ?? '', 'utf8');
});

afterAll(async () => {
  await Promise.all([secure?.stop(), plain?.stop()]);
});

describe('The offline server with --https', () => {
  it('serves GraphQL, the playground and health over TLS on one port, with a certificate the local CA signed', async () => {
    // Prepare
    const base = secure.server.url;

    // Act
    const ping = await get(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': 'da2-realtimefixturerealtimefix' },
      body: JSON.stringify({ query: '{ ping }' }),
    });
    const playground = await get(`${base}/`);
    const health = JSON.parse((await get(`${base}/health`)).body);

    // Assess
    expect(base).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(JSON.parse(ping.body)).toEqual({ data: { ping: 'pong' } });
    expect(playground.status).toBe(200);
    expect(health).toMatchObject({
      graphql: `${base}/graphql`,
      realtime: `${base.replace('https', 'wss')}/graphql/realtime`,
      tls: { caFile: secure.server.tls?.caFile },
    });
  });

  it('is refused by a client that does not trust the local CA', async () => {
    await expect(
      new Promise((resolve, reject) => httpsRequest(`${secure.server.url}/health`, resolve).on('error', reject).end()),
    ).rejects.toThrow(/self.signed|unable to (get|verify)/i);
  });

  it('answers the realtime handshake over wss://', async () => {
    const ack = await realtimeAck(secure.server.url.replace('https', 'wss'), apiKeyHeaders(secure.server), { ca });
    expect(ack).toMatchObject({ type: 'connection_ack' });
  });

  it('answers the unmodified AWS SDK on the Data API over https', async () => {
    const client = new RDSDataClient({
      region: secure.server.auth.region,
      endpoint: secure.server.dataApi.url,
      credentials: { accessKeyId: secure.server.auth.iam.accessKeyId, secretAccessKey: secure.server.auth.iam.secretAccessKey },
      requestHandler: new NodeHttpHandler({ httpsAgent: new Agent({ ca }) }),
    });
    const { records } = await client.send(
      new ExecuteStatementCommand({
        resourceArn: secure.server.dataApi.resourceArn,
        secretArn: secure.server.dataApi.secretArn,
        sql: 'SELECT 1 AS one',
      }),
    );
    expect(records).toEqual([[{ longValue: 1 }]]);
  });

  it('refuses a plain ws:// dial to the TLS port, and says so in the log', async () => {
    const before = secure.logs.length;
    await expect(realtimeAck(secure.server.url.replace('https', 'ws'), apiKeyHeaders(secure.server))).rejects.toThrow(
      /unexpected response 400/,
    );
    expect(secure.logs.slice(before).join('\n')).toMatch(
      /Refused a plain HTTP\/ws connection from 127\.0\.0\.1:\d+: this server runs with --https/,
    );
  });

  it('refuses a plain http:// request to the TLS port with a 400 that names https', async () => {
    const response = await fetch(secure.server.url.replace('https', 'http') + '/health');
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('dial https:// and wss://');
  });
});

describe('The offline server without --https', () => {
  it('refuses a TLS connection, and says so in the log', async () => {
    const before = plain.logs.length;
    const { port } = new URL(plain.server.url);
    await expect(
      new Promise((resolve, reject) =>
        tlsConnect({ host: '127.0.0.1', port: Number(port), rejectUnauthorized: false }, () => resolve('connected')).on('error', reject),
      ),
    ).rejects.toThrow();
    await expect
      .poll(() => plain.logs.slice(before).join('\n'))
      .toMatch(/Refused a TLS connection from 127\.0\.0\.1:\d+: .*start it with --https/);
    expect(plain.server.tls).toBeUndefined();
  });
});
