import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createApiKey, type ApiKey } from './api-keys.js';

/** How long a generated offline key lives: AppSync's maximum, so a dev setup keeps working. */
const GENERATED_KEY_DAYS = 365;

/**
 * The API key kept in the data folder (`api-key.json`), created on first use and replaced once it
 * has expired, so that restarts keep the key a developer already pasted into a client.
 */
export async function loadOrCreateApiKey(dataDir: string, now = Date.now()): Promise<ApiKey> {
  const file = join(dataDir, 'api-key.json');
  try {
    const key = JSON.parse(await readFile(file, 'utf8')) as ApiKey;
    if (typeof key.id === 'string' && typeof key.expires === 'number' && key.expires * 1000 > now) return key;
  } catch {
    // none yet, or unreadable: make a new one
  }
  const key = createApiKey(GENERATED_KEY_DAYS, now);
  await mkdir(dataDir, { recursive: true });
  await writeFile(file, `${JSON.stringify(key, null, 2)}\n`);
  return key;
}
