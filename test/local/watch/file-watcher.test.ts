import { mkdtemp, mkdir, rename, rm, writeFile } from 'node:fs/promises';
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
    await watcher.ready();
    try {
      await writeFile(join(dir, 'resolvers/js/helpers/util.ts'), 'export const a = 1;\n');
      await writeFile(join(dir, 'resolvers/js/notes.txt'), 'not source\n');
      await writeFile(join(dir, 'schema.graphql'), 'type Query { a: String }\n');
      await writeFile(join(dir, 'node_modules/pkg/index.js'), '\n');
      for (let attempt = 0; attempt < 300 && batches.flat().length < 2; attempt += 1)
        await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      await watcher.close();
    }
    expect([...new Set(batches.flat())].sort()).toEqual([join(dir, 'resolvers/js/helpers/util.ts'), join(dir, 'schema.graphql')]);
  });

  it('keeps seeing a file after a rename-style save (temp file renamed over it), edit after edit', async () => {
    const file = join(dir, 'resolvers/js/Query.saved.ts');
    await writeFile(file, 'export const v = 0;\n');
    const seen: string[] = [];
    const watcher = watchFiles([{ dir: join(dir, 'resolvers'), recursive: true }], (files) => seen.push(...files), 50);
    await watcher.ready();
    const seenTimes = () => seen.filter((path) => path === file).length;
    const waitForBatch = async (count: number) => {
      for (let attempt = 0; attempt < 200 && seenTimes() < count; attempt += 1) await new Promise((resolve) => setTimeout(resolve, 50));
    };
    try {
      // As `sed -i` and editors' safe writes do: write a temporary file beside it, rename it over the original.
      const temp = join(dir, 'resolvers/js/sedAbc123');
      await writeFile(temp, 'export const v = 1;\n');
      await rename(temp, file);
      await waitForBatch(1);
      expect(seenTimes()).toBe(1);
      // Later plain edits of the same file: recursive node:fs watch on Linux stopped reporting these.
      await writeFile(file, 'export const v = 2;\n');
      await waitForBatch(2);
      expect(seenTimes()).toBe(2);
      await writeFile(file, 'export const v = 3;\n');
      await waitForBatch(3);
      expect(seenTimes()).toBe(3);
      // And a second rename-style save after the edits.
      await writeFile(temp, 'export const v = 4;\n');
      await rename(temp, file);
      await waitForBatch(4);
      expect(seenTimes()).toBe(4);
    } finally {
      await watcher.close();
    }
    expect(seen).not.toContain(join(dir, 'resolvers/js/sedAbc123'));
  });
});
