/**
 * Lambda code for the deploy: each manifest function and the migration handler, bundled with the
 * offline runtime's `lambdaBundleOptions` (ESM, minified, `@aws-sdk/*` left to the nodejs22.x
 * runtime) into its own folder, which becomes the function's asset. esbuild runs here, in the
 * synth process: no Docker, no network.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'esbuild';
import { readMigrationSources } from '../../db/migrate/index.js';
import type { ResolverManifest } from '../../platform/manifest/index.js';
import { bundleLambda, LAMBDA_BUNDLE_FILE, lambdaBundleOptions } from '../../platform/lambda/bundle.js';
import { migrationsFingerprint, migrationsModulePlugin } from './migrations-plugin.js';

/** One bundled function: its asset folder and the size of its code file. */
export interface LambdaAsset {
  /** Folder holding `index.mjs` (and its source map): the `Code.fromAsset` path. */
  readonly directory: string;
  /** Bytes of `index.mjs`, minified. */
  readonly bytes: number;
}

/** The migration Lambda plus the fingerprint of the SQL it carries. */
export interface MigrationAsset extends LambdaAsset {
  readonly fingerprint: string;
  readonly migrationCount: number;
}

/** Bundles every `lambdaFunctions` entry into `outDir/<name>/`. */
export async function bundleManifestLambdas(
  manifest: ResolverManifest,
  rootDir: string,
  outDir: string,
): Promise<ReadonlyMap<string, LambdaAsset>> {
  const entries = Object.entries(manifest.lambdaFunctions);
  const bundles = await Promise.all(
    entries.map(([name, fn]) => bundleLambda(name, path.resolve(rootDir, fn.handler), path.join(outDir, 'functions', name))),
  );
  return new Map(
    entries.map(([name], index) => {
      const bundle = bundles[index] as { file: string; bytes: number };
      return [name, { directory: path.dirname(bundle.file), bytes: bundle.bytes }];
    }),
  );
}

/** Bundles `db/deploy/migrate-lambda.ts` with the SQL of `migrationsDir` into `outDir/migrate/`. */
export async function bundleMigrationLambda(rootDir: string, migrationsDir: string, outDir: string): Promise<MigrationAsset> {
  const directory = path.join(outDir, 'migrate');
  const outfile = path.join(directory, LAMBDA_BUNDLE_FILE);
  await build({
    ...lambdaBundleOptions,
    entryPoints: [path.resolve(rootDir, 'db/deploy/migrate-lambda.ts')],
    outfile,
    plugins: [migrationsModulePlugin(migrationsDir)],
  });
  const sources = await readMigrationSources(migrationsDir);
  return { directory, bytes: (await stat(outfile)).size, fingerprint: migrationsFingerprint(sources), migrationCount: sources.length };
}
