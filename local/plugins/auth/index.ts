/** The offline auth services: a local Cognito user pool (token minting, JWKS, verification) and SigV4 verification. */
export { LocalAuthDefaults, AuthWire, JwtMessages, SigV4Errors } from './constants.js';
export { SignatureRejectedError, TokenOptionsError } from './errors.js';
export { parseDuration } from './duration.js';
export { cognitoSubForUsername } from '../../../platform/cognito/sub.js';
export { loadOrCreateSigningKey, type SigningKey } from './cognito/signing-key.js';
export {
  cognitoIssuer,
  openLocalUserPool,
  type LocalUserPool,
  type LocalUserPoolOptions,
  type MintedTokens,
  type MintOptions,
} from './cognito/user-pool.js';
export { userPoolAuthenticator, type UserPoolAuthOptions } from './cognito/authenticator.js';
export { localIamCredentials, type LocalIamCredentials } from './iam/credentials.js';
export { iamAuthenticator, type IamAuthOptions } from './iam/authenticator.js';
export { signAppSyncRequest, type RequestToSign } from './iam/sign-request.js';
export { parseSigV4Authorization, parseAmzDate, type SigV4Authorization } from './iam/parse-authorization.js';
export { createLocalAuth, type LocalAuth, type LocalAuthOptions } from './setup.js';
export { createAuthPlugin } from './plugin.js';
export { authenticate, type RequestFacts } from './authenticate.js';
export { fieldAuthRules, isFieldAllowed, type AllowedMode } from './field-rules.js';
export { apiKeyAuthenticator, createApiKey, type ApiKey } from './api-key/api-keys.js';
export { loadOrCreateApiKey } from './api-key/api-key-file.js';
export { sourceIpOf } from './source-ip.js';
export type { AuthMode, Authenticator, Caller, Identity } from './types.js';
