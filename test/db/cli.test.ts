import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const TSX = join(process.cwd(), 'node_modules', '.bin', 'tsx');

/** Runs a CLI and returns its exit code and output, whether it failed or not. */
async function cli(script: string, args: string[]) {
  try {
    const { stdout, stderr } = await run(TSX, [script, ...args], { cwd: process.cwd() });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('database command-line tools', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
  });

  it('prints help for seed and migrate', async () => {
    const seed = await cli('local/task-cli.ts', ['seed', '--help']);
    const migrate = await cli('local/task-cli.ts', ['migrate', '-h']);

    expect(seed.code).toBe(0);
    expect(seed.stdout).toMatch(/--hotels N[\s\S]*--nights N[\s\S]*--seed S[\s\S]*--start-date DATE[\s\S]*--db-url URL/);
    expect(migrate.code).toBe(0);
    expect(migrate.stdout).toMatch(/--data-dir DIR/);
  });

  it('reports bad arguments in one line, without a stack trace', async () => {
    const badNumber = await cli('local/task-cli.ts', ['seed', '--hotels', 'lots']);
    const unknown = await cli('local/task-cli.ts', ['migrate', '--nope']);

    expect(badNumber.code).toBe(2);
    expect(badNumber.stderr.trim()).toBe('UsageError: --hotels takes a whole number (got lots)');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr.trim().split('\n')).toHaveLength(1);
    expect(unknown.stderr).toMatch(/^UsageError: .*--nope/);
  });

  it('npm start lists the seed size flags and refuses a bad one in one clear line', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'roam-start-'));
    dirs.push(dir);

    const help = await cli('local/cli.ts', ['--help']);
    const bad = await cli('local/cli.ts', ['--data-dir', join(dir, 'data'), '--port', '0', '--nights', 'many']);

    expect(help.stdout).toMatch(/--hotels VALUE[\s\S]*--nights VALUE/);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/UsageError: --nights takes a whole number \(got many\)/);
  });

  it('migrates a PGlite folder, then finds nothing to apply', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'roam-migrate-'));
    dirs.push(dir);
    const dataDir = join(dir, 'nested');

    const first = await cli('local/task-cli.ts', ['migrate', '--data-dir', dataDir]);
    const second = await cli('local/task-cli.ts', ['migrate', '--data-dir', dataDir]);

    expect(first.code).toBe(0);
    const count = /applied (\d+), already applied 0/.exec(first.stdout)?.[1];
    expect(first.stdout).toMatch(/applied 0001_users \(\d+ statements\)/);
    expect(Number(count)).toBeGreaterThanOrEqual(6);
    expect(second.stdout).toMatch(new RegExp(`nothing to apply[\\s\\S]*applied 0, already applied ${count}$`, 'm'));
  });
});
