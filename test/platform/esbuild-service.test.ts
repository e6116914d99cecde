import { execFileSync } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { transform } from '../../platform/esbuild/service.js';

/** esbuild service processes started by this test process. */
function esbuildChildren(): string[] {
  try {
    return execFileSync('pgrep', ['-P', String(process.pid), '-f', 'esbuild'], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean);
  } catch {
    return []; // pgrep exits 1 when nothing matches
  }
}

describe("esbuild's service", () => {
  it('runs while calls are in flight, stops once idle, and starts again for the next call', async () => {
    const slow = Promise.all([transform('let a: number = 1', { loader: 'ts' }), transform('let b = 2')]);
    expect((await slow).map((result) => result.code)).toEqual(['let a = 1;\n', 'let b = 2;\n']);
    expect(esbuildChildren()).toHaveLength(1);

    await sleep(4000);
    expect(esbuildChildren()).toEqual([]);

    expect((await transform('let c = 3')).code).toBe('let c = 3;\n');
    expect(esbuildChildren()).toHaveLength(1);
  });
});
