import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createLambdaRunner } from '../../../../local/plugins/lambda/index.js';
import { processExists, resultOf } from './helpers.js';

const versionSource = (version: number) => `
export const handler = async (event: { ms?: number }) => {
  if (event.ms) await new Promise((resolve) => setTimeout(resolve, event.ms));
  return { version: ${version}, pid: process.pid };
};
`;

describe('Lambda runner: reload', () => {
  let dir = '';
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('lets running calls finish on the old code, then serves new calls from a new bundle in new processes', async () => {
    dir = await mkdtemp(path.join(process.cwd(), 'node_modules/.cache/lambda-reload-'));
    const file = path.join(dir, 'versioned.ts');
    await writeFile(file, versionSource(1));
    const runner = createLambdaRunner({ functions: [{ name: 'versioned', handlerFile: file }] });
    try {
      const warm = resultOf(await runner.invoke('versioned', {}));
      expect(warm.version).toBe(1);

      const inFlight = runner.invoke('versioned', { ms: 300 });
      await writeFile(file, versionSource(2));
      const [report] = await runner.reload();
      expect(report?.functionName).toBe('versioned');
      expect(report?.inputs).toEqual([file]);

      const after = resultOf(await runner.invoke('versioned', {}));
      expect(after.version).toBe(2);
      expect(after.pid).not.toBe(warm.pid);

      const finished = resultOf(await inFlight);
      expect(finished.version).toBe(1);
      await vi.waitFor(() => expect(processExists(finished.pid as number)).toBe(false));
    } finally {
      await runner.close();
    }
  });
});
