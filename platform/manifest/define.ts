import type { ResolverManifest } from './types.js';

/**
 * Declares a manifest with its types checked, keeping the literal keys.
 * @example
 * export const manifest = defineManifest({
 *   dataSources: { none: { kind: 'NONE' } },
 *   lambdaFunctions: {},
 *   functions: {},
 *   resolvers: { 'Query.ping': { kind: 'JS_UNIT', code: 'resolvers/js/Query.ping.ts', dataSource: 'none' } },
 * });
 */
export function defineManifest<const M extends ResolverManifest>(manifest: M): M {
  return manifest;
}
