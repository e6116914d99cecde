import path from 'node:path';
import type { Message, Plugin } from 'esbuild';
import { build } from '../esbuild/service.js';
import { appsyncJsBuildOptions } from './build-options.js';
import { ALLOWED_IMPORTS } from './constants.js';
import { ResolverCodeError } from './errors.js';

/** One resolver or function file bundled as AppSync receives it. */
export interface ResolverBundle {
  /** Absolute path of the entry file. */
  readonly file: string;
  /** The deployable ES module, inline source map included: exactly what AppSync receives. */
  readonly code: string;
  /** The path esbuild was told it writes (source-map paths are relative to its folder). */
  readonly outputFile: string;
  /** Absolute paths of the source files bundled in (the entry and its local imports): what to watch. */
  readonly inputs: readonly string[];
  /** Names the module exports. */
  readonly exports: readonly string[];
  /** Modules the bundle still imports (only `@aws-appsync/utils*` once checks pass). */
  readonly imports: readonly string[];
}

/** Packages are not written for the APPSYNC_JS subset, so only local files may be bundled in. */
function isBarePackage(specifier: string): boolean {
  return !specifier.startsWith('.') && !path.isAbsolute(specifier);
}

/** Refuses any package import except `@aws-appsync/utils*`; esbuild reports it at the import. */
const onlyAppSyncImports: Plugin = {
  name: 'appsync-js-imports',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /.*/ }, (args) => {
      if (args.kind === 'entry-point' || !isBarePackage(args.path)) return undefined;
      if (ALLOWED_IMPORTS.includes(args.path)) return { path: args.path, external: true };
      return {
        errors: [
          {
            text: `Import of '${args.path}' is not allowed: APPSYNC_JS code may import only ${ALLOWED_IMPORTS.join(', ')} and bundled local files`,
          },
        ],
      };
    });
  },
};

function toCodeError(file: string, message: Message): ResolverCodeError {
  const location = message.location;
  const position = location
    ? { file: path.resolve(location.file), line: location.line, column: location.column + 1 }
    : { file, line: 1, column: 1 };
  const isImport = message.pluginName === onlyAppSyncImports.name;
  return new ResolverCodeError(position, message.text, isImport ? 'allowed-imports' : 'syntax');
}

/**
 * Bundles `file` with {@link appsyncJsBuildOptions}.
 * @throws ResolverCodeError for a syntax error or a forbidden import, at the offending line.
 */
export async function bundleResolverFile(file: string): Promise<ResolverBundle> {
  const absolute = path.resolve(file);
  const outputFile = `${absolute}.appsync.js`;
  const result = await build({
    ...appsyncJsBuildOptions,
    entryPoints: [absolute],
    outfile: outputFile,
    write: false,
    metafile: true,
    plugins: [onlyAppSyncImports],
  }).catch((error: unknown) => {
    const first = (error as { errors?: Message[] }).errors?.[0];
    if (first) throw toCodeError(absolute, first);
    throw error;
  });
  const output = result.outputFiles[0];
  const meta = Object.values(result.metafile.outputs)[0];
  if (!output || !meta) throw new Error(`esbuild produced no output for ${absolute}`);
  return {
    file: absolute,
    outputFile,
    code: output.text,
    inputs: Object.keys(result.metafile.inputs).map((input) => path.resolve(input)),
    exports: meta.exports,
    imports: meta.imports.map((entry) => entry.path),
  };
}
