import { connect, type Socket } from 'node:net';
import { ExecuteStatementCommand, RDSDataClient } from '@aws-sdk/client-rds-data';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlaygroundPlugin } from '../../../local/plugins/playground/plugin.js';
import { apiKeyHeaders, startRealtimeFixture, type RealtimeFixtureServer } from '../plugins/realtime/support/realtime-server.js';
import { RealtimeTestClient } from '../plugins/realtime/support/ws-client.js';

let fixture: RealtimeFixtureServer;
let port: number;

beforeAll(async () => {
  fixture = await startRealtimeFixture();
  port = Number(new URL(fixture.server.url).port);
});

afterAll(async () => {
  await fixture?.stop();
});

/** Sends raw bytes on a fresh TCP connection; resolves with everything the server sent once it closes the connection. */
function rawExchange(request: string | Buffer, options: { keepWriting?: Buffer } = {}): Promise<{ text: string; ended: boolean }> {
  return new Promise((resolve, reject) => {
    const socket: Socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    let writer: NodeJS.Timeout | undefined;
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', () => {}); // a reset after the answer is fine: the answer is what is checked
    socket.on('close', () => {
      clearInterval(writer);
      resolve({ text: Buffer.concat(chunks).toString('latin1'), ended: true });
    });
    socket.setTimeout(10_000, () => {
      socket.destroy();
      reject(new Error(`no answer; got so far: ${Buffer.concat(chunks).toString('latin1')}`));
    });
    socket.write(request);
    if (options.keepWriting) {
      const more = options.keepWriting;
      writer = setInterval(() => socket.writable && socket.write(more), 20);
    }
  });
}

async function stillServes(): Promise<void> {
  expect(await fixture.graphql('{ ping }')).toEqual({ data: { ping: expect.any(String) } });
}

describe('WebSocket frames the server refuses without falling over', () => {
  async function openReady(): Promise<RealtimeTestClient> {
    const client = await RealtimeTestClient.open(fixture.server.url, apiKeyHeaders(fixture.server));
    await client.init();
    return client;
  }

  it('closes with 1007 on a text frame that is not UTF-8 (0xC3 0x28), and keeps serving', async () => {
    const client = await openReady();
    client.socket.send(Buffer.from([0xc3, 0x28]), { binary: false });
    await client.waitClosed();
    expect(client.closed?.code).toBe(1007);
    await stillServes();
    (await openReady()).close();
  });

  it('closes with 1009 on a frame over 1 MiB, and keeps serving', async () => {
    const client = await openReady();
    client.socket.send('x'.repeat(1024 * 1024 + 10));
    await client.waitClosed();
    expect(client.closed?.code).toBe(1009);
    await stillServes();
    (await openReady()).close();
  });
});

describe('A start with a query that does not parse', () => {
  it('is answered with an error frame that carries the operation id, not an anonymous InternalFailure', async () => {
    const client = await RealtimeTestClient.open(fixture.server.url, apiKeyHeaders(fixture.server));
    await client.init();
    const answer = await client.start('broken-1', 'subscription { onMessage(room: "x") { body }', {}, apiKeyHeaders(fixture.server));
    expect(answer).toMatchObject({ type: 'error', id: 'broken-1' });
    expect(answer.payload.errors[0].errorType).not.toBe('InternalFailure');
    expect(answer.payload.errors[0].message).toMatch(/parse|Syntax/i);
    client.close();
  });
});

describe('Upgrades the server does not serve', () => {
  const upgrade = (path: string, host = `127.0.0.1:${port}`) =>
    `GET ${path} HTTP/1.1\r\nHost: ${host}\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n`;

  it('answers an upgrade to any other path with 404 and closes the socket', async () => {
    const { text, ended } = await rawExchange(upgrade('/graphql'));
    expect(text).toMatch(/^HTTP\/1\.1 404 Not Found\r\n/);
    expect(ended).toBe(true);
  });

  it('closes every refused upgrade: 50 of them leave no socket open', async () => {
    const answers = await Promise.all(Array.from({ length: 50 }, (_, index) => rawExchange(upgrade(`/nowhere/${index}`))));
    expect(answers.every((answer) => answer.ended && answer.text.startsWith('HTTP/1.1 404'))).toBe(true);
    await stillServes();
  });

  it('refuses an upgrade naming a foreign Host with 403', async () => {
    const { text } = await rawExchange(upgrade('/graphql/realtime', `evil.example:${port}`));
    expect(text).toMatch(/^HTTP\/1\.1 403 Forbidden\r\n/);
    expect(text).toContain('"errorType":"ForbiddenException"');
  });
});

