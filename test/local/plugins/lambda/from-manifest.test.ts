import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLambdaRunner, lambdaDefinitionsFromManifest } from '../../../../local/plugins/lambda/index.js';

describe('Lambda definitions from the resolver manifest', () => {
  it('resolves handler paths against the project root and applies the manifest defaults', () => {
    const definitions = lambdaDefinitionsFromManifest(
      {
        echo: { handler: 'test/fixtures/lambda/echo.ts' },
        env: { handler: 'test/fixtures/lambda/env.ts', export: 'handler', timeoutSeconds: 2, memoryMb: 512, environment: { STAGE: 'dev' } },
      },
      '/project',
    );
    expect(definitions).toEqual([
      {
        name: 'echo',
        handlerFile: path.resolve('/project/test/fixtures/lambda/echo.ts'),
        handlerExport: undefined,
        environment: undefined,
        timeoutSeconds: 10,
        memoryMb: 256,
      },
      {
        name: 'env',
        handlerFile: path.resolve('/project/test/fixtures/lambda/env.ts'),
        handlerExport: 'handler',
        environment: { STAGE: 'dev' },
        timeoutSeconds: 2,
        memoryMb: 512,
      },
    ]);
  });

  it('gives definitions the runner accepts and runs', async () => {
    const runner = createLambdaRunner({
      functions: lambdaDefinitionsFromManifest({ echo: { handler: 'test/fixtures/lambda/echo.ts' } }, process.cwd()),
    });
    try {
      expect(await runner.invoke('echo', { a: 1 })).toMatchObject({ ok: true, result: { event: { a: 1 }, memoryLimitInMB: '256' } });
    } finally {
      await runner.close();
    }
  });
});
