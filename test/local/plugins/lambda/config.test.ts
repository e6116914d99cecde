import { describe, expect, it } from 'vitest';
import { createLambdaRunner, LambdaConfigError } from '../../../../local/plugins/lambda/index.js';
import { fixture } from './helpers.js';

function configError(run: () => unknown): LambdaConfigError {
  try {
    run();
  } catch (error) {
    if (error instanceof LambdaConfigError) return error;
    throw error;
  }
  throw new Error('expected a LambdaConfigError');
}

describe('Lambda runner configuration', () => {
  it('refuses Lambda reserved environment keys, in a function and in the extras', () => {
    const error = configError(() =>
      createLambdaRunner({
        functions: [{ name: 'f', handlerFile: fixture('echo'), environment: { AWS_REGION: 'eu-west-1' } }],
        extraEnvironment: { _HANDLER: 'x.y' },
      }),
    );
    expect(error.problems).toEqual([
      'functions.0.environment: environment key "AWS_REGION" is reserved by Lambda',
      'extraEnvironment: environment key "_HANDLER" is reserved by Lambda',
    ]);
  });

  it('lists every problem at once', () => {
    const error = configError(() =>
      createLambdaRunner({
        functions: [
          { name: 'bad name!', handlerFile: fixture('echo') },
          { name: 'f', handlerFile: 'handler.py', timeoutSeconds: 0, memoryMb: 64 },
        ],
        concurrency: 0,
      }),
    );
    expect(error.problems).toHaveLength(5);
    expect(error.message).toContain('functions.0.name');
    expect(error.message).toContain('functions.1.handlerFile');
    expect(error.message).toContain('functions.1.timeoutSeconds');
    expect(error.message).toContain('functions.1.memoryMb');
    expect(error.message).toContain('concurrency');
  });

  it('refuses two functions with one name, and an environment over 4 KB', () => {
    const error = configError(() =>
      createLambdaRunner({
        functions: [
          { name: 'twice', handlerFile: fixture('echo') },
          { name: 'twice', handlerFile: fixture('env'), environment: { BIG_VALUE: 'x'.repeat(4_100) } },
        ],
      }),
    );
    expect(error.problems).toEqual([
      'functions: "twice" is defined twice',
      'functions: "twice" environment is 4109 bytes, over Lambda\'s 4096',
    ]);
  });

  it('applies AWS defaults: handler export, 3 s timeout, 128 MB', async () => {
    const runner = createLambdaRunner({ functions: [{ name: 'defaults', handlerFile: fixture('echo') }] });
    try {
      const outcome = await runner.invoke('defaults', {});
      expect(outcome).toMatchObject({ ok: true, result: { memoryLimitInMB: '128' } });
      const remaining = outcome.ok ? (outcome.result as { remainingMs: number }).remainingMs : 0;
      expect(remaining).toBeGreaterThan(0);
      expect(remaining).toBeLessThanOrEqual(3000);
    } finally {
      await runner.close();
    }
  });
});
