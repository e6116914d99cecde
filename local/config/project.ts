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
}

/** Declares a project's offline configuration with its types checked. */
export function defineLocalConfig(config: LocalProjectConfig): LocalProjectConfig {
  return config;
}
