/**
 * A fresh PGlite cluster costs an initdb: several seconds of CPU, most of a first `npm start`.
 * Every fresh cluster of one PGlite version is the same, so the first one made is kept, cleanly
 * shut down and never opened again, under `node_modules/.cache`, and each new data folder starts
 * as a copy of it (a file copy: well under a second); a database in memory loads its tarball. `npm install` makes it (see
 * `local/pglite-template-cli.ts`); a start that finds none makes it then.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { cp, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const CACHE_ROOT = fileURLToPath(new URL('../../../../node_modules/.cache/roam-pglite/', import.meta.url));

/** Written last into a finished template, so a half-copied or half-made one is never used. */
const COMPLETE_MARKER = 'TEMPLATE_COMPLETE';

/** The same cluster as PGlite's own tarball, for a database in memory (`loadDataDir`). */
const TARBALL = 'cluster.tar';

/** True when `dataDir` already holds a PostgreSQL cluster (PostgreSQL writes PG_VERSION at initdb). */
export function hasCluster(dataDir: string): boolean {
  return existsSync(join(dataDir, 'PG_VERSION'));
}

/** The installed PGlite's version: a template made by another version is not used. */
function pgliteVersion(): string {
  const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  for (let dir = dirname(entry); dir !== dirname(dir); dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (!existsSync(manifest)) continue;
    const { name, version } = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string; version?: string };
    if (name === '@electric-sql/pglite' && version) return version;
  }
  return 'unknown';
}

/** The template folder for the installed PGlite. */
export function templateDir(): string {
  return join(CACHE_ROOT, `pglite-${pgliteVersion()}`);
}

/**
 * Makes the template if there is none yet. Safe when several processes do it at once: each
 * builds in its own scratch folder and the first rename wins.
 * @returns whether this call made it
 */
export async function ensureClusterTemplate(): Promise<boolean> {
  const template = templateDir();
  if (existsSync(join(template, COMPLETE_MARKER))) return false;
  await mkdir(CACHE_ROOT, { recursive: true });
  const scratch = `${template}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    const { PGlite } = await import('@electric-sql/pglite');
    const lite = await PGlite.create(scratch);
    const tarball = await lite.dumpDataDir('none');
    await lite.close();
    await writeFile(join(scratch, TARBALL), Buffer.from(await tarball.arrayBuffer()));
    await cp(join(scratch, 'PG_VERSION'), join(scratch, COMPLETE_MARKER));
    await rename(scratch, template);
    return true;
  } catch (error) {
    // Another process finished first (the rename found its folder): theirs is as good as ours.
    if (existsSync(join(template, COMPLETE_MARKER))) return false;
    throw error;
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/**
 * Fills a folder that has no cluster yet with a copy of the template (made first if needed), so
 * PGlite opens it as an existing database instead of running initdb.
 */
export async function createClusterFromTemplate(dataDir: string): Promise<void> {
  await ensureClusterTemplate();
  await cp(templateDir(), dataDir, { recursive: true, filter: (source) => !source.endsWith(COMPLETE_MARKER) && !source.endsWith(TARBALL) });
}

/** The template as a tarball for `PGlite.create({ loadDataDir })` (a database in memory), made first if needed. */
export async function clusterTarball(): Promise<Blob> {
  await ensureClusterTemplate();
  return new Blob([await readFile(join(templateDir(), TARBALL))]);
}
