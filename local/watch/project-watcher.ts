import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import type { LocalProjectConfig } from '../config/project.js';
import { bundleLambda, type LambdaRunner } from '../plugins/lambda/index.js';
import { isInside, watchFiles, type FileWatcher, type WatchRoot } from './file-watcher.js';
import { sourceInputs } from './source-inputs.js';

/** What watching a project needs from the server. */
export interface ProjectWatchOptions {
  readonly project: LocalProjectConfig;
  readonly rootDir: string;
  readonly lambda: Pick<LambdaRunner, 'reload'>;
  /** Builds the schema and resolvers anew and swaps them in; throws (and swaps nothing) when the change is broken. */
  rebuild(): Promise<void>;
  log(line: string): void;
  /** @default 150 */
  readonly debounceMs?: number;
}

export interface ProjectWatcher {
  /** Settles once the folders known at start are watched. */
  ready(): Promise<void>;
  close(): Promise<void>;
}

/** Which part of the project a batch of changed files touches. */
export interface ChangeImpact {
  /** The schema, a resolver/function file or a file one of them imports changed. */
  readonly graphql: boolean;
  /** Lambda functions that import a changed file, or whose handler folder holds one. */
  readonly lambdas: readonly string[];
}

interface ProjectLayout {
  readonly schemaFile: string;
  readonly codeFiles: readonly string[];
  readonly resolverDirs: readonly string[];
  readonly lambdaDirs: ReadonlyMap<string, { dir: string; handler: string }>;
  /** Source files the resolvers import (all of them together), refreshed after each reload. */
  resolverInputs: ReadonlySet<string>;
  /** Source files each Lambda imports, refreshed after each reload. */
  lambdaInputs: ReadonlyMap<string, ReadonlySet<string>>;
}

function projectLayout(project: LocalProjectConfig, rootDir: string): ProjectLayout {
  const codeFiles = [
    ...Object.values(project.manifest.resolvers).flatMap((resolver) => ('code' in resolver && resolver.code ? [resolver.code] : [])),
    ...Object.values(project.manifest.functions).map((fn) => fn.code),
  ].map((file) => resolve(rootDir, file));
  const lambdaDirs = new Map(
    Object.entries(project.manifest.lambdaFunctions).map(([name, fn]) => {
      const handler = resolve(rootDir, fn.handler);
      return [name, { dir: dirname(handler), handler }] as const;
    }),
  );
  return {
    schemaFile: resolve(rootDir, project.schemaFile),
    codeFiles: [...new Set(codeFiles)],
    resolverDirs: [...new Set(codeFiles.map((file) => dirname(file)))],
    lambdaDirs,
    resolverInputs: new Set(),
    lambdaInputs: new Map(),
  };
}

/** Sorts changed files into what must be rebuilt. */
export function changeImpact(
  layout: Pick<ProjectLayout, 'schemaFile' | 'resolverDirs' | 'lambdaDirs' | 'resolverInputs' | 'lambdaInputs'>,
  files: ReadonlySet<string>,
): ChangeImpact {
  const changed = [...files];
  const graphql = changed.some(
    (file) => file === layout.schemaFile || layout.resolverInputs.has(file) || layout.resolverDirs.some((dir) => isInside(file, dir)),
  );
  const lambdas = [...layout.lambdaDirs]
    .filter(([name, { dir }]) => changed.some((file) => layout.lambdaInputs.get(name)?.has(file) || isInside(file, dir)))
    .map(([name]) => name);
  return { graphql, lambdas };
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/**
 * Watch mode: reloads what a change touches while the server keeps serving. Lambdas are bundled
 * into a scratch folder first and reloaded only when that succeeds; the schema and resolvers are
 * rebuilt into a new object that replaces the old one only when it loads. Either way a broken
 * change is printed (ResolverCodeError carries file:line:column) and the last good version serves.
 * Reloads never overlap: changes that arrive during one are handled right after it.
 */
export function watchProject(options: ProjectWatchOptions): ProjectWatcher {
  const layout = projectLayout(options.project, options.rootDir);
  const roots: WatchRoot[] = [
    { dir: dirname(layout.schemaFile), recursive: false },
    ...layout.resolverDirs.map((dir) => ({ dir, recursive: true })),
    ...[...layout.lambdaDirs.values()].map(({ dir }) => ({ dir, recursive: true })),
  ];
  const queued = new Set<string>();
  let running: Promise<void> | undefined;

  /** Follows imports so that shared helpers outside the watched folders reload what uses them. */
  async function refreshInputs(): Promise<void> {
    const handlers = [...layout.lambdaDirs].map(([name, { handler }]) => [name, handler] as const);
    const found = await sourceInputs([...layout.codeFiles, ...handlers.map(([, handler]) => handler)], options.rootDir);
    layout.resolverInputs = new Set(layout.codeFiles.flatMap((file) => [...(found.get(file) ?? [])]));
    layout.lambdaInputs = new Map(handlers.map(([name, handler]) => [name, found.get(handler) ?? new Set<string>()]));
    const dirs = new Set(
      [...layout.resolverInputs, ...[...layout.lambdaInputs.values()].flatMap((inputs) => [...inputs])].map((file) => dirname(file)),
    );
    const added = watcher.add([...dirs].map((dir) => ({ dir, recursive: false })));
    if (added.length > 0) options.log(`Watching imported files in ${added.map((dir) => relative(options.rootDir, dir) || '.').join(', ')}`);
  }

  async function reloadLambdas(names: readonly string[]): Promise<void> {
    const scratch = await mkdtemp(join(tmpdir(), 'roam-watch-'));
    try {
      const good: string[] = [];
      for (const name of names) {
        const fn = layout.lambdaDirs.get(name);
        if (!fn) continue;
        try {
          await bundleLambda(name, fn.handler, join(scratch, name));
          good.push(name);
        } catch (error) {
          options.log(`Lambda ${name} did not build; still serving its last good version.\n  ${describe(error)}`);
        }
      }
      if (good.length === 0) return;
      await options.lambda.reload(good);
      options.log(`Reloaded Lambda ${good.join(', ')}`);
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
  }

  async function reload(files: ReadonlySet<string>): Promise<void> {
    const impact = changeImpact(layout, files);
    if (impact.lambdas.length > 0)
      await reloadLambdas(impact.lambdas).catch((error) => options.log(`Lambda reload failed: ${describe(error)}`));
    if (impact.graphql) {
      const started = performance.now();
      try {
        await options.rebuild();
        options.log(`Reloaded schema and resolvers in ${Math.round(performance.now() - started)} ms`);
      } catch (error) {
        options.log(`Reload failed; still serving the last good version.\n  ${describe(error)}`);
      }
    }
    if (impact.graphql || impact.lambdas.length > 0) await refreshInputs();
  }

  function drain(): void {
    if (running || queued.size === 0) return;
    const files = new Set(queued);
    queued.clear();
    running = reload(files).finally(() => {
      running = undefined;
      drain();
    });
  }

  const watcher: FileWatcher = watchFiles(
    roots,
    (files) => {
      for (const file of files) queued.add(file);
      drain();
    },
    options.debounceMs,
  );
  // In the background: the server serves meanwhile, and the folders above are watched already.
  running = refreshInputs()
    .catch((error) => options.log(`Watch mode could not follow imports: ${describe(error)}`))
    .finally(() => {
      running = undefined;
      drain();
    });
  return { ready: () => watcher.ready(), close: () => watcher.close() };
}
