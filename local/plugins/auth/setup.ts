import { apiKeyAuthenticator, type ApiKey } from './api-key/api-keys.js';
import type { AuthMode, Authenticator } from './types.js';
import { userPoolAuthenticator } from './cognito/authenticator.js';
import { openLocalUserPool, type LocalUserPool } from './cognito/user-pool.js';
import { LocalAuthDefaults } from './constants.js';
import { iamAuthenticator } from './iam/authenticator.js';
import { localIamCredentials, type LocalIamCredentials } from './iam/credentials.js';

/** What the server's auth is made of. */
export interface LocalAuthOptions {
  /** The API's modes: the default one and the additional ones. */
  readonly modes: ReadonlySet<AuthMode>;
  readonly dataDir: string;
  readonly apiKey: ApiKey;
  /** More keys the API holds besides `apiKey`, as an AppSync API may hold several (an expired one is refused as AppSync refuses it). @default [] */
  readonly additionalApiKeys?: readonly ApiKey[];
  /** @default 'us-east-1' */
  readonly region?: string;
  readonly userPool?: { readonly userPoolId?: string; readonly clientId?: string };
  readonly iam?: Partial<LocalIamCredentials>;
}

/** The server's auth: the local user pool, the IAM principal, and the authenticators in the order AppSync tries them. */
export interface LocalAuth {
  readonly region: string;
  readonly userPool: LocalUserPool;
  readonly iam: Required<LocalIamCredentials>;
  /** API key, then SigV4, then user-pool tokens, only for the API's modes. */
  readonly authenticators: readonly Authenticator[];
}

/**
 * Sets up auth for the API's modes. The user pool is opened whatever the modes, so tokens can be
 * minted and the JWKS is published either way. OPENID_CONNECT and AWS_LAMBDA have no local
 * authenticator yet: their directives are honoured, but no request can authenticate with them.
 */
export async function createLocalAuth(options: LocalAuthOptions): Promise<LocalAuth> {
  const region = options.region ?? LocalAuthDefaults.REGION;
  const userPool = await openLocalUserPool({ dataDir: options.dataDir, region, ...options.userPool });
  const iam = localIamCredentials(options.iam);
  const authenticators: Authenticator[] = [];
  if (options.modes.has('API_KEY')) authenticators.push(apiKeyAuthenticator(() => [options.apiKey, ...(options.additionalApiKeys ?? [])]));
  if (options.modes.has('AWS_IAM')) authenticators.push(iamAuthenticator({ credentials: iam, region }));
  if (options.modes.has('AMAZON_COGNITO_USER_POOLS')) {
    authenticators.push(userPoolAuthenticator({ issuer: userPool.issuer, clientIds: [userPool.clientId], jwks: userPool.jwks() }));
  }
  return { region, userPool, iam, authenticators };
}
