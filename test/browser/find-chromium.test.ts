import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium } from '../support/chromium.js';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'roam-chromium-'));
  await writeFile(join(dir, 'chromium-browser'), '#!/bin/sh\n');
  await chmod(join(dir, 'chromium-browser'), 0o755);
  await writeFile(join(dir, 'not-executable'), '');
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('Function: findChromium (the browser the browser tests drive)', () => {
  it('uses CHROMIUM_PATH when set, and says so when it is not an executable', () => {
    expect(findChromium({ CHROMIUM_PATH: join(dir, 'chromium-browser') }, [])).toBe(join(dir, 'chromium-browser'));
    expect(() => findChromium({ CHROMIUM_PATH: join(dir, 'not-executable') }, [])).toThrow(/CHROMIUM_PATH is .*not an executable/);
  });

  it('finds chromium-browser on PATH, as Ubuntu and Fedora name it', () => {
    expect(findChromium({ PATH: `/nowhere:${dir}` }, [])).toBe(join(dir, 'chromium-browser'));
  });

  it('says where it looked and what to do when there is none', () => {
    expect(() => findChromium({ PATH: '/nowhere' }, ['/nowhere/chromium'])).toThrow(
      /No Chromium found .*\/nowhere\/chromium.*apt-get install -y chromium.*CHROMIUM_PATH/,
    );
  });
});
