import { execFile } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
let scratch: string;
let cache: string;
let configFile: string;

/** `npm start`'s command (local/start.mjs) with its own bundle cache; exit code and output either way. */
async function start(args: readonly string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, ['local/start.mjs', ...args], {
      cwd: process.cwd(),
      env: { ...process.env, ROAM_START_CACHE: cache },
    });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: failed.stdout + failed.stderr };
  }
}

/** A configuration module outside the repository: the basic fixture with one flag of its own. */
async function writeConfig(flagHelp: string): Promise<void> {
  const fixture = join(process.cwd(), 'test/fixtures/apis/basic/config.ts');
  await writeFile(
    configFile,
    `import { basicApi } from ${JSON.stringify(fixture)};\nexport const config = { ...basicApi, startFlags: { colour: ${JSON.stringify(flagHelp)} } };\n`,
  );
}

/** The bundle `npm start` ran from, and when it was written. */
async function bundle(): Promise<{ file: string; written: number }> {
  const [dir] = await readdir(cache);
  const file = join(cache, dir as string, 'start.js');
  return { file, written: statSync(file).mtimeMs };
}

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'roam-start-'));
  // Inside the project, as the real cache is: the bundle finds its packages in node_modules from there.
  cache = await mkdtemp(join(process.cwd(), 'node_modules/.cache/roam-start-test-'));
  configFile = join(scratch, 'config.ts');
});

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
  await rm(cache, { recursive: true, force: true });
});

describe('npm start runs from a cached bundle of the TypeScript', () => {
  it('bundles on the first start, reuses the bundle, and rebuilds it when a source file changes', { timeout: 120_000 }, async () => {
    await writeConfig('the first help');
    const first = await start(['--config', configFile, '--help']);
    expect(first.code).toBe(0);
    expect(first.output).toContain('the first help');
    const made = await bundle();
    expect(existsSync(made.file)).toBe(true);

    const again = await start(['--config', configFile, '--help']);
    expect(again.output).toContain('the first help');
    expect((await bundle()).written).toBe(made.written);

    await writeConfig('the second, longer help');
    const changed = await start(['--config', configFile, '--help']);
    expect(changed.output).toContain('the second, longer help');
    expect(changed.output).not.toContain('the first help');
  });

  it(
    'falls back to tsx when the sources cannot be bundled, which reports the problem as a failed start',
    { timeout: 120_000 },
    async () => {
      await writeFile(configFile, 'export const config = {;\n');
      const broken = await start(['--config', configFile, '--help']);
      expect(broken.code).toBe(1);
      expect(broken.output).toContain('The API did not start.');
      expect(broken.output).not.toMatch(/\n\s+at /);
    },
  );
});
