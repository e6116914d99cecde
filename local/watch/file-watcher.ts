import { watch, type FSWatcher } from 'chokidar';
import type { Stats } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { WatchDefaults } from './constants.js';

/** A folder to watch: recursively, or only its own files (for a schema that sits at the project root). */
export interface WatchRoot {
  readonly dir: string;
  readonly recursive: boolean;
}

export interface FileWatcher {
  /** Watches more folders (those already covered are skipped); returns the folders newly watched. */
  add(roots: readonly WatchRoot[]): string[];
  /** Settles once every folder added so far is being watched (its first scan is done). */
  ready(): Promise<void>;
  close(): Promise<void>;
}

/** Whether `file` is `dir` or inside it. */
export function isInside(file: string, dir: string): boolean {
  const path = relative(dir, file);
  return path === '' || (!path.startsWith('..') && !path.startsWith(sep) && path !== '..');
}

/** Recursive roots with the ones inside another recursive root dropped; flat roots kept unless covered. */
export function collapseRoots(roots: readonly WatchRoot[]): WatchRoot[] {
  const recursive = [...new Set(roots.filter((root) => root.recursive).map((root) => resolve(root.dir)))];
  const outer = recursive.filter((dir) => !recursive.some((other) => other !== dir && isInside(dir, other)));
  const flat = [...new Set(roots.filter((root) => !root.recursive).map((root) => resolve(root.dir)))].filter(
    (dir) => !outer.some((other) => isInside(dir, other)),
  );
  return [...outer.map((dir) => ({ dir, recursive: true })), ...flat.map((dir) => ({ dir, recursive: false }))];
}

function isSourceFile(file: string): boolean {
  return WatchDefaults.EXTENSIONS.some((extension) => file.endsWith(extension));
}

/** Dot folders (.git, .cache) and node_modules below a root are never watched. */
function isIgnoredPath(path: string, root: string): boolean {
  return relative(root, path)
    .split(sep)
    .some((part) => part === 'node_modules' || (part.startsWith('.') && part !== '.' && part !== '..'));
}

/**
 * Watches folders with chokidar and reports changed source files in batches, once edits have been
 * quiet for `debounceMs` (editors write a file in several steps). chokidar re-attaches to a file
 * replaced by a rename (an editor's safe write, `sed -i`), which recursive node:fs `watch` on Linux
 * does not: later edits of such a file went unseen. `add` watches more folders later.
 */
export function watchFiles(
  roots: readonly WatchRoot[],
  onChange: (files: ReadonlySet<string>) => void,
  debounceMs: number = WatchDefaults.DEBOUNCE_MS,
): FileWatcher {
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  const watchers: FSWatcher[] = [];
  const readiness: Promise<void>[] = [];
  const watched: WatchRoot[] = [];
  const flush = () => {
    timer = undefined;
    const files = new Set(pending);
    pending.clear();
    if (files.size > 0) onChange(files);
  };
  const covered = (root: WatchRoot) =>
    watched.some((other) => (other.recursive ? isInside(root.dir, other.dir) : !root.recursive && other.dir === root.dir));
  const add = (more: readonly WatchRoot[]): string[] => {
    const added: string[] = [];
    for (const root of collapseRoots(more)) {
      if (covered(root)) continue;
      const watcher = watch(root.dir, {
        ignoreInitial: true,
        ...(root.recursive ? {} : { depth: 0 }),
        ignored: (path: string, stats?: Stats) => isIgnoredPath(path, root.dir) || (stats?.isFile() === true && !isSourceFile(path)),
      });
      const onFile = (file: string) => {
        if (!isSourceFile(file) || isIgnoredPath(file, root.dir)) return;
        pending.add(resolve(file));
        clearTimeout(timer);
        timer = setTimeout(flush, debounceMs);
      };
      watcher.on('add', onFile).on('change', onFile).on('unlink', onFile);
      watcher.on('error', () => undefined); // a watched folder was removed: chokidar stops watching it
      readiness.push(new Promise<void>((settle) => watcher.once('ready', () => settle())));
      watchers.push(watcher);
      watched.push(root);
      added.push(root.dir);
    }
    return added;
  };
  add(roots);
  return {
    add,
    ready: async () => {
      await Promise.all(readiness);
    },
    async close() {
      clearTimeout(timer);
      await Promise.all(watchers.map((watcher) => watcher.close()));
    },
  };
}
