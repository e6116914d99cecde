import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PLAYGROUND_ASSETS, type PlaygroundAssetName } from './constants.js';

const require = createRequire(import.meta.url);
const cache = new Map<PlaygroundAssetName, Promise<Buffer>>();

function assetPath(name: PlaygroundAssetName): string {
  const asset = PLAYGROUND_ASSETS[name];
  return 'file' in asset ? fileURLToPath(asset.file) : join(dirname(require.resolve(`${asset.packageName}/package.json`)), asset.path);
}

export function isPlaygroundAsset(name: string): name is PlaygroundAssetName {
  return Object.hasOwn(PLAYGROUND_ASSETS, name);
}

/** One of the page's files, read once and kept (the vendor files are large and never change while serving). */
export async function playgroundAsset(name: PlaygroundAssetName): Promise<Response> {
  let body = cache.get(name);
  if (!body) {
    body = readFile(assetPath(name));
    cache.set(name, body);
    body.catch(() => cache.delete(name));
  }
  return new Response(new Uint8Array(await body), {
    headers: { 'content-type': PLAYGROUND_ASSETS[name].type, 'cache-control': 'no-cache' },
  });
}
