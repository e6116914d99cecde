import { createHash, timingSafeEqual } from 'node:crypto';
import type { HttpRequest, QueryParameterBag } from '@smithy/types';
import type { Authenticator, IamIdentity } from '../types.js';
import { AuthWire, SigV4Errors } from '../constants.js';
import { SignatureRejectedError } from '../errors.js';
import type { LocalIamCredentials } from './credentials.js';
import { loadSigner } from './load-signer.js';
import { NodeSha256 } from './node-sha256.js';
import { parseAmzDate, parseSigV4Authorization, type SigV4Authorization } from './parse-authorization.js';

/** Which principal may call, and in which region. */
export interface IamAuthOptions {
  readonly credentials: Required<LocalIamCredentials>;
  /** The region requests must be scoped to. */
  readonly region: string;
  /** The service requests must be signed for. @default 'appsync' (the Data API endpoint uses 'rds-data') */
  readonly service?: string;
  /** @default Date.now */
  readonly now?: () => number;
}

/** Facts of the request that SigV4 covers. */
interface SignedRequestFacts {
  readonly method: string;
  readonly url: string;
  readonly body: string;
}

function queryBag(url: URL): QueryParameterBag {
  const bag: Record<string, string | string[]> = {};
  for (const [name, value] of url.searchParams) {
    const existing = bag[name];
    bag[name] = existing === undefined ? value : [...(Array.isArray(existing) ? existing : [existing]), value];
  }
  return bag;
}

/**
 * Signs the request again with the local secret, over exactly the headers the client listed, and
 * returns the signature. @smithy/signature-v4 does the canonicalisation, so what AWS SDKs send
 * verifies the same way it would in AWS.
 */
export async function expectedSignature(
  auth: SigV4Authorization,
  secretAccessKey: string,
  headers: Headers,
  facts: SignedRequestFacts,
  signingDate: Date,
): Promise<string> {
  const url = new URL(facts.url);
  const signedHeaders: Record<string, string> = {};
  for (const name of auth.signedHeaders) {
    const value = headers.get(name);
    if (value === null) throw new SignatureRejectedError(SigV4Errors.INVALID, SigV4Errors.MISMATCH_MESSAGE);
    signedHeaders[name] = value;
  }
  const request: HttpRequest = {
    method: facts.method,
    protocol: url.protocol,
    hostname: url.hostname,
    ...(url.port ? { port: Number(url.port) } : {}),
    path: url.pathname,
    query: queryBag(url),
    headers: signedHeaders,
    body: facts.body,
  };
  const { SignatureV4 } = await loadSigner();
  const signer = new SignatureV4({
    credentials: { accessKeyId: auth.accessKeyId, secretAccessKey },
    region: auth.region,
    service: auth.service,
    sha256: NodeSha256,
    // The client decided what to sign; add nothing (no x-amz-content-sha256 it did not send).
    applyChecksum: false,
  });
  const signed = await signer.sign(request, { signingDate, signableHeaders: new Set(auth.signedHeaders) });
  return /Signature=([0-9a-f]+)/.exec(String(signed.headers.authorization))?.[1] ?? '';
}

function sameSignature(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function checkScope(auth: SigV4Authorization, amzDate: string, date: Date | undefined, options: IamAuthOptions): asserts date is Date {
  if (!date)
    throw new SignatureRejectedError(
      SigV4Errors.INCOMPLETE,
      `Date must be in ISO-8601 'basic format'. Got '${amzDate}'. See http://en.wikipedia.org/wiki/ISO_8601`,
    );
  if (auth.accessKeyId !== options.credentials.accessKeyId)
    throw new SignatureRejectedError(SigV4Errors.UNRECOGNIZED_CLIENT, SigV4Errors.UNKNOWN_KEY_MESSAGE);
  if (auth.region !== options.region)
    throw new SignatureRejectedError(SigV4Errors.INVALID, `Credential should be scoped to a valid region, not '${auth.region}'. `);
  const service = options.service ?? AuthWire.SIGV4_SERVICE;
  if (auth.service !== service)
    throw new SignatureRejectedError(SigV4Errors.INVALID, `Credential should be scoped to correct service: '${service}'. `);
  if (auth.scopeDate !== amzDate.slice(0, 8)) {
    throw new SignatureRejectedError(
      SigV4Errors.INVALID,
      `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${auth.scopeDate}' != '${amzDate.slice(0, 8)}', from '${amzDate}'.`,
    );
  }
  const now = (options.now ?? Date.now)();
  const skew = date.getTime() - now;
  if (Math.abs(skew) > AuthWire.SIGV4_MAX_SKEW_MS) {
    const basic = (ms: number) => new Date(ms).toISOString().replace(/[-:]|\.\d{3}/g, '');
    const message =
      skew < 0
        ? `Signature expired: ${amzDate} is now earlier than ${basic(now - AuthWire.SIGV4_MAX_SKEW_MS)} (${basic(now)} - 5 min.)`
        : `Signature not yet current: ${amzDate} is still later than ${basic(now + AuthWire.SIGV4_MAX_SKEW_MS)} (${basic(now)} + 5 min.)`;
    throw new SignatureRejectedError(SigV4Errors.INVALID, message);
  }
}

/**
 * Accepts requests signed with SigV4 (`Authorization: AWS4-HMAC-SHA256 …`, `x-amz-date`) by the
 * local IAM credentials, for service `appsync` in the configured region. Refusals are HTTP 403
 * with IAM's error types (see DECISIONS.md). A session token (`x-amz-security-token`) is refused:
 * the local principal has long-term keys only.
 * @example
 * const auth = iamAuthenticator({ credentials: localIamCredentials(), region: 'us-east-1' });
 */
export function iamAuthenticator(options: IamAuthOptions): Authenticator {
  const { credentials } = options;
  return {
    mode: 'AWS_IAM',
    accepts: (headers) => headers.get('authorization')?.startsWith(AuthWire.SIGV4_ALGORITHM) ?? false,
    async authenticate(headers, facts) {
      const amzDate = headers.get(AuthWire.AMZ_DATE_HEADER);
      const auth = parseSigV4Authorization(headers.get('authorization') ?? '', amzDate);
      const date = parseAmzDate(amzDate ?? '');
      checkScope(auth, amzDate ?? '', date, options);
      if (headers.has('x-amz-security-token'))
        throw new SignatureRejectedError(SigV4Errors.UNRECOGNIZED_CLIENT, SigV4Errors.UNKNOWN_KEY_MESSAGE);
      // A declared payload hash (even UNSIGNED-PAYLOAD) must be the body's, or the body was not signed.
      const declaredHash = headers.get(AuthWire.CONTENT_SHA256_HEADER);
      if (declaredHash !== null && declaredHash !== createHash('sha256').update(facts.body).digest('hex')) {
        throw new SignatureRejectedError(SigV4Errors.INVALID, SigV4Errors.MISMATCH_MESSAGE);
      }
      const expected = await expectedSignature(auth, credentials.secretAccessKey, headers, facts, date);
      if (!sameSignature(auth.signature, expected)) throw new SignatureRejectedError(SigV4Errors.INVALID, SigV4Errors.MISMATCH_MESSAGE);
      const identity: IamIdentity = {
        accountId: credentials.accountId,
        cognitoIdentityPoolId: null,
        cognitoIdentityId: null,
        cognitoIdentityAuthType: null,
        cognitoIdentityAuthProvider: null,
        sourceIp: facts.sourceIp,
        username: credentials.userId,
        userArn: `arn:aws:iam::${credentials.accountId}:user/${credentials.userName}`,
      };
      return { mode: 'AWS_IAM', identity };
    },
  };
}
