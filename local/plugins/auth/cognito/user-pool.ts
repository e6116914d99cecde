import { randomUUID } from 'node:crypto';
import { SignJWT, type JWK } from 'jose';
import { AuthWire, LocalAuthDefaults } from '../constants.js';
import { TokenOptionsError } from '../errors.js';
import { loadOrCreateSigningKey, type SigningKey } from './signing-key.js';
import { cognitoSubForUsername } from '../../../../platform/cognito/sub.js';

/** Which local user pool to be. Every field has a default that works out of the box. */
export interface LocalUserPoolOptions {
  /** Folder that keeps the key pair (the server's data folder). */
  readonly dataDir: string;
  /** @default 'us-east-1' */
  readonly region?: string;
  /** @default 'us-east-1_offline' */
  readonly userPoolId?: string;
  /** @default 'offlineappclient' */
  readonly clientId?: string;
}

/** Who to mint tokens for. */
export interface MintOptions {
  readonly username: string;
  /** `cognito:groups`; omitted from the tokens when empty, as Cognito does. @default [] */
  readonly groups?: readonly string[];
  /** @default `${username}@example.com` */
  readonly email?: string;
  /** Lifetime in seconds; negative mints a token that has already expired. @default 3600 */
  readonly expiresInSeconds?: number;
  /** Claims added to (or replacing) the ID token's, e.g. `custom:*` attributes. @default {} */
  readonly extraClaims?: Readonly<Record<string, unknown>>;
  /** @default Date.now() */
  readonly now?: number;
  /** `origin_jti`: the sign-in these tokens belong to (refreshes keep it; sign-out revokes it). @default a new one */
  readonly originJti?: string;
}

/** An ID and an access token for one sign-in, as Cognito's InitiateAuth returns them. */
export interface MintedTokens {
  readonly idToken: string;
  readonly accessToken: string;
  readonly sub: string;
  readonly username: string;
  readonly groups: readonly string[];
  /** Epoch seconds. */
  readonly expiresAt: number;
  /** The sign-in the tokens belong to. */
  readonly originJti: string;
}

/** The offline stand-in for a Cognito user pool: mints tokens and publishes its JWKS. */
export interface LocalUserPool {
  readonly region: string;
  readonly userPoolId: string;
  readonly clientId: string;
  /** `https://cognito-idp.<region>.amazonaws.com/<userPoolId>`: what tokens carry in `iss`. */
  readonly issuer: string;
  /** The path the local server publishes the JWKS at: `/<userPoolId>/.well-known/jwks.json`. */
  readonly jwksPath: string;
  /** `{ keys: [...] }`, the document Cognito serves at `<issuer>/.well-known/jwks.json`. */
  jwks(): { keys: JWK[] };
  mint(options: MintOptions): Promise<MintedTokens>;
}

/** `https://cognito-idp.<region>.amazonaws.com/<userPoolId>`. */
export function cognitoIssuer(region: string, userPoolId: string): string {
  return `https://cognito-idp.${region}.amazonaws.com/${userPoolId}`;
}

async function sign(key: SigningKey, claims: Record<string, unknown>): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: AuthWire.JWT_ALGORITHM, kid: key.kid }).sign(key.privateKey);
}

/**
 * Opens the local user pool whose key pair lives in `dataDir` (created on first use).
 * @example
 * const pool = await openLocalUserPool({ dataDir: '.data' });
 * const { idToken } = await pool.mint({ username: 'alice', groups: ['partners'] });
 */
export async function openLocalUserPool(options: LocalUserPoolOptions): Promise<LocalUserPool> {
  const region = options.region ?? LocalAuthDefaults.REGION;
  const userPoolId = options.userPoolId ?? LocalAuthDefaults.USER_POOL_ID;
  const clientId = options.clientId ?? LocalAuthDefaults.CLIENT_ID;
  const issuer = cognitoIssuer(region, userPoolId);
  const key = await loadOrCreateSigningKey(options.dataDir);
  return {
    region,
    userPoolId,
    clientId,
    issuer,
    jwksPath: `/${userPoolId}${AuthWire.JWKS_PATH_SUFFIX}`,
    jwks: () => ({ keys: [key.publicJwk] }),
    async mint(mint) {
      if (!mint.username.trim()) throw new TokenOptionsError('A token needs a user name');
      const groups = [...(mint.groups ?? [])];
      const iat = Math.floor((mint.now ?? Date.now()) / 1000);
      const exp = iat + (mint.expiresInSeconds ?? LocalAuthDefaults.TOKEN_LIFETIME_SECONDS);
      const sub = cognitoSubForUsername(mint.username);
      const originJti = mint.originJti ?? randomUUID();
      const signIn = { origin_jti: originJti, event_id: randomUUID(), auth_time: iat, iat, exp };
      const groupClaim = groups.length > 0 ? { 'cognito:groups': groups } : {};
      const idToken = await sign(key, {
        sub,
        ...groupClaim,
        email_verified: true,
        iss: issuer,
        'cognito:username': mint.username,
        aud: clientId,
        token_use: 'id',
        email: mint.email ?? `${mint.username}@example.com`,
        jti: randomUUID(),
        ...signIn,
        ...mint.extraClaims,
      });
      const accessToken = await sign(key, {
        sub,
        ...groupClaim,
        iss: issuer,
        client_id: clientId,
        token_use: 'access',
        scope: 'aws.cognito.signin.user.admin',
        jti: randomUUID(),
        username: mint.username,
        ...signIn,
      });
      return { idToken, accessToken, sub, username: mint.username, groups, expiresAt: exp, originJti };
    },
  };
}
