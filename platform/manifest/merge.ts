import { ManifestError } from './errors.js';
import type { ResolverManifest } from './types.js';

/** A slice of a manifest: a project may declare its resolvers in several files, one per area. */
export type ManifestPart = { readonly [K in keyof ResolverManifest]?: ResolverManifest[K] };

/**
 * Joins manifest parts into one manifest. A name declared in two parts is an error (naming both
 * the section and the name), never a silent override.
 */
export function mergeManifests(...parts: readonly ManifestPart[]): ResolverManifest {
  const sections = ['dataSources', 'lambdaFunctions', 'functions', 'resolvers', 'schedules'] as const;
  const merged: Record<(typeof sections)[number], Record<string, unknown>> = {
    dataSources: {},
    lambdaFunctions: {},
    functions: {},
    resolvers: {},
    schedules: {},
  };
  const problems: string[] = [];
  for (const part of parts) {
    for (const section of sections) {
      for (const [name, entry] of Object.entries(part[section] ?? {})) {
        if (name in merged[section]) problems.push(`${section}.${name} is declared in two manifest parts`);
        merged[section][name] = entry;
      }
    }
  }
  if (problems.length > 0) throw new ManifestError(problems);
  return merged as unknown as ResolverManifest;
}
