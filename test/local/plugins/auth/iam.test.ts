import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signAppSyncRequest } from '../../../../local/plugins/auth/index.js';
import type { LocalServer } from '../../../../local/server.js';
import { postSigned, startAuthServer, whoami, type GraphqlReply } from './helpers.js';

let server: LocalServer;
let stop: () => Promise<void>;

beforeAll(async () => {
  ({ server, stop } = await startAuthServer());
});

afterAll(async () => {
  await stop?.();
});

const MISMATCH =
  'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';

function expect403(reply: GraphqlReply, errorType: string, message: string | RegExp) {
  expect(reply.status).toBe(403);
  expect(reply.headers.get('x-amzn-errortype')).toBe(errorType);
  expect(reply.body.data).toBeUndefined();
  expect(reply.body.errors).toHaveLength(1);
  expect(reply.body.errors[0].errorType).toBe(errorType);
  if (typeof message === 'string') expect(reply.body.errors[0].message).toBe(message);
  else expect(reply.body.errors[0].message).toMatch(message);
}

describe('IAM: SigV4 requests with the local credentials', () => {
  it('are accepted, and ctx.identity has the IAM shape', async () => {
    const { identity, authType } = whoami(await postSigned(server, '{ whoami }'));
    expect(authType).toBe('IAM Authorization');
    expect(identity).toEqual({
      accountId: '123456789012',
      cognitoIdentityPoolId: null,
      cognitoIdentityId: null,
      cognitoIdentityAuthType: null,
      cognitoIdentityAuthProvider: null,
      sourceIp: ['127.0.0.1'],
      username: 'AIDAOFFLINELOCAL0001',
      userArn: 'arn:aws:iam::123456789012:user/offline-developer',
    });
  });

  it('accepts a signed GET with the query in the query string', async () => {
    const url = `${server.url}/graphql?query=${encodeURIComponent('{ iamOnly }')}`;
    const headers = await signAppSyncRequest({ url, method: 'GET', credentials: server.auth.iam, region: server.auth.region });
    const response = await fetch(url, { headers });
    expect(await response.json()).toEqual({ data: { iamOnly: 'iamOnly' } });
  });

  it("accepts a signed x-amz-content-sha256 that is the body's hash, as S3-style signers send it", async () => {
    const body = JSON.stringify({ query: '{ iamOnly }' });
    const contentHash = createHash('sha256').update(body).digest('hex');
    const url = `${server.url}/graphql`;
    const headers = await signAppSyncRequest({
      url,
      body,
      headers: { 'content-type': 'application/json', 'x-amz-content-sha256': contentHash },
      credentials: server.auth.iam,
      region: server.auth.region,
    });
    expect(headers.authorization).toContain('x-amz-content-sha256');
    const response = await fetch(url, { method: 'POST', headers, body });
    expect(await response.json()).toEqual({ data: { iamOnly: 'iamOnly' } });
  });
});

describe('IAM: SigV4 requests refused with a 403', () => {
  it('refuses a signature made with another secret: InvalidSignatureException', async () => {
    expect403(await postSigned(server, '{ whoami }', { secretAccessKey: 'not-the-local-secret' }), 'InvalidSignatureException', MISMATCH);
  });

  it('refuses a body changed after signing', async () => {
    const reply = await postSigned(server, '{ whoami }', {
      tamper: (signed) => void (signed.body = JSON.stringify({ query: '{ iamOnly }' })),
    });
    expect403(reply, 'InvalidSignatureException', MISMATCH);
  });

  it('refuses a payload hash header that does not match the body', async () => {
    const reply = await postSigned(server, '{ whoami }', {
      tamper: (signed) => void (signed.headers['x-amz-content-sha256'] = 'UNSIGNED-PAYLOAD'),
    });
    expect403(reply, 'InvalidSignatureException', MISMATCH);
  });

  it('refuses an unknown access key: UnrecognizedClientException', async () => {
    expect403(
      await postSigned(server, '{ whoami }', { accessKeyId: 'AKIAUNKNOWNKEY000000' }),
      'UnrecognizedClientException',
      'The security token included in the request is invalid.',
    );
  });

  it('refuses temporary credentials (a session token), which the local principal does not have', async () => {
    const reply = await postSigned(server, '{ whoami }', { tamper: (signed) => void (signed.headers['x-amz-security-token'] = 'token') });
    expect403(reply, 'UnrecognizedClientException', 'The security token included in the request is invalid.');
  });

  it('refuses a signature scoped to another region', async () => {
    expect403(
      await postSigned(server, '{ whoami }', { region: 'eu-west-1' }),
      'InvalidSignatureException',
      /^Credential should be scoped to a valid region, not 'eu-west-1'/,
    );
  });

  it('refuses a signature older than five minutes: Signature expired', async () => {
    const reply = await postSigned(server, '{ whoami }', { signingDate: new Date(Date.now() - 10 * 60_000) });
    expect403(reply, 'InvalidSignatureException', /^Signature expired: \d{8}T\d{6}Z is now earlier than/);
  });

  it('refuses an Authorization header without its Signature: IncompleteSignatureException', async () => {
    const reply = await postSigned(server, '{ whoami }', {
      tamper: (signed) => void (signed.headers.authorization = signed.headers.authorization!.replace(/, Signature=[0-9a-f]+/, '')),
    });
    expect403(
      reply,
      'IncompleteSignatureException',
      /^Authorization header requires 'Signature' parameter\. Authorization=AWS4-HMAC-SHA256 /,
    );
  });

  it('refuses a request without x-amz-date: IncompleteSignatureException', async () => {
    const reply = await postSigned(server, '{ whoami }', { tamper: (signed) => void delete signed.headers['x-amz-date'] });
    expect403(reply, 'IncompleteSignatureException', /requires existence of either a 'X-Amz-Date' or a 'Date' header/);
  });
});
