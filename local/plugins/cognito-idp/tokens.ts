import { createLocalJWKSet, errors, jwtVerify, type JWTPayload } from 'jose';
import type { LocalUserPool } from '../auth/index.js';
import { CognitoErrors, CognitoMessages, CognitoWire } from './constants.js';
import { CognitoError } from './errors.js';
import type { PoolState, SignIn } from './state.js';
import type { PoolUser } from './users.js';

/** `AuthenticationResult` as InitiateAuth and its relatives return it. */
export interface AuthenticationResult {
  AccessToken: string;
  IdToken: string;
  ExpiresIn: number;
  TokenType: string;
  RefreshToken?: string;
}

/** Mints the same verified JWTs as `npm run token`, for one sign-in. */
export async function authenticationResult(
  pool: LocalUserPool,
  user: PoolUser,
  signIn: SignIn,
  withRefreshToken: boolean,
): Promise<AuthenticationResult> {
  const tokens = await pool.mint({
    username: user.username,
    groups: user.groups,
    email: user.email,
    originJti: signIn.originJti,
    extraClaims: Object.fromEntries(Object.entries(user.attributes).filter(([name]) => name !== 'email')),
  });
  return {
    AccessToken: tokens.accessToken,
    ExpiresIn: tokens.expiresAt - Math.floor(Date.now() / 1000),
    IdToken: tokens.idToken,
    ...(withRefreshToken ? { RefreshToken: signIn.refreshToken } : {}),
    TokenType: CognitoWire.TOKEN_TYPE,
  };
}

/** The access token's claims, once its signature, issuer, client and sign-in are checked, as Cognito checks them for GetUser. */
export async function verifiedAccessToken(
  pool: LocalUserPool,
  state: PoolState,
  token: unknown,
): Promise<JWTPayload & { username: string }> {
  if (typeof token !== 'string' || token === '')
    throw new CognitoError(CognitoErrors.INVALID_PARAMETER, 'Missing required parameter AccessToken');
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, createLocalJWKSet(pool.jwks()), { issuer: pool.issuer }));
  } catch (cause) {
    const message = cause instanceof errors.JWTExpired ? CognitoMessages.ACCESS_TOKEN_EXPIRED : CognitoMessages.INVALID_ACCESS_TOKEN;
    throw new CognitoError(CognitoErrors.NOT_AUTHORIZED, message, { cause });
  }
  if (payload.token_use !== 'access' || payload.client_id !== pool.clientId || typeof payload.username !== 'string') {
    throw new CognitoError(CognitoErrors.NOT_AUTHORIZED, CognitoMessages.INVALID_ACCESS_TOKEN);
  }
  // Tokens minted by `npm run token` belong to no sign-in of the pool: they are accepted until they expire.
  const originJti = typeof payload.origin_jti === 'string' ? payload.origin_jti : undefined;
  if (originJti && state.wasRevoked(originJti)) throw new CognitoError(CognitoErrors.NOT_AUTHORIZED, CognitoMessages.ACCESS_TOKEN_REVOKED);
  return payload as JWTPayload & { username: string };
}
