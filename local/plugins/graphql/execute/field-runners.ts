import { resolve } from 'node:path';
import {
  createPipelineResolver,
  loadResolverCode,
  runPipelineResolver,
  runUnitResolver,
  type FieldContextInput,
  type FieldResolution,
  type ResolveOptions,
  type ResolverCode,
} from '../../../appsync-js/index.js';
import type { ResolverConfig, ResolverManifest } from '../../../../platform/manifest/index.js';
import { createDataSourceCall, createDirectLambdaCall, type DataSourceDeps } from './data-sources.js';
import { AppSyncErrorTypes } from '../../shared/error-types.js';

/** Resolves one field of the manifest, whatever kind of resolver serves it. */
export interface FieldRunner {
  readonly coordinate: string;
  /** The data sources it calls, as `name (KIND)`, for traces. */
  readonly dataSources?: readonly string[];
  run(field: FieldContextInput, options: ResolveOptions): Promise<FieldResolution>;
}

/**
 * Loads every resolver and function file of the manifest (each once, in parallel) and returns a
 * runner per field. Throws ResolverCodeError naming the first file AppSync would refuse.
 */
export async function loadFieldRunners(
  manifest: ResolverManifest,
  rootDir: string,
  deps: DataSourceDeps,
): Promise<Map<string, FieldRunner>> {
  const codeByFile = new Map<string, Promise<ResolverCode>>();
  const load = (file: string): Promise<ResolverCode> => {
    const path = resolve(rootDir, file);
    let code = codeByFile.get(path);
    if (!code) codeByFile.set(path, (code = loadResolverCode(path)));
    return code;
  };
  const entries = await Promise.all(
    Object.entries(manifest.resolvers).map(
      async ([coordinate, config]) => [coordinate, await createRunner(coordinate, config as ResolverConfig)] as const,
    ),
  );
  return new Map(entries);

  async function createRunner(coordinate: string, config: ResolverConfig): Promise<FieldRunner> {
    switch (config.kind) {
      case 'JS_UNIT': {
        const code = await load(config.code);
        const dataSource = createDataSourceCall(manifest, deps, config.dataSource, config.maxBatchSize);
        return {
          coordinate,
          dataSources: describeDataSources(manifest, [config.dataSource]),
          run: (field, options) => runUnitResolver(code, field, dataSource, options),
        };
      }
      case 'JS_PIPELINE': {
        const functions = await Promise.all(
          config.functions.map(async (name) => {
            const fn = manifest.functions[name];
            if (!fn) throw new Error(`Pipeline function "${name}" is not declared`);
            return { code: await load(fn.code), dataSource: createDataSourceCall(manifest, deps, fn.dataSource) };
          }),
        );
        const pipeline = createPipelineResolver(config.code ? await load(config.code) : undefined, functions);
        return {
          coordinate,
          dataSources: describeDataSources(
            manifest,
            config.functions.map((name) => manifest.functions[name]?.dataSource),
          ),
          run: (field, options) => runPipelineResolver(pipeline, field, options),
        };
      }
      case 'DIRECT_LAMBDA': {
        const call = createDirectLambdaCall(manifest, deps, config.dataSource, config.maxBatchSize);
        return {
          coordinate,
          dataSources: describeDataSources(manifest, [config.dataSource]),
          run: (field) => runDirectLambda(call, field),
        };
      }
    }
  }
}

/** `name (KIND)` for each distinct data source, in order. */
function describeDataSources(manifest: ResolverManifest, names: readonly (string | undefined)[]): string[] {
  return [...new Set(names.filter((name): name is string => Boolean(name)))].map(
    (name) => `${name} (${(manifest.dataSources as Record<string, { kind: string } | undefined>)[name]?.kind ?? '?'})`,
  );
}

/** A direct Lambda resolver receives the whole context and its answer is the field value. */
async function runDirectLambda(
  call: (event: unknown) => Promise<{ result: unknown } | { error: { message: string } }>,
  field: FieldContextInput,
): Promise<FieldResolution> {
  const { authMode: _authMode, ...context } = field;
  const outcome = await call({ ...context, prev: null, stash: {} });
  const done = { logs: [], effects: [], stash: {} };
  if ('error' in outcome) {
    return {
      value: null,
      errors: [{ message: outcome.error.message, errorType: AppSyncErrorTypes.LAMBDA_UNHANDLED, data: null, errorInfo: null }],
      ...done,
    };
  }
  return { value: outcome.result ?? null, errors: [], ...done };
}