describe('Host checking on every route', () => {
  const request = (path: string, host: string) => `GET ${path} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`;

  it.each(['/graphql', '/', '/playground/config', '/playground/token?user=pat', '/health', '/data-api/Execute'])(
    'refuses a foreign Host on %s with 403 ForbiddenException',
    async (path) => {
      const { text } = await rawExchange(request(path, `rebound.evil.example:${port}`));
      expect(text).toMatch(/^HTTP\/1\.1 403 Forbidden\r\n/);
      expect(text).toMatch(/ForbiddenException/);
      expect(text).not.toMatch(/eyJ|AKIA|da2-/); // no token, key id or API key
    },
  );

  it('answers a malformed Host with 400, not an empty 500', async () => {
    const { text } = await rawExchange(request('/graphql', 'a b@c'));
    expect(text).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(text).toContain('MalformedHttpRequestException');
  });

  it.each(['localhost', '127.0.0.1', '[::1]', 'app.localhost'])('serves Host %s', async (name) => {
    const { text } = await rawExchange(request('/health', `${name}:${port}`));
    expect(text).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
  });

  it('hands out tokens and signatures to loopback peers only', async () => {
    const plugin = createPlaygroundPlugin({
      graphqlPath: '/graphql',
      modes: ['AMAZON_COGNITO_USER_POOLS', 'AWS_IAM'],
      apiKey: undefined,
      iam: { accessKeyId: 'AKIAOFFLINELOCAL0001', region: 'us-east-1' },
      users: [],
      examples: [],
      mint: (username) => fixture.server.auth.userPool.mint({ username }),
      sign: () => Promise.resolve({ authorization: 'signed' }),
    });
    const token = new Request('http://localhost:4000/playground/token?user=pat');
    const sign = () => new Request('http://localhost:4000/playground/sign', { method: 'POST', body: '{"body":"{}"}' });
    for (const peer of ['192.168.1.20', '10.0.0.7', '::ffff:192.168.1.20']) {
      const refused = await plugin.fetch!(token, { sourceIp: [peer, '127.0.0.1'] });
      expect(refused?.status).toBe(403);
      expect((await plugin.fetch!(sign(), { sourceIp: [peer] }))?.status).toBe(403);
    }
    for (const peer of ['127.0.0.1', '::1', '::ffff:127.0.0.1']) {
      expect((await plugin.fetch!(token, { sourceIp: [peer] }))?.status).toBe(200);
      expect((await plugin.fetch!(sign(), { sourceIp: [peer] }))?.status).toBe(200);
    }
  });
});

describe('Body size', () => {
  it('answers 413 as soon as a body passes the limit, without reading the rest', async () => {
    const head = `POST /graphql HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n`;
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    const framed = Buffer.concat([Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from('\r\n')]);
    // The client keeps sending forever: only an answer before the end of the body ends this exchange.
    const { text } = await rawExchange(head, { keepWriting: Buffer.concat(Array.from({ length: 8 }, () => framed)) });
    expect(text).toMatch(/^HTTP\/1\.1 413 /);
    expect(text).toContain('Request body is too large.');
    await stillServes();
  });

  it('answers 413 at once for a declared Content-Length over the limit', async () => {
    const head = `POST /graphql HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nContent-Length: ${6 * 1024 * 1024}\r\n\r\n{`;
    const { text } = await rawExchange(head);
    expect(text).toMatch(/^HTTP\/1\.1 413 /);
  });
});

describe('Data API endpoint', () => {
  const url = () => `${fixture.server.dataApi.url}/Execute`;
  const body = () =>
    JSON.stringify({ resourceArn: fixture.server.dataApi.resourceArn, secretArn: fixture.server.dataApi.secretArn, sql: 'select 1' });
  const client = (
    credentials: { accessKeyId: string; secretAccessKey: string } = fixture.server.auth.iam,
    region = fixture.server.auth.region,
  ) => new RDSDataClient({ endpoint: fixture.server.dataApi.url, region, credentials, maxAttempts: 1 });
  const execute = (rds: RDSDataClient, overrides: Record<string, string> = {}) =>
    rds.send(
      new ExecuteStatementCommand({
        resourceArn: fixture.server.dataApi.resourceArn,
        secretArn: fixture.server.dataApi.secretArn,
        sql: "select 'signed' as answer",
        ...overrides,
      }),
    );

  it('runs a statement the SDK signed with the local credentials', async () => {
    const output = await execute(client());
    expect(output.records).toEqual([[{ stringValue: 'signed' }]]);
  });

  it('refuses an unsigned request with 403 MissingAuthenticationTokenException, and runs nothing', async () => {
    const response = await fetch(url(), { method: 'POST', headers: { 'content-type': 'application/json' }, body: body() });
    expect(response.status).toBe(403);
    expect(response.headers.get('x-amzn-errortype')).toMatch(/^MissingAuthenticationTokenException/);
    expect(await response.json()).toEqual({ message: 'Missing Authentication Token' });
  });

  it('refuses a signature by another secret key, an unknown key id, another service and another region', async () => {
    const { accessKeyId, secretAccessKey } = fixture.server.auth.iam;
    await expect(execute(client({ ...fixture.server.auth.iam, secretAccessKey: `${secretAccessKey}x` }))).rejects.toMatchObject({
      name: 'InvalidSignatureException',
      $metadata: { httpStatusCode: 403 },
    });
    await expect(execute(client({ accessKeyId: 'AKIASOMEONEELSE00001', secretAccessKey }))).rejects.toMatchObject({
      name: 'UnrecognizedClientException',
    });
    await expect(execute(client({ accessKeyId, secretAccessKey }, 'eu-west-1'))).rejects.toMatchObject({
      name: 'InvalidSignatureException',
    });
  });

  it('checks the secret ARN and the resource ARN as AWS does', async () => {
    await expect(
      execute(client(), { secretArn: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:other-AbCdEf' }),
    ).rejects.toMatchObject({
      name: 'SecretsErrorException',
    });
    await expect(execute(client(), { resourceArn: 'arn:aws:rds:us-east-1:123456789012:cluster:other' })).rejects.toMatchObject({
      name: 'HttpEndpointNotEnabledException',
    });
  });

  it('refuses what a web page can send cross-site: text/plain (415) and a foreign Origin (403)', async () => {
    const plain = await fetch(url(), { method: 'POST', headers: { 'content-type': 'text/plain' }, body: body() });
    expect(plain.status).toBe(415);
    const foreign = await fetch(url(), {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://evil.example' },
      body: body(),
    });
    expect(foreign.status).toBe(403);
    expect(foreign.headers.get('x-amzn-errortype')).toMatch(/^ForbiddenException/);
  });
});
