/**
 * What `verify:aws` evaluates: every case of a cases file, and every APPSYNC_JS resolver and
 * pipeline function of the manifest, once per recorded context of its file (`npm start --
 * --record DIR`), or once with an empty context when none was recorded. Each target knows the
 * code AWS is sent (the deployed bundle) and how to get the offline answer for the same context.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { buildResolverCode } from '../build.js';
import { loadResolverCode } from '../load.js';
import type { ResolverManifest } from '../../../platform/manifest/index.js';
import type { HandlerCallRecord } from '../record.js';
import type { CasesFile } from '../conformance/cases.js';
import { caseHandler, caseSource } from '../conformance/case-code.js';
import { CaseWorkspace, handlerContext, runCase, runLoaded, type CaseRun } from '../conformance/run-case.js';

/** One evaluation to make on AWS and offline. */
export interface Target {
  name: string;
  suite: string;
  /** Where the context came from: a cases file, a record, or `empty`. */
  from: string;
  code: string;
  fn: 'request' | 'response';
  /** The context sent to EvaluateCode. */
  context: Record<string, unknown>;
  authMode?: string;
  /** True for manifest targets: their AWS answers can be saved as new cases. */
  savable: boolean;
  offline(): Promise<CaseRun>;
}

/** Every case of a cases file as a target. */
export function caseTargets(file: CasesFile, fileName: string, workspace: CaseWorkspace): Target[] {
  return file.cases.map((testCase) => ({
    name: testCase.name,
    suite: testCase.suite,
    from: path.basename(fileName),
    code: caseSource(testCase),
    fn: caseHandler(testCase),
    context: testCase.context,
    ...(testCase.authMode === undefined ? {} : { authMode: testCase.authMode }),
    savable: false,
    offline: () => runCase(workspace, testCase),
  }));
}

/** The recorded handler calls in `dir` (files written by `--record`). */
export async function readRecords(dir: string): Promise<HandlerCallRecord[]> {
  const names = (await readdir(dir)).filter((name) => name.endsWith('.json')).sort();
  return Promise.all(names.map(async (name) => JSON.parse(await readFile(path.join(dir, name), 'utf8')) as HandlerCallRecord));
}

/** The APPSYNC_JS files of a manifest, each with the name it is known by. */
function manifestFiles(manifest: ResolverManifest): { name: string; suite: string; file: string }[] {
  const files: { name: string; suite: string; file: string }[] = [];
  for (const [coordinate, resolver] of Object.entries(manifest.resolvers)) {
    if (resolver.kind === 'JS_UNIT' || (resolver.kind === 'JS_PIPELINE' && resolver.code)) {
      files.push({ name: coordinate, suite: 'resolvers', file: resolver.code as string });
    }
  }
  for (const [name, fn] of Object.entries(manifest.functions)) files.push({ name, suite: 'functions', file: fn.code });
  return files;
}

/** Targets for every APPSYNC_JS file of the manifest, with the recorded contexts of each. */
export async function manifestTargets(
  manifest: ResolverManifest,
  rootDir: string,
  records: readonly HandlerCallRecord[],
): Promise<Target[]> {
  const targets: Target[] = [];
  for (const { name, suite, file } of manifestFiles(manifest)) {
    const absolute = path.resolve(rootDir, file);
    const [built, loaded] = await Promise.all([buildResolverCode(absolute), loadResolverCode(absolute)]);
    const own = records.filter((record) => path.resolve(rootDir, record.file) === absolute);
    const calls =
      own.length > 0
        ? own.map((record, index) => ({
            fn: record.handler,
            context: record.context as Record<string, unknown>,
            from: `record ${index + 1}`,
          }))
        : [{ fn: 'request' as const, context: { arguments: {} }, from: 'empty' }];
    for (const call of calls) {
      const { authMode, ...context } = call.context as { authMode?: string } & Record<string, unknown>;
      targets.push({
        name,
        suite,
        from: call.from,
        code: built.code,
        fn: call.fn,
        context,
        savable: true,
        ...(authMode === undefined ? {} : { authMode }),
        offline: () => Promise.resolve(runLoaded(loaded, call.fn, handlerContext(context, authMode))),
      });
    }
  }
  return targets;
}
