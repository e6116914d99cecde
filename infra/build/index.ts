/** Synth-time builds: everything the stacks deploy as code, produced by esbuild before constructs run. */
export { buildDeployAssets, type DeployAssets, type BuildDeployAssetsOptions } from './assets.js';
export { bundleManifestCode, manifestCodeFiles } from './resolver-code.js';
export { bundleManifestLambdas, bundleMigrationLambda, type LambdaAsset, type MigrationAsset } from './lambda-bundles.js';
export { migrationsFingerprint, migrationsModulePlugin, MIGRATIONS_MODULE } from './migrations-plugin.js';
