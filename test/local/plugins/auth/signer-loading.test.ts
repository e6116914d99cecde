import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = process.cwd();
const scratch = mkdtempSync(path.join(tmpdir(), 'signer-loading-'));

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Runs `body` as an ES module in a fresh Node process (through tsx), with `loaded()` telling whether the SigV4 signer is in the module cache. */
function runFresh(body: string): unknown {
  const file = path.join(scratch, `probe-${Math.random().toString(36).slice(2)}.mts`);
  writeFileSync(
    file,
    `import { createRequire } from 'node:module';
const loaded = () => Object.keys(createRequire(import.meta.url).cache).some((name) => name.includes('@smithy/signature-v4'));
${body}`,
  );
  return JSON.parse(execFileSync(path.join(root, 'node_modules/.bin/tsx'), [file], { cwd: root, encoding: 'utf8' }));
}

describe('the SigV4 signer', () => {
  it('is not loaded with the server, and is loaded by the first request signed', () => {
    const result = runFresh(`
await import(${JSON.stringify(path.join(root, 'local/server.ts'))});
const before = loaded();
const { signAppSyncRequest } = await import(${JSON.stringify(path.join(root, 'local/plugins/auth/index.ts'))});
const headers = await signAppSyncRequest({
  url: 'http://127.0.0.1:1/graphql',
  body: '{}',
  credentials: { accessKeyId: 'AKIDLOCAL', secretAccessKey: 'local-secret' },
  region: 'eu-west-1',
  signingDate: new Date('2026-01-01T00:00:00Z'),
});
console.log(JSON.stringify({ before, after: loaded(), authorization: headers.authorization }));
`);
    expect(result).toEqual({
      before: false,
      after: true,
      authorization: expect.stringMatching(
        /^AWS4-HMAC-SHA256 Credential=AKIDLOCAL\/20260101\/eu-west-1\/appsync\/aws4_request, SignedHeaders=host;x-amz-date, Signature=[0-9a-f]{64}$/,
      ),
    });
  });
});
