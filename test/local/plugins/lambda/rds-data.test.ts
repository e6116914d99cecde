import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleLambda, createLambdaRunner, type LambdaRunner } from '../../../../local/plugins/lambda/index.js';
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

  it('bundles for deploy with the SDK left external (the runtime provides it), within the 300 KB budget', async () => {
    const dir = await mkdtemp(path.join(process.cwd(), 'node_modules/.cache/lambda-deploy-'));
    try {
      const deployed = await bundleLambda('rdsData', fixture('rds-data'), dir);
      expect(deployed.bytes).toBeLessThan(10 * 1024);
      expect(await readFile(deployed.file, 'utf8')).toMatch(/from\s*"@aws-sdk\/client-rds-data"/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('bundles the SDK into the offline bundle, so a cold start loads one file', async () => {
    const [report] = await runner.prepare();
    expect(report?.inputs).toContain(fixture('rds-data'));
    const offline = await readFile(report?.bundleFile ?? '', 'utf8');
    expect(offline).not.toMatch(/from\s*"@aws-sdk\//);
    expect(report?.bundleBytes).toBeGreaterThan(100 * 1024);
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
