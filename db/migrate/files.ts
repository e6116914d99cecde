/** Reads migration files from disk. The only part of the runner that needs Node's file system. */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { MigrationSource } from './prepare.js';

/** Reads every `.sql` file of a folder, in name order. */
export async function readMigrationSources(directory: string): Promise<MigrationSource[]> {
  const names = (await readdir(directory)).filter((name) => name.endsWith('.sql')).sort();
  return Promise.all(names.map(async (fileName) => ({ fileName, sql: await readFile(join(directory, fileName), 'utf8') })));
}
