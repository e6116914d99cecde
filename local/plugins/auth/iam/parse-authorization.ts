import { AuthWire, SigV4Errors } from '../constants.js';
import { SignatureRejectedError } from '../errors.js';

/** The parts of a SigV4 `Authorization` header. */
export interface SigV4Authorization {
  readonly accessKeyId: string;
  /** `YYYYMMDD` from the credential scope. */
  readonly scopeDate: string;
  readonly region: string;
  readonly service: string;
  /** Lower-case header names, in the order the client listed them. */
  readonly signedHeaders: readonly string[];
  readonly signature: string;
}

/**
 * Splits `AWS4-HMAC-SHA256 Credential=AKID/20250101/us-east-1/appsync/aws4_request,
 * SignedHeaders=host;x-amz-date, Signature=…`. Missing parts are an IncompleteSignatureException
 * listing each, with IAM's wording.
 */
export function parseSigV4Authorization(header: string, amzDate: string | null): SigV4Authorization {
  const params = new Map<string, string>();
  for (const part of header.slice(AuthWire.SIGV4_ALGORITHM.length).split(',')) {
    const [name, ...value] = part.trim().split('=');
    if (name) params.set(name, value.join('='));
  }
  const problems = ['Credential', 'Signature', 'SignedHeaders']
    .filter((name) => !params.get(name))
    .map((name) => `Authorization header requires '${name}' parameter.`);
  if (!amzDate) problems.push("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
  if (problems.length > 0) throw new SignatureRejectedError(SigV4Errors.INCOMPLETE, `${problems.join(' ')} Authorization=${header}`);

  const scope = (params.get('Credential') ?? '').split('/');
  const [accessKeyId = '', scopeDate = '', region = '', service = '', terminator = ''] = scope;
  if (scope.length !== 5 || terminator !== 'aws4_request') {
    throw new SignatureRejectedError(
      SigV4Errors.INCOMPLETE,
      `Credential should be scoped with a valid terminator: 'aws4_request', not '${scope.at(-1) ?? ''}'.`,
    );
  }
  const signedHeaders = (params.get('SignedHeaders') ?? '').split(';').map((name) => name.trim().toLowerCase());
  if (!signedHeaders.includes('host')) {
    throw new SignatureRejectedError(SigV4Errors.INCOMPLETE, "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
  }
  return { accessKeyId, scopeDate, region, service, signedHeaders, signature: params.get('Signature') ?? '' };
}

/** Reads `20250101T120000Z` (ISO 8601 basic format), or undefined when it is not one. */
export function parseAmzDate(value: string): Date | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second] = match.map(Number) as number[];
  const date = new Date(Date.UTC(year!, month! - 1, day!, hour!, minute!, second!));
  return Number.isNaN(date.getTime()) ? undefined : date;
}
