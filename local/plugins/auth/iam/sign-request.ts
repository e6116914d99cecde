import { AuthWire } from '../constants.js';
import type { LocalIamCredentials } from './credentials.js';
import { loadSigner } from './load-signer.js';
import { NodeSha256 } from './node-sha256.js';

/** A request to sign for AppSync. */
export interface RequestToSign {
  readonly url: string;
  /** @default 'POST' */
  readonly method?: string;
  readonly body?: string;
  /** Headers to send and sign besides `host` and `x-amz-date` (e.g. content-type). @default {} */
  readonly headers?: Readonly<Record<string, string>>;
  readonly credentials: Pick<LocalIamCredentials, 'accessKeyId' | 'secretAccessKey'>;
  readonly region: string;
  /** @default new Date() */
  readonly signingDate?: Date;
}

/**
 * The headers that make a request SigV4-signed for service `appsync`, as an AWS SDK would send
 * them: `host`, `x-amz-date`, `authorization` and the given ones. The playground's IAM choice and
 * the tests use it; any AWS SigV4 client works the same against the local server.
 */
export async function signAppSyncRequest(input: RequestToSign): Promise<Record<string, string>> {
  const url = new URL(input.url);
  const { SignatureV4 } = await loadSigner();
  const signer = new SignatureV4({
    credentials: { accessKeyId: input.credentials.accessKeyId, secretAccessKey: input.credentials.secretAccessKey },
    region: input.region,
    service: AuthWire.SIGV4_SERVICE,
    sha256: NodeSha256,
    applyChecksum: false,
  });
  const signed = await signer.sign(
    {
      method: input.method ?? 'POST',
      protocol: url.protocol,
      hostname: url.hostname,
      ...(url.port ? { port: Number(url.port) } : {}),
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: { ...input.headers, host: url.host },
      body: input.body ?? '',
    },
    { signingDate: input.signingDate ?? new Date() },
  );
  return Object.fromEntries(Object.entries(signed.headers).map(([name, value]) => [name.toLowerCase(), String(value)]));
}
