/**
 * What the Data API endpoint asks of a request before it reads the SQL, as AWS does: a SigV4
 * signature for service `rds-data` by the local IAM credentials (the ones the banner prints),
 * and nothing a web page could send cross-site: a JSON content type and no foreign `Origin`.
 * Without these, any page the developer opens could POST SQL to the local port.
 */
import { iamAuthenticator } from '../../auth/iam/authenticator.js';
import type { LocalIamCredentials } from '../../auth/iam/credentials.js';
import { AuthWire } from '../../auth/constants.js';
import { AppSyncHttpError } from '../../shared/errors.js';
import { DataApiError } from '../errors.js';

/** The SigV4 service name of the Data API. */
export const DATA_API_SIGNING_SERVICE = 'rds-data';

/** Refusals of the guard, in the Data API's error shape. */
export const GuardMessages = {
  MISSING_SIGNATURE: 'Missing Authentication Token',
  CONTENT_TYPE: 'The request body must be sent as application/json.',
  FOREIGN_ORIGIN: 'Cross-origin requests to the Data API are refused.',
} as const;

/** Checks one request and its body text; throws a DataApiError to refuse it. */
export type DataApiRequestGuard = (request: Request, body: string) => Promise<void>;

/** JSON as the SDKs send it (`application/json`, or the `x-amz-json` types of AWS's JSON protocols). */
function isJsonContentType(value: string | null): boolean {
  const type = (value ?? '').split(';')[0]!.trim().toLowerCase();
  return type === 'application/json' || type.startsWith('application/x-amz-json');
}

/** An `Origin` other than the endpoint's own: a browser page of another site. */
function isForeignOrigin(request: Request): boolean {
  const origin = request.headers.get('origin');
  if (origin === null) return false;
  try {
    return new URL(origin).host !== request.headers.get('host');
  } catch {
    return true;
  }
}

/**
 * The guard for an endpoint that accepts `credentials` in `region`.
 * @example
 * createDataApiHandler(core, { guard: dataApiRequestGuard({ credentials: localIamCredentials(), region: 'us-east-1' }) });
 */
export function dataApiRequestGuard(options: { credentials: Required<LocalIamCredentials>; region: string }): DataApiRequestGuard {
  const verifier = iamAuthenticator({ ...options, service: DATA_API_SIGNING_SERVICE });
  return async (request, body) => {
    if (isForeignOrigin(request)) throw new DataApiError('ForbiddenException', 403, GuardMessages.FOREIGN_ORIGIN);
    if (!isJsonContentType(request.headers.get('content-type')))
      throw new DataApiError('BadRequestException', 415, GuardMessages.CONTENT_TYPE);
    if (!request.headers.get('authorization')?.startsWith(AuthWire.SIGV4_ALGORITHM))
      throw new DataApiError('MissingAuthenticationTokenException', 403, GuardMessages.MISSING_SIGNATURE);
    try {
      await verifier.authenticate(request.headers, { sourceIp: [], body, url: request.url, method: request.method });
    } catch (error) {
      if (error instanceof AppSyncHttpError) throw new DataApiError(error.errorType, 403, error.message);
      throw error;
    }
  };
}
