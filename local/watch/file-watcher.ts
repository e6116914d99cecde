import { watch, type FSWatcher } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { WatchDefaults } from './constants.js';

/** A folder to watch: recursively, or only its own files (for a schema that sits at the project root). */
export interface WatchRoot {
  readonly dir: string;
  readonly recursive: boolean;
}

export interface FileWatcher {
  /** Watches more folders (those already covered are skipped); returns the folders newly watched. */
  add(roots: readonly WatchRoot[]): string[];
  close(): void;
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
  return (
    WatchDefaults.EXTENSIONS.some((extension) => file.endsWith(extension)) &&
    !file.split(sep).some((part) => part === 'node_modules' || part.startsWith('.'))
  );
}

/**
 * Watches folders with node:fs (recursive watching works on Linux, macOS and Windows from
 * Node 20) and reports changed source files in batches, once edits have been quiet for
 * `debounceMs` (editors write a file in several steps). `add` watches more folders later.
 */
export function watchFiles(
  roots: readonly WatchRoot[],
  onChange: (files: ReadonlySet<string>) => void,
  debounceMs: number = WatchDefaults.DEBOUNCE_MS,
): FileWatcher {
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  const watchers: FSWatcher[] = [];
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
      let watcher: FSWatcher;
      try {
        watcher = watch(root.dir, { recursive: root.recursive }, (_event, name) => {
          if (!name) return;
          const file = join(root.dir, name.toString());
          if (!isSourceFile(file)) return;
          pending.add(file);
          clearTimeout(timer);
          timer = setTimeout(flush, debounceMs);
        });
      } catch {
        continue; // the folder is gone: nothing to watch there
      }
      watcher.on('error', () => watcher.close()); // a watched folder was removed
      watchers.push(watcher);
      watched.push(root);
      added.push(root.dir);
    }
    return added;
  };
  add(roots);
  return {
    add,
    close() {
      clearTimeout(timer);
      for (const watcher of watchers) watcher.close();
    },
  };
}
