import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLambdaRunner, type LambdaRunner } from '../../../../local/plugins/lambda/index.js';
import { fixture } from './helpers.js';

/** A stand-in HTTP endpoint that records what the SDK sends and answers like ExecuteStatement. */
function startRecordingEndpoint() {
  const requests: Array<{ url: string | undefined; headers: IncomingHttpHeaders; body: string }> = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      requests.push({ url: req.url, headers: req.headers, body });
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ numberOfRecordsUpdated: 3 }));
    });
  });
  return { server, requests };
}

describe('a handler that uses @aws-sdk/client-rds-data', () => {
  const { server, requests } = startRecordingEndpoint();
  let runner: LambdaRunner;
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    runner = createLambdaRunner({
      functions: [{ name: 'rdsData', handlerFile: fixture('rds-data'), timeoutSeconds: 10 }],
      extraEnvironment: { AWS_ENDPOINT_URL_RDS_DATA: `http://127.0.0.1:${port}` },
    });
  });
  afterAll(async () => {
    await runner.close();
    await new Promise((resolve) => server.close(resolve));
  });

  it('bundles with the SDK left external, small enough for the 300 KB budget', async () => {
    const [report] = await runner.prepare();
    expect(report?.bundleBytes).toBeLessThan(300 * 1024);
    expect(report?.bundleBytes).toBeLessThan(10 * 1024);
    expect(report?.inputs).toEqual([fixture('rds-data')]);
  });

  it('reaches the endpoint from the environment and signs with the offline credentials', async () => {
    const outcome = await runner.invoke('rdsData', { sql: 'update rooms set held = false' });
    expect(outcome).toEqual({ ok: true, result: { numberOfRecordsUpdated: 3 } });
    const [request] = requests;
    expect(request?.url).toBe('/Execute');
    expect(JSON.parse(request?.body ?? '{}')).toMatchObject({ sql: 'update rooms set held = false' });
    expect(request?.headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=ASIAOFFLINELAMBDA000\/\d{8}\/us-east-1\/rds-data\/aws4_request, /,
    );
    expect(request?.headers['x-amz-security-token']).toBe('offline-lambda-session-token');
  });
});
