/**
 * The API a stage deploys, read from a project configuration module: by default Roam's own
 * (api.config.ts, which local.config.ts extends for `npm start`), so the schema, the manifest and
 * the database name are declared once. `-c project=FILE#EXPORT` picks another module (the tests
 * deploy the generic fixture API this way; any offline configuration is also an API configuration).
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ApiConfig } from '../../platform/project/api-config.js';
import { InfraConfigError } from '../errors.js';
import type { ApiProject } from '../stage.js';

/** Roam's project configuration module and export. */
export const DEFAULT_PROJECT = 'api.config.ts#api';

/** Turns a project configuration into what the stacks need, paths resolved against `rootDir`. */
export function toApiProject(config: ApiConfig, rootDir: string): ApiProject {
  return {
    schemaFile: path.resolve(rootDir, config.schemaFile),
    manifest: config.manifest,
    databaseName: config.database.name,
    queryDepthLimit: config.queryDepthLimit,
    resolverCountLimit: config.resolverCountLimit,
    environment: config.environment,
    introspection: config.introspection,
  };
}

/**
 * Imports `FILE#EXPORT` (relative to `rootDir`) and returns its project.
 * @throws InfraConfigError when the module or the export is missing
 */
export async function loadProject(rootDir: string, spec: string = DEFAULT_PROJECT): Promise<ApiProject> {
  const [file = '', exportName = 'config'] = spec.split('#');
  const module = (await import(pathToFileURL(path.resolve(rootDir, file)).href)) as Record<string, unknown>;
  const config = module[exportName] as ApiConfig | undefined;
  if (!config || typeof config !== 'object' || !('manifest' in config)) {
    throw new InfraConfigError([`${file} has no project configuration export named '${exportName}'`]);
  }
  return toApiProject(config, rootDir);
}
