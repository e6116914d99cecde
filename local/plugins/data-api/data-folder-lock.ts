/**
 * One process at a time on a PGlite data folder. PGlite is an embedded PostgreSQL without a
 * postmaster: two processes that open the same folder each keep their own copy of the pages in
 * memory, and whichever writes last overwrites the other's work. A lock file in the data folder
 * names the process that holds it; a lock left by a process that is gone is taken over.
 */
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join, relative } from 'node:path';

/** The lock file inside the data folder. */
export const LOCK_FILE = 'data.lock';

/** Another live process holds the data folder. */
export class DataFolderInUseError extends Error {
  override readonly name = 'DataFolderInUseError';
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder,
  ) {
    const since = holder.started ? `, since ${holder.started}` : '';
    const command = holder.command ? ` (${holder.command}${since})` : '';
    super(
      [
        `The data folder ${dataDir} is in use by process ${holder.pid}${command}.`,
        'Only one process at a time may open it: two would each overwrite the other\u2019s writes.',
        `Stop that process first (Ctrl+C in its terminal, or kill ${holder.pid}), or give this one a folder of its own with --data-dir DIR.`,
      ].join('\n'),
    );
  }
}

/** What the lock file says about its holder. */
export interface LockHolder {
  readonly pid: number;
  readonly command?: string;
  readonly started?: string;
}

export interface DataFolderLock {
  /** The process whose lock was left behind and taken over, if any. */
  readonly tookOverFrom?: number;
  /** Removes the lock file (only if it is still ours). Safe to call twice. */
  release(): void;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(path: string): LockHolder | undefined {
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockHolder>;
    return typeof parsed.pid === 'number' && Number.isInteger(parsed.pid) && parsed.pid > 0 ? (parsed as LockHolder) : undefined;
  } catch {
    return undefined;
  }
}

function tryCreate(path: string, holder: LockHolder): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx'); // fails if the file exists: the check and the claim are one step
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeSync(fd, `${JSON.stringify(holder)}\n`);
  } finally {
    closeSync(fd);
  }
  return true;
}

/**
 * Claims `dataDir` (which must exist) for this process until `release()` or the process exits.
 * @throws DataFolderInUseError when a live process holds it (this one included, through another open).
 */
export function lockDataFolder(dataDir: string): DataFolderLock {
  const path = join(dataDir, LOCK_FILE);
  const mine: LockHolder = {
    pid: process.pid,
    command: [process.argv[1] ? relative(process.cwd(), process.argv[1]) : 'node', ...process.argv.slice(2)].join(' '),
    started: new Date().toISOString(),
  };
  let tookOverFrom: number | undefined;
  for (let attempt = 0; !tryCreate(path, mine); attempt += 1) {
    const holder = readHolder(path);
    if (holder && isAlive(holder.pid)) throw new DataFolderInUseError(dataDir, holder);
    // A holder that is gone (killed, crashed) or a file it never finished writing: take it over.
    if (attempt >= 3) throw new DataFolderInUseError(dataDir, holder ?? { pid: 0, command: 'unknown: the lock file keeps coming back' });
    if (holder) tookOverFrom = holder.pid;
    rmSync(path, { force: true });
  }
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    process.off('exit', release);
    if (readHolder(path)?.pid === process.pid) rmSync(path, { force: true });
  };
  // A process that exits without closing (process.exit on an error) still frees the folder.
  process.on('exit', release);
  return { ...(tookOverFrom !== undefined ? { tookOverFrom } : {}), release };
}
