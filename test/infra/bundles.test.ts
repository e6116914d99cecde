/**
 * Every Lambda the deploy ships, bundled as the CDK app bundles it, stays within the 300 KB
 * budget: Roam's manifest functions, the fixture API's, and the migration Lambda (which also
 * carries Powertools and all the SQL); and Roam's APPSYNC_JS code passes the offline loader's
 * checks and AppSync's size limit.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundleManifestCode, bundleManifestLambdas, bundleMigrationLambda, manifestCodeFiles } from '../../infra/build/index.js';
import { LambdaDefaults } from '../../infra/constants.js';
import { AppSyncJsLimits } from '../../local/appsync-js/index.js';
import { manifest as roamManifest } from '../../resolvers/manifest.js';
import { basicApi } from '../fixtures/apis/basic/config.js';
import { ROOT_DIR } from './support/synth.js';

const outDir = path.join(ROOT_DIR, 'node_modules', '.cache', 'roam-cdk-test', 'bundles');

describe('Lambda bundles', () => {
  it('keeps the migration Lambda under the budget', async () => {
    const asset = await bundleMigrationLambda(ROOT_DIR, path.join(ROOT_DIR, 'db/migrations'), path.join(outDir, 'roam'));
    console.log(`migrate: ${asset.bytes} bytes`);
    expect(asset.bytes).toBeGreaterThan(0);
    expect(asset.bytes).toBeLessThanOrEqual(LambdaDefaults.MAX_BUNDLE_BYTES);
  });

  it("keeps every Lambda of Roam's manifest and of the fixture API under the budget", async () => {
    const bundles = new Map([
      ...[...(await bundleManifestLambdas(roamManifest, ROOT_DIR, path.join(outDir, 'roam')))].map(
        ([name, asset]) => [`roam/${name}`, asset] as const,
      ),
      ...[...(await bundleManifestLambdas(basicApi.manifest, ROOT_DIR, path.join(outDir, 'fixture')))].map(
        ([name, asset]) => [`fixture/${name}`, asset] as const,
      ),
    ]);
    expect(bundles.size).toBe(Object.keys(roamManifest.lambdaFunctions).length + Object.keys(basicApi.manifest.lambdaFunctions).length);
    for (const [name, asset] of bundles) {
      console.log(`${name}: ${asset.bytes} bytes`);
      expect(asset.bytes, name).toBeLessThanOrEqual(LambdaDefaults.MAX_BUNDLE_BYTES);
    }
  });
});

describe('APPSYNC_JS code', () => {
  it("bundles Roam's resolvers and functions within AppSync's code size limit", async () => {
    const code = await bundleManifestCode(roamManifest, ROOT_DIR);
    expect(code.size).toBe(manifestCodeFiles(roamManifest).length);
    for (const [file, text] of code) expect(text.length, file).toBeLessThanOrEqual(AppSyncJsLimits.MAX_CODE_CHARS);
  });
});
