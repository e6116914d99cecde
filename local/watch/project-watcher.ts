import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { LocalProjectConfig } from '../config/project.js';
import { bundleLambda, type LambdaRunner } from '../plugins/lambda/index.js';
import { isInside, watchFiles, type FileWatcher, type WatchRoot } from './file-watcher.js';

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
  close(): void;
}

/** Which part of the project a batch of changed files touches. */
export interface ChangeImpact {
  /** The schema or a resolver/function file (or a helper next to them) changed. */
  readonly graphql: boolean;
  /** Lambda functions whose handler folder holds a changed file. */
  readonly lambdas: readonly string[];
}

interface ProjectLayout {
  readonly schemaFile: string;
  readonly resolverDirs: readonly string[];
  readonly lambdaDirs: ReadonlyMap<string, { dir: string; handler: string }>;
}

function projectLayout(project: LocalProjectConfig, rootDir: string): ProjectLayout {
  const codeFiles = [
    ...Object.values(project.manifest.resolvers).flatMap((resolver) => ('code' in resolver && resolver.code ? [resolver.code] : [])),
    ...Object.values(project.manifest.functions).map((fn) => fn.code),
  ];
  const lambdaDirs = new Map(
    Object.entries(project.manifest.lambdaFunctions).map(([name, fn]) => {
      const handler = resolve(rootDir, fn.handler);
      return [name, { dir: dirname(handler), handler }] as const;
    }),
  );
  return { schemaFile: resolve(rootDir, project.schemaFile), resolverDirs: [...new Set(codeFiles.map((file) => dirname(resolve(rootDir, file))))], lambdaDirs };
}

/** Sorts changed files into what must be rebuilt. */
export function changeImpact(layout: ProjectLayout, files: ReadonlySet<string>): ChangeImpact {
  const changed = [...files];
  const graphql = changed.some((file) => file === layout.schemaFile || layout.resolverDirs.some((dir) => isInside(file, dir)));
  const lambdas = [...layout.lambdaDirs].filter(([, { dir }]) => changed.some((file) => isInside(file, dir))).map(([name]) => name);
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
    if (impact.lambdas.length > 0) await reloadLambdas(impact.lambdas).catch((error) => options.log(`Lambda reload failed: ${describe(error)}`));
    if (!impact.graphql) return;
    const started = performance.now();
    try {
      await options.rebuild();
      options.log(`Reloaded schema and resolvers in ${Math.round(performance.now() - started)} ms`);
    } catch (error) {
      options.log(`Reload failed; still serving the last good version.\n  ${describe(error)}`);
    }
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
  return { close: () => watcher.close() };
}
