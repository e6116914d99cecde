import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** The small fixture API (it exports `config`, as `npm start` wants). */
const CONFIG = 'test/fixtures/apis/scheduled/config.ts';
let scratch: string;
/** A healthy PGlite folder made once by a real server, copied and damaged by the tests. */
let healthy: string;
const running = new Set<ChildProcess>();
/** Each test starts several real processes, on a machine that may be busy. */
const SLOW = { timeout: 240_000 };

interface Finished {
  code: number | null;
  output: string;
}

/** Runs one of our command-line entry points as its own process; `stdin` is written and closed. */
function launch(
  script: string,
  args: readonly string[],
  stdin = '',
): { child: ChildProcess; output: () => string; done: Promise<Finished> } {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { cwd: process.cwd(), stdio: ['pipe', 'pipe', 'pipe'] });
  running.add(child);
  const chunks: string[] = [];
  child.stdout?.on('data', (chunk: Buffer) => chunks.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => chunks.push(chunk.toString()));
  child.stdin?.end(stdin);
  const done = new Promise<Finished>((settle) =>
    child.once('exit', (code) => {
      running.delete(child);
      settle({ code, output: chunks.join('') });
    }),
  );
  return { child, output: () => chunks.join(''), done };
}

const start = (dataDir: string, extra: readonly string[] = [], stdin = '') =>
  launch('local/cli.ts', ['--config', CONFIG, '--port', '0', '--no-watch', '--data-dir', dataDir, ...extra], stdin);

/** Waits for the server's "Ready" line; fails with its output if it exits first. */
async function ready(server: ReturnType<typeof start>): Promise<void> {
  for (;;) {
    if (server.output().includes('Ready in')) return;
    const exited = await Promise.race([server.done, new Promise<undefined>((settle) => setTimeout(() => settle(undefined), 100))]);
    if (exited) throw new Error(`npm start exited with ${exited.code}:\n${exited.output}`);
  }
}

async function stop(server: ReturnType<typeof start>): Promise<Finished> {
  server.child.kill('SIGTERM');
  return server.done;
}

/** What a clean stop looks like: our message only, no stack trace, no other tool's panic. */
function expectCleanFailure(finished: Finished): void {
  expect(finished.code).toBe(1);
  expect(finished.output).not.toMatch(/panic|goroutine|\n\s+at /);
}

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'roam-data-folder-'));
  healthy = join(scratch, 'healthy');
  const server = start(healthy);
  await ready(server);
  expect((await stop(server)).code).toBe(0);
}, SLOW.timeout);

afterAll(async () => {
  for (const child of running) child.kill('SIGKILL');
  await rm(scratch, { recursive: true, force: true });
});

describe('A data folder has one owner', () => {
  it('refuses a second server and a migration while a server holds the folder, naming the folder and the process', SLOW, async () => {
    const dataDir = join(scratch, 'shared');
    await cp(healthy, dataDir, { recursive: true });
    const first = start(dataDir);
    await ready(first);
    try {
      const pid = first.child.pid as number;
      const second = await start(dataDir).done;
      const migrate = await launch('local/task-cli.ts', ['migrate', '--data-dir', dataDir]).done;

      expectCleanFailure(second);
      expect(second.output).toContain(`The data folder ${dataDir} is in use by process ${pid}`);
      expect(second.output).toMatch(/kill \d+|--data-dir DIR/);
      expect(migrate.code).toBe(1);
      expect(migrate.output).toContain(`The data folder ${dataDir} is in use by process ${pid}`);
      expect(migrate.output).not.toMatch(/applied \d+/);
    } finally {
      expect((await stop(first)).code).toBe(0);
    }
    // The lock went with the server that held it.
    expect(existsSync(join(dataDir, 'data.lock'))).toBe(false);
  });

  it('takes over a lock left by a process that is gone', SLOW, async () => {
    const dataDir = join(scratch, 'stale');
    await cp(healthy, dataDir, { recursive: true });
    const gone = launch('local/task-cli.ts', ['migrate', '--help']);
    const goneResult = await gone.done;
    expect(goneResult.code).toBe(0);
    await writeFile(join(dataDir, 'data.lock'), JSON.stringify({ pid: gone.child.pid, command: 'killed earlier', started: 'earlier' }));

    const server = start(dataDir);
    await ready(server);
    expect(JSON.parse(await readFile(join(dataDir, 'data.lock'), 'utf8')).pid).toBe(server.child.pid);
    expect((await stop(server)).code).toBe(0);
  });
});

describe('A damaged or foreign data folder', () => {
  it('names the folder, says what is wrong and what to do, and stops without a panic', SLOW, async () => {
    const missingControl = join(scratch, 'damaged');
    await cp(healthy, missingControl, { recursive: true });
    await rm(join(missingControl, 'pglite/global/pg_control'));
    const otherVersion = join(scratch, 'other-version');
    await cp(healthy, otherVersion, { recursive: true });
    await writeFile(join(otherVersion, 'pglite/PG_VERSION'), '16\n');

    for (const dataDir of [missingControl, otherVersion]) {
      const finished = await start(dataDir).done;
      expectCleanFailure(finished);
      expect(finished.output).toContain(`DataFolderError: The database folder ${join(dataDir, 'pglite')}`);
      expect(finished.output).toMatch(/damaged .* or was made by another PGlite or PostgreSQL version/);
      expect(finished.output).toContain('npm start -- --reset-data');
      expect(existsSync(join(dataDir, 'data.lock'))).toBe(false);
    }
  });

  it('refuses a folder of other files rather than writing a database into it', SLOW, async () => {
    const dataDir = join(scratch, 'foreign');
    await mkdir(join(dataDir, 'pglite'), { recursive: true });
    await writeFile(join(dataDir, 'pglite/notes.txt'), 'mine\n');

    const finished = await start(dataDir).done;

    expectCleanFailure(finished);
    expect(finished.output).toContain(`${join(dataDir, 'pglite')} is not a PGlite database: it holds other files (notes.txt)`);
    expect(await readdir(join(dataDir, 'pglite'))).toEqual(['notes.txt']);
  });

  it('--reset-data deletes the database only when confirmed (or with --yes), then starts afresh', SLOW, async () => {
    const dataDir = join(scratch, 'reset');
    await cp(healthy, dataDir, { recursive: true });
    await rm(join(dataDir, 'pglite/global/pg_control'));
    const apiKey = await readFile(join(dataDir, 'api-key.json'), 'utf8');

    const declined = await start(dataDir, ['--reset-data'], 'n\n').done;
    expect(declined.code).toBe(1);
    expect(declined.output).toMatch(/Delete the database in .*pglite.*\[y\/N\][\s\S]*Nothing deleted/);
    expect(existsSync(join(dataDir, 'pglite/PG_VERSION'))).toBe(true);

    const confirmed = start(dataDir, ['--reset-data'], 'y\n');
    await ready(confirmed);
    expect((await stop(confirmed)).code).toBe(0);
    expect(existsSync(join(dataDir, 'pglite/global/pg_control'))).toBe(true);
    // The keys beside the database stay: tokens and the API key keep working.
    expect(await readFile(join(dataDir, 'api-key.json'), 'utf8')).toBe(apiKey);

    await rm(join(dataDir, 'pglite/global/pg_control'));
    const unattended = start(dataDir, ['--reset-data', '--yes']);
    await ready(unattended);
    expect((await stop(unattended)).code).toBe(0);
  });
});
