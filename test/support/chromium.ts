import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** Names the system's Chromium goes by: Debian's `chromium`, Ubuntu's and Fedora's `chromium-browser`, Chrome. */
const NAMES = ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome'];
/** Places outside PATH where a system keeps it. */
const FIXED_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/snap/bin/chromium', '/usr/lib/chromium/chromium'];

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The Chromium the browser tests drive through playwright-core: `CHROMIUM_PATH` when set, else the
 * first of the usual names on PATH or in the usual places.
 * @throws Error saying where it looked and how to install or point at one
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env, fixedPaths: readonly string[] = FIXED_PATHS): string {
  const configured = env.CHROMIUM_PATH;
  if (configured) {
    if (isExecutable(configured)) return configured;
    throw new Error(`CHROMIUM_PATH is ${configured}, which is not an executable file.`);
  }
  const onPath = (env.PATH ?? '').split(delimiter).filter(Boolean);
  const candidates = [...onPath.flatMap((dir) => NAMES.map((name) => join(dir, name))), ...fixedPaths];
  const found = candidates.find(isExecutable);
  if (found) return found;
  throw new Error(
    `No Chromium found (looked for ${NAMES.join(', ')} on PATH and in ${fixedPaths.join(', ')}). ` +
      'Install it (Debian/Ubuntu: apt-get install -y chromium, what .ci/run does) or set CHROMIUM_PATH to its executable.',
  );
}

/**
 * Flags for headless Chromium in a sandboxed CI: no GPU, no sandbox (CI runs as root), and none of
 * the background connections to Google that a closed network refuses.
 */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Headless Chromium with a fresh profile in `profileDir`, and its first page. */
export async function launchChromium(
  profileDir: string,
  options: { readonly viewport?: { readonly width: number; readonly height: number } } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: findChromium(),
    headless: true,
    args: CHROMIUM_ARGS,
    ...(options.viewport ? { viewport: { ...options.viewport } } : {}),
  });
  return { context, page: context.pages()[0] ?? (await context.newPage()) };
}
