import type { AuthMode } from '../../../platform/graphql/auth-modes.js';

export type { AuthMode };

/** `ctx.identity` for each mode; `null` for API keys. */
export type Identity = CognitoIdentity | IamIdentity | OidcIdentity | LambdaIdentity | null;

export interface CognitoIdentity {
  sub: string;
  issuer: string;
  username: string;
  claims: Record<string, unknown>;
  sourceIp: string[];
  defaultAuthStrategy: 'ALLOW' | 'DENY';
  groups: string[] | null;
}

export interface IamIdentity {
  accountId: string;
  cognitoIdentityPoolId: string | null;
  cognitoIdentityId: string | null;
  cognitoIdentityAuthType: 'authenticated' | 'unauthenticated' | null;
  cognitoIdentityAuthProvider: string | null;
  sourceIp: string[];
  username: string;
  userArn: string;
}

export interface OidcIdentity {
  sub: string;
  issuer: string;
  claims: Record<string, unknown>;
}

export interface LambdaIdentity {
  resolverContext: Record<string, unknown>;
}

/** Who made a request, once its credentials were checked. */
export interface Caller {
  mode: AuthMode;
  identity: Identity;
}

/**
 * Checks one kind of credential. The server asks each authenticator in turn whether the request
 * carries its kind (`accepts`), and the first that does decides (then SigV4, then JWT).
 */
export interface Authenticator {
  readonly mode: AuthMode;
  accepts(headers: Headers): boolean;
  /** Resolves the caller, or throws UnauthorizedRequestError with AppSync's message. */
  authenticate(headers: Headers, context: { sourceIp: string[]; body: string; url: string; method: string }): Promise<Caller>;
}
