import { AppSyncErrorTypes } from '../shared/error-types.js';

/** The local Cognito user pool and IAM principal the offline server uses unless the project says otherwise. */
export const LocalAuthDefaults = {
  REGION: 'us-east-1',
  /** Shaped like a real pool id (`<region>_<id>`), so clients that parse it keep working. */
  USER_POOL_ID: 'us-east-1_offline',
  /** The app client id the local tokens carry in `aud` (ID tokens) and `client_id` (access tokens). */
  CLIENT_ID: 'offlineappclient',
  /** A fixed IAM access key pair, printed in the banner; `--iam-access-key-id`/`--iam-secret-access-key` override it. */
  IAM_ACCESS_KEY_ID: 'AKIAOFFLINELOCAL0001',
  IAM_SECRET_ACCESS_KEY: 'offline/local/secret/key/for/development',
  /** AWS's documentation account id, so nothing local looks like a real account. */
  IAM_ACCOUNT_ID: '123456789012',
  IAM_USER_NAME: 'offline-developer',
  /** The IAM user's unique id (AIDA…), which AppSync reports as `ctx.identity.username`. */
  IAM_USER_ID: 'AIDAOFFLINELOCAL0001',
  /** Cognito's default ID and access token lifetime. */
  TOKEN_LIFETIME_SECONDS: 3600,
} as const;

/** Wire constants of the auth plugin. */
export const AuthWire = {
  SIGV4_ALGORITHM: 'AWS4-HMAC-SHA256',
  SIGV4_SERVICE: 'appsync',
  AMZ_DATE_HEADER: 'x-amz-date',
  CONTENT_SHA256_HEADER: 'x-amz-content-sha256',
  /** How far a signed request's `x-amz-date` may be from the server clock (AWS allows 5 minutes). */
  SIGV4_MAX_SKEW_MS: 5 * 60 * 1000,
  JWT_ALGORITHM: 'RS256',
  /** Cognito publishes each pool's keys at `<issuer>/.well-known/jwks.json`; offline, the same path on the local server. */
  JWKS_PATH_SUFFIX: '/.well-known/jwks.json',
  /** The key pair's file in the data folder. */
  KEY_FILE: 'cognito-signing-key.json',
  RSA_MODULUS_BITS: 2048,
} as const;

/** AppSync's 401 messages for user-pool tokens. */
export const JwtMessages = {
  UNPARSEABLE: 'Unable to parse JWT token.',
  EXPIRED: 'Token has expired.',
  /** [inf] used for a token AppSync can parse but does not accept: bad signature, issuer, client or token_use. */
  NOT_VALID: 'Valid authorization header not provided.',
} as const;

/** IAM's error types and messages for SigV4 problems (marked [inf]). */
export const SigV4Errors = {
  INCOMPLETE: AppSyncErrorTypes.INCOMPLETE_SIGNATURE,
  INVALID: AppSyncErrorTypes.INVALID_SIGNATURE,
  UNRECOGNIZED_CLIENT: AppSyncErrorTypes.UNRECOGNIZED_CLIENT,
  MISMATCH_MESSAGE:
    'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
  UNKNOWN_KEY_MESSAGE: 'The security token included in the request is invalid.',
} as const;
