/**
 * What an API is, as both twins read it: its schema, its resolvers, its auth modes, its database
 * and AppSync's per-API limits. The CDK app deploys exactly this; the offline server serves it and
 * adds only what a developer's machine needs (see `LocalProjectConfig` in local/config).
 */
import type { AuthMode } from '../graphql/auth-modes.js';
import type { ResolverManifest } from '../manifest/types.js';

export interface ApiConfig {
  /** The API's schema file, without AppSync's built-in declarations. */
  readonly schemaFile: string;
  readonly manifest: ResolverManifest;
  readonly auth: {
    readonly defaultMode: AuthMode;
    /** @default [] */
    readonly additionalModes?: readonly AuthMode[];
    /** The AWS region of the user pool's issuer and of SigV4 credential scopes. @default 'us-east-1' */
    readonly region?: string;
    /** The user pool tokens claim to come from offline. @default { userPoolId: 'us-east-1_offline', clientId: 'offlineappclient' } */
    readonly userPool?: { readonly userPoolId?: string; readonly clientId?: string };
  };
  readonly database: {
    /** The database name the Data API and the RDS data source use. */
    readonly name: string;
  };
  /** `ctx.env` of every resolver. @default {} */
  readonly environment?: Readonly<Record<string, string>>;
  /** AppSync's `queryDepthLimit` (0: none). @default 0 */
  readonly queryDepthLimit?: number;
  /** AppSync's `resolverCountLimit` (0: 10,000). @default 0 */
  readonly resolverCountLimit?: number;
  /** @default true */
  readonly introspection?: boolean;
}

/** Declares an API with its types checked. */
export function defineApiConfig<T extends ApiConfig>(config: T): T {
  return config;
}
