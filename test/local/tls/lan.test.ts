import { readFile } from 'node:fs/promises';
import { request } from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { banner } from '../../../local/banner.js';
import { parseServerOptions, type ServerOptions } from '../../../local/config/options.js';
import { lanAddresses, urlHost } from '../../../local/tls/index.js';
import { startRealtimeFixture, type RealtimeFixtureServer } from '../plugins/realtime/support/realtime-server.js';

let lan: RealtimeFixtureServer;

beforeAll(async () => {
  lan = await startRealtimeFixture(undefined, { host: '0.0.0.0', https: true });
});

afterAll(async () => {
  await lan?.stop();
});

/** GET over loopback only: a test never dials the machine's network addresses. */
async function health(): Promise<any> {
  const ca = await readFile(lan.server.tls?.caFile ?? '', 'utf8');
  return new Promise((resolve, reject) => {
    request(`${lan.server.url}/health`, { ca }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8'))));
    })
      .on('error', reject)
      .end();
  });
}

describe('The offline server on every interface (--host 0.0.0.0)', () => {
  it("lists the machine's addresses in /health instead of 0.0.0.0, and is dialled on loopback from this machine", async () => {
    // Prepare
    const { port } = new URL(lan.server.url);
    const expected = lanAddresses().map((address) => `https://${urlHost(address)}:${port}`);

    // Act
    const body = await health();

    // Assess
    expect(lan.server.url).toBe(`https://127.0.0.1:${port}`);
    expect(lan.server.lanUrls).toEqual(expected);
    expect(JSON.stringify(body)).not.toContain('0.0.0.0');
    expect(body.lan ?? []).toEqual(
      expected.map((base) => ({ graphql: `${base}/graphql`, realtime: `${base.replace('https', 'wss')}/graphql/realtime` })),
    );
  });

  it('prints those addresses in the banner, and says the token and signing helpers stay loopback-only', () => {
    const options = { ...(parseServerOptions(['--host', '0.0.0.0', '--https']) as ServerOptions) };

    const text = banner(lan.server, options);

    expect(text).not.toContain('0.0.0.0');
    for (const base of lan.server.lanUrls) expect(text).toContain(`${base}/graphql`);
    if (lan.server.lanUrls.length > 0) expect(text).toMatch(/token and IAM-signing helpers stay loopback-only/);
    expect(text).toContain('xcrun simctl keychain booted add-root-cert');
    expect(text).toContain('local-ca.crt');
    expect(text).toContain(`Android emulator https://10.0.2.2:${new URL(lan.server.url).port}`);
  });
});
