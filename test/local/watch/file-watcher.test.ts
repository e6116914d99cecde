import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collapseRoots, isInside, watchFiles } from '../../../local/watch/file-watcher.js';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'roam-watcher-'));
  await mkdir(join(dir, 'resolvers/js/helpers'), { recursive: true });
  await mkdir(join(dir, 'node_modules/pkg'), { recursive: true });
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('File watcher', () => {
  it('watches a folder inside another recursive one only once, and keeps a flat root that none covers', () => {
    expect(
      collapseRoots([
        { dir: '/p/resolvers', recursive: true },
        { dir: '/p/resolvers/js', recursive: true },
        { dir: '/p', recursive: false },
        { dir: '/p/resolvers/lambda', recursive: false },
      ]),
    ).toEqual([
      { dir: '/p/resolvers', recursive: true },
      { dir: '/p', recursive: false },
    ]);
  });

  it('tells files inside a folder from files beside it', () => {
    expect(isInside('/p/resolvers/js/a.ts', '/p/resolvers')).toBe(true);
    expect(isInside('/p/resolvers-old/a.ts', '/p/resolvers')).toBe(false);
    expect(isInside('/p/a.ts', '/p/resolvers')).toBe(false);
  });

  it('reports changed source files in nested folders in one batch, and ignores other files', async () => {
    const batches: string[][] = [];
    const watcher = watchFiles(
      [
        { dir: join(dir, 'resolvers'), recursive: true },
        { dir, recursive: false },
      ],
      (files) => batches.push([...files].sort()),
      100,
    );
    try {
      await writeFile(join(dir, 'resolvers/js/helpers/util.ts'), 'export const a = 1;\n');
      await writeFile(join(dir, 'resolvers/js/notes.txt'), 'not source\n');
      await writeFile(join(dir, 'schema.graphql'), 'type Query { a: String }\n');
      await writeFile(join(dir, 'node_modules/pkg/index.js'), '\n');
      for (let attempt = 0; attempt < 300 && batches.flat().length < 2; attempt += 1)
        await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      watcher.close();
    }
    expect([...new Set(batches.flat())].sort()).toEqual([join(dir, 'resolvers/js/helpers/util.ts'), join(dir, 'schema.graphql')]);
  });
});
