import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PositionMapper } from '../../platform/appsync-js/source-map.js';

/**
 * The language-subset check remembered across runs: code that passed once passes again, so a
 * start with unchanged resolvers neither loads ESLint (about 0.85 s of imports) nor lints a file.
 * The key is the exact deployed code and the linter plugin's version; only passes are kept.
 */
const CACHE_FILE = fileURLToPath(new URL('../../node_modules/.cache/roam-appsync-js/subset-passed.json', import.meta.url));
const PLUGIN_VERSION = (createRequire(import.meta.url)('@aws-appsync/eslint-plugin/package.json') as { version: string }).version;

let passed: Promise<Set<string>> | undefined;

function loadPassed(): Promise<Set<string>> {
  passed ??= readFile(CACHE_FILE, 'utf8')
    .then((text) => new Set(JSON.parse(text) as string[]))
    .catch(() => new Set<string>());
  return passed;
}

function keyOf(code: string): string {
  return createHash('sha256').update(PLUGIN_VERSION).update('\0').update(code).digest('hex');
}

/** Like checkLanguageSubset, but skipped for code that already passed it with the same plugin. */
export async function checkLanguageSubsetOnce(code: string, positions: PositionMapper): Promise<void> {
  const known = await loadPassed();
  const key = keyOf(code);
  if (known.has(key)) return;
  const { checkLanguageSubset } = await import('../../platform/appsync-js/check-subset.js');
  checkLanguageSubset(code, positions);
  known.add(key);
  await rememberPassed(known);
}

/**
 * Writes aside and renames, so parallel loaders (and test processes) never read half a file. The
 * scratch name is unique per write: one process may build the same code twice at once. The cache
 * only saves time, so a write that fails (a read-only tree, a race with a cleaner) is ignored.
 */
async function rememberPassed(known: Set<string>): Promise<void> {
  const scratch = `${CACHE_FILE}.${randomUUID()}`;
  try {
    await mkdir(dirname(CACHE_FILE), { recursive: true });
    await writeFile(scratch, JSON.stringify([...known]));
    await rename(scratch, CACHE_FILE);
  } catch {
    await rm(scratch, { force: true }).catch(() => undefined);
  }
}
