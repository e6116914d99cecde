import type { DataApiTarget } from '../../db/data-api.js';
import type { ResolverManifest } from '../manifest/index.js';
import type { AuthMode } from '../plugins/graphql/auth/types.js';

/**
 * What a project tells the offline server about itself: its schema, its resolvers, its auth and
 * how to prepare its database. The server knows nothing else about the project.
 */
export interface LocalProjectConfig {
  /** The API's schema file, without AppSync's built-in declarations. */
  readonly schemaFile: string;
  readonly manifest: ResolverManifest;
  readonly auth: {
    readonly defaultMode: AuthMode;
    /** @default [] */
    readonly additionalModes?: readonly AuthMode[];
    /** The AWS region of the user pool's issuer and of SigV4 credential scopes. @default 'us-east-1' */
    readonly region?: string;
    /** The local user pool tokens claim to come from. @default { userPoolId: 'us-east-1_offline', clientId: 'offlineappclient' } */
    readonly userPool?: { readonly userPoolId?: string; readonly clientId?: string };
  };
  readonly database: {
    /** The database name the Data API and the RDS data source use. */
    readonly name: string;
    /**
     * Brings the database up to date (migrations) and fills an empty one (seed), through the
     * Data API like any client. Called at every start, before the API serves.
     */
    readonly prepare?: (target: DataApiTarget, log: (line: string) => void) => Promise<void>;
  };
  /** `ctx.env` of every resolver. @default {} */
  readonly environment?: Readonly<Record<string, string>>;
  /** AppSync's `queryDepthLimit` (0: none). @default 0 */
  readonly queryDepthLimit?: number;
  /** AppSync's `resolverCountLimit` (0: 10,000). @default 0 */
  readonly resolverCountLimit?: number;
  /** @default true */
  readonly introspection?: boolean;
  /** What the playground at `/` offers. @default {} */
  readonly playground?: PlaygroundConfig;
}

/** A saved operation the playground lists. */
export interface PlaygroundExample {
  readonly name: string;
  readonly query: string;
  readonly variables?: Readonly<Record<string, unknown>>;
}

/** A user the playground can sign in as (the local user pool mints their token). */
export interface PlaygroundUser {
  readonly username: string;
  /** @default [] */
  readonly groups?: readonly string[];
}

/** The playground's saved operations and sign-in choices. */
export interface PlaygroundConfig {
  /** @default [] */
  readonly examples?: readonly PlaygroundExample[];
  /** @default [] */
  readonly users?: readonly PlaygroundUser[];
}

/** Declares a project's offline configuration with its types checked. */
export function defineLocalConfig(config: LocalProjectConfig): LocalProjectConfig {
  return config;
}
