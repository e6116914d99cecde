// The Lambdas' own SigV4 signer (node:crypto only) signs exactly as the AWS SDK's signer does.
import { SignatureV4 } from '@smithy/signature-v4';
import { describe, expect, it } from 'vitest';
import { NodeSha256 } from '../../../local/plugins/auth/iam/node-sha256.js';
import { signRequest } from '../../../resolvers/lambda/shared/sigv4.js';

const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };
const now = new Date('2026-11-26T16:00:00Z');

async function sdkHeaders(url: string, body: string, sessionToken?: string) {
  const parsed = new URL(url);
  const signer = new SignatureV4({
    credentials: { ...credentials, ...(sessionToken ? { sessionToken } : {}) },
    region: 'eu-west-1',
    service: 'appsync',
    sha256: NodeSha256,
    applyChecksum: false,
  });
  const signed = await signer.sign(
    {
      method: 'POST',
      protocol: parsed.protocol,
      hostname: parsed.hostname,
      ...(parsed.port ? { port: Number(parsed.port) } : {}),
      path: parsed.pathname,
      query: Object.fromEntries(parsed.searchParams),
      headers: { 'content-type': 'application/json', host: parsed.host },
      body,
    },
    { signingDate: now },
  );
  return Object.fromEntries(Object.entries(signed.headers).map(([name, value]) => [name.toLowerCase(), String(value)]));
}

describe('SigV4 signer', () => {
  it.each([
    ['https://abc.appsync-api.eu-west-1.amazonaws.com/graphql', undefined],
    ['http://127.0.0.1:4000/graphql', undefined],
    ['https://abc.appsync-api.eu-west-1.amazonaws.com/graphql?b=2&a=x y', 'SESSIONTOKEN'],
  ])('signs %s like the SDK', async (url, sessionToken) => {
    const body = JSON.stringify({ query: 'mutation { publishCreditBalanceChanged(input: {}) { userId } }' });
    const ours = signRequest({
      method: 'POST',
      url,
      body,
      headers: { 'content-type': 'application/json' },
      credentials: { ...credentials, ...(sessionToken ? { sessionToken } : {}) },
      region: 'eu-west-1',
      service: 'appsync',
      now,
    });
    const sdk = await sdkHeaders(url, body, sessionToken);
    expect(ours.authorization).toBe(sdk.authorization);
    expect(ours['x-amz-date']).toBe(sdk['x-amz-date']);
  });
});
