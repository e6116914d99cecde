import { bundleResolverFile, type ResolverBundle } from '../../platform/appsync-js/bundle.js';
import { checkLanguageSubsetOnce } from './subset-cache.js';
import { checkModuleShape } from '../../platform/appsync-js/check-module.js';
import { PositionMapper, readInlineSourceMap } from '../../platform/appsync-js/source-map.js';

/** A resolver or function file bundled and checked: the code to deploy, and where it maps back to. */
export interface CheckedResolverCode extends ResolverBundle {
  /** Maps positions in `code` to the source files. */
  readonly deployedToSource: PositionMapper;
}

/**
 * Bundles one APPSYNC_JS file with `appsyncJsBuildOptions` and refuses it when AppSync would: a
 * syntax error, a construct outside the language subset, an import other than
 * `@aws-appsync/utils*`, a missing `request`/`response` export, or more than 32,768 characters.
 * No sandbox is created, so the CDK app can call this at synth time to fail before deploying.
 * @throws ResolverCodeError with the file, line and column of the first problem
 */
export async function buildResolverCode(file: string): Promise<CheckedResolverCode> {
  const bundle = await bundleResolverFile(file);
  checkModuleShape(bundle);
  const deployedToSource = new PositionMapper(readInlineSourceMap(bundle.code), bundle.outputFile, bundle.file);
  await checkLanguageSubsetOnce(bundle.code, deployedToSource);
  return { ...bundle, deployedToSource };
}
