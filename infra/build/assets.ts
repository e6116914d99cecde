/**
 * Builds every code asset of a stage in one async step, before the (synchronous) constructs run:
 * CDK constructors cannot await, and the offline bundlers are async.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { buildAppSyncSchemaDefinition } from '../../platform/graphql/schema.js';
import { assertValidManifest, type ResolverManifest } from '../../platform/manifest/index.js';
import { bundleManifestLambdas, bundleMigrationLambda, type LambdaAsset, type MigrationAsset } from './lambda-bundles.js';
import { bundleManifestCode } from './resolver-code.js';

/** Inputs of {@link buildDeployAssets}. */
export interface BuildDeployAssetsOptions {
  readonly manifest: ResolverManifest;
  /** The schema deployed to AppSync (never the AppSync built-ins file). */
  readonly schemaFile: string;
  /** Folder the manifest's paths are relative to. */
  readonly rootDir: string;
  /** Where Lambda bundles are written (a folder per function). */
  readonly outDir: string;
  /** @default rootDir/db/migrations */
  readonly migrationsDir?: string;
}

/** The code the stacks deploy. */
export interface DeployAssets {
  /** The schema text as deployed. */
  readonly schema: string;
  /** APPSYNC_JS code keyed by the manifest's path. */
  readonly resolverCode: ReadonlyMap<string, string>;
  /** Lambda bundles keyed by the manifest's function name. */
  readonly lambdas: ReadonlyMap<string, LambdaAsset>;
  readonly migration: MigrationAsset;
}

/**
 * Validates the manifest against the schema (a resolvable field without an entry is a build
 * error, DESIGN decision 1), then bundles the resolver code and the Lambdas.
 * @throws ManifestError, ResolverCodeError or LambdaBuildError naming the entry at fault
 */
export async function buildDeployAssets(options: BuildDeployAssetsOptions): Promise<DeployAssets> {
  const schema = await readFile(path.resolve(options.rootDir, options.schemaFile), 'utf8');
  assertValidManifest(options.manifest, buildAppSyncSchemaDefinition(schema), { rootDir: options.rootDir });
  const migrationsDir = options.migrationsDir ?? path.join(options.rootDir, 'db/migrations');
  const [resolverCode, lambdas, migration] = await Promise.all([
    bundleManifestCode(options.manifest, options.rootDir),
    bundleManifestLambdas(options.manifest, options.rootDir, options.outDir),
    bundleMigrationLambda(options.rootDir, migrationsDir, options.outDir),
  ]);
  return { schema, resolverCode, lambdas, migration };
}
