/**
 * Turns the resolver manifest's `lambdaFunctions` into runner definitions. The manifest documents
 * its own defaults (10 s, 256 MB), which differ from AWS's (3 s, 128 MB) that the runner applies
 * to a bare definition; they are applied here so that offline matches what the CDK app deploys.
 */
import path from 'node:path';
import type { LambdaFunctionConfig } from '../../../platform/manifest/index.js';
import type { LambdaFunctionDefinition } from './types.js';

/** The defaults written in `platform/manifest/types.ts` (`LambdaFunctionConfig`). */
export const MANIFEST_LAMBDA_DEFAULTS = { timeoutSeconds: 10, memoryMb: 256 } as const;

/**
 * One definition per manifest entry; handler paths are resolved against `projectRoot`.
 * @example
 * createLambdaRunner({ functions: lambdaDefinitionsFromManifest(manifest.lambdaFunctions, root), extraEnvironment: dataApiEnv });
 */
export function lambdaDefinitionsFromManifest(
  lambdaFunctions: Readonly<Record<string, LambdaFunctionConfig>>,
  projectRoot: string,
): LambdaFunctionDefinition[] {
  return Object.entries(lambdaFunctions).map(([name, fn]) => ({
    name,
    handlerFile: path.resolve(projectRoot, fn.handler),
    handlerExport: fn.export,
    environment: fn.environment,
    timeoutSeconds: fn.timeoutSeconds ?? MANIFEST_LAMBDA_DEFAULTS.timeoutSeconds,
    memoryMb: fn.memoryMb ?? MANIFEST_LAMBDA_DEFAULTS.memoryMb,
  }));
}
