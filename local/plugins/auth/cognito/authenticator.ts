import { createLocalJWKSet, decodeJwt, decodeProtectedHeader, errors, jwtVerify, type JSONWebKeySet, type JWTPayload } from 'jose';
import { UnauthorizedRequestError } from '../../shared/errors.js';
import type { Authenticator, CognitoIdentity } from '../types.js';
import { AuthWire, JwtMessages } from '../constants.js';

/** What a user-pool token must match to be accepted. */
export interface UserPoolAuthOptions {
  /** The pool's `iss`. */
  readonly issuer: string;
  /** App client ids whose tokens are accepted (AppSync's `appIdClientRegex`, as a list). */
  readonly clientIds: readonly string[];
  /** The pool's public keys (what Cognito serves at `<issuer>/.well-known/jwks.json`). */
  readonly jwks: JSONWebKeySet;
  /** Reported as `ctx.identity.defaultAuthStrategy`. @default 'ALLOW' */
  readonly defaultAuthStrategy?: 'ALLOW' | 'DENY';
  /** @default Date.now */
  readonly now?: () => number;
}

/** Whether a request carries a bearer-style token rather than a SigV4 signature. */
function carriesToken(headers: Headers): boolean {
  const value = headers.get('authorization');
  return value !== null && !value.startsWith(AuthWire.SIGV4_ALGORITHM);
}

/** Decodes without verifying, only to tell "not a JWT at all" from "a JWT we refuse". */
function assertParseable(token: string): void {
  try {
    if (token.split('.').length !== 3) throw new Error('not three parts');
    decodeProtectedHeader(token);
    decodeJwt(token);
  } catch (cause) {
    throw new UnauthorizedRequestError(JwtMessages.UNPARSEABLE, { cause });
  }
}

function claimedClient(payload: JWTPayload): string | undefined {
  if (payload.token_use === 'id') return typeof payload.aud === 'string' ? payload.aud : payload.aud?.[0];
  if (payload.token_use === 'access') return typeof payload.client_id === 'string' ? payload.client_id : undefined;
  return undefined;
}

/**
 * Accepts Cognito user-pool ID and access tokens in `Authorization` (no `Bearer` prefix, as
 * AppSync expects): RS256 signature against the pool's JWKS, expiry, issuer, `token_use` and the
 * app client. Refusals are AppSync's 401s (the choices are in DECISIONS.md).
 * @example
 * const auth = userPoolAuthenticator({ issuer: pool.issuer, clientIds: [pool.clientId], jwks: pool.jwks() });
 */
export function userPoolAuthenticator(options: UserPoolAuthOptions): Authenticator {
  const keys = createLocalJWKSet(options.jwks);
  const now = options.now ?? Date.now;
  return {
    mode: 'AMAZON_COGNITO_USER_POOLS',
    accepts: carriesToken,
    async authenticate(headers, { sourceIp }) {
      const token = (headers.get('authorization') ?? '').trim();
      if (!token) throw new UnauthorizedRequestError(JwtMessages.NOT_VALID);
      assertParseable(token);
      let payload: JWTPayload;
      try {
        ({ payload } = await jwtVerify(token, keys, {
          algorithms: [AuthWire.JWT_ALGORITHM],
          issuer: options.issuer,
          currentDate: new Date(now()),
        }));
      } catch (cause) {
        const message = cause instanceof errors.JWTExpired ? JwtMessages.EXPIRED : JwtMessages.NOT_VALID;
        throw new UnauthorizedRequestError(message, { cause });
      }
      const client = claimedClient(payload);
      if (client === undefined || !options.clientIds.includes(client)) throw new UnauthorizedRequestError(JwtMessages.NOT_VALID);
      const groups = Array.isArray(payload['cognito:groups']) ? (payload['cognito:groups'] as unknown[]).map(String) : null;
      const username = payload.token_use === 'id' ? payload['cognito:username'] : payload.username;
      const identity: CognitoIdentity = {
        sub: String(payload.sub ?? ''),
        issuer: options.issuer,
        username: String(username ?? payload.sub ?? ''),
        claims: { ...payload },
        sourceIp,
        defaultAuthStrategy: options.defaultAuthStrategy ?? 'ALLOW',
        groups,
      };
      return { mode: 'AMAZON_COGNITO_USER_POOLS', identity };
    },
  };
}
