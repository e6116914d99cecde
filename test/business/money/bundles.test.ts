// Each money Lambda bundles with the deploy's esbuild options (@aws-sdk/* external) within the
// 300 KB budget (DESIGN "Budgets").
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundleLambda } from '../../../platform/lambda/bundle.js';
import { moneyPart } from '../../../resolvers/manifest/money.js';

const BUDGET_BYTES = 300 * 1024;

describe('money Lambda bundles', () => {
  for (const [name, fn] of Object.entries(moneyPart.lambdaFunctions)) {
    it(`${name} bundles within 300 KB and imports no AWS SDK package but client-rds-data`, async () => {
      const outDir = await mkdtemp(join(tmpdir(), `money-bundle-${name}-`));
      try {
        const bundle = await bundleLambda(name, fn.handler, outDir);
        console.log(`${name}: ${bundle.bytes} bytes`);
        expect(bundle.bytes).toBeLessThan(BUDGET_BYTES);
        const { readFile } = await import('node:fs/promises');
        const code = await readFile(bundle.file, 'utf8');
        const sdkImports = new Set([...code.matchAll(/from\s*["'](@aws-sdk\/[^"']+)["']/g)].map((match) => match[1]));
        expect([...sdkImports]).toEqual(['@aws-sdk/client-rds-data']);
      } finally {
        await rm(outDir, { recursive: true, force: true });
      }
    });
  }
});
