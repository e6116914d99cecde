import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { isObjectType, type GraphQLSchema } from 'graphql';
import { ManifestLimits, TYPES_NEEDING_RESOLVERS } from './constants.js';
import { ManifestError } from './errors.js';
import type { CachingConfig, ResolverConfig, ResolverManifest } from './types.js';

export interface ValidateOptions {
  /** Check that code and handler files exist, relative to this folder. Omit to skip file checks. */
  readonly rootDir?: string;
  /** Require a resolver on every Query and Mutation field. Only tests of a partial API turn it off. @default true */
  readonly requireRootResolvers?: boolean;
}

/**
 * Every problem that would make AppSync (or CloudFormation) refuse the manifest, or leave a field
 * without a resolver, each naming the entry at fault. An empty list means the manifest is usable.
 */
export function findManifestProblems(manifest: ResolverManifest, schema: GraphQLSchema, options: ValidateOptions = {}): string[] {
  const problems: string[] = [];
  const file = (what: string, path: string | undefined): void => {
    if (options.rootDir !== undefined && path !== undefined && !existsSync(resolve(options.rootDir, path))) {
      problems.push(`${what}: file ${path} does not exist`);
    }
  };
  const dataSource = (what: string, name: string) => {
    const source = manifest.dataSources[name];
    if (!source) problems.push(`${what}: data source "${name}" is not declared`);
    return source;
  };

  for (const [name, source] of Object.entries(manifest.dataSources)) {
    if (source.kind === 'LAMBDA' && !manifest.lambdaFunctions[source.function]) {
      problems.push(`data source ${name}: Lambda function "${source.function}" is not declared`);
    }
  }
  for (const [name, fn] of Object.entries(manifest.lambdaFunctions)) {
    file(`Lambda function ${name}`, fn.handler);
    const mutationType = schema.getMutationType();
    for (const mutation of fn.mutations ?? []) {
      if (!mutationType?.getFields()[mutation]) problems.push(`Lambda function ${name}: the schema has no mutation ${mutation}`);
    }
    if (fn.timeoutSeconds !== undefined && !(fn.timeoutSeconds >= 1 && fn.timeoutSeconds <= ManifestLimits.MAX_LAMBDA_TIMEOUT_SECONDS)) {
      problems.push(`Lambda function ${name}: timeoutSeconds must be 1-${ManifestLimits.MAX_LAMBDA_TIMEOUT_SECONDS}`);
    }
  }
  for (const [name, schedule] of Object.entries(manifest.schedules ?? {})) {
    if (!/^[a-z][a-z0-9-]{0,63}$/.test(name))
      problems.push(`schedule ${name}: the name must be lower-case letters, digits and dashes (at most 64)`);
    if (!manifest.lambdaFunctions[schedule.function])
      problems.push(`schedule ${name}: Lambda function "${schedule.function}" is not declared`);
    if (!(Number.isInteger(schedule.rateMinutes) && schedule.rateMinutes >= 1))
      problems.push(`schedule ${name}: rateMinutes must be a whole number of minutes, 1 or more`);
  }
  for (const [name, fn] of Object.entries(manifest.functions)) {
    file(`function ${name}`, fn.code);
    dataSource(`function ${name}`, fn.dataSource);
  }

  const usedFunctions = new Set<string>();
  for (const [coordinate, resolver] of Object.entries(manifest.resolvers) as [string, ResolverConfig][]) {
    const what = `resolver ${coordinate}`;
    const [typeName, fieldName, extra] = coordinate.split('.');
    const type = typeName ? schema.getType(typeName) : undefined;
    if (extra !== undefined || !typeName || !fieldName) problems.push(`${what}: the key must be Type.field`);
    else if (!type || !isObjectType(type)) problems.push(`${what}: the schema has no object type ${typeName}`);
    else if (!type.getFields()[fieldName]) problems.push(`${what}: type ${typeName} has no field ${fieldName}`);

    if (resolver.caching) problems.push(...cachingProblems(what, resolver.caching));
    if (resolver.kind === 'JS_PIPELINE') {
      file(what, resolver.code);
      if (resolver.functions.length < 1 || resolver.functions.length > ManifestLimits.MAX_PIPELINE_FUNCTIONS) {
        problems.push(`${what}: a pipeline has 1-${ManifestLimits.MAX_PIPELINE_FUNCTIONS} functions, not ${resolver.functions.length}`);
      }
      for (const fn of resolver.functions) {
        usedFunctions.add(fn);
        if (!manifest.functions[fn]) problems.push(`${what}: function "${fn}" is not declared`);
      }
      continue;
    }
    if (resolver.kind === 'JS_UNIT') file(what, resolver.code);
    const source = dataSource(what, resolver.dataSource);
    if (resolver.kind === 'DIRECT_LAMBDA' && source && source.kind !== 'LAMBDA') {
      problems.push(`${what}: a direct Lambda resolver needs a LAMBDA data source, not ${source.kind}`);
    }
    if (resolver.maxBatchSize !== undefined) {
      if (source && source.kind !== 'LAMBDA') problems.push(`${what}: maxBatchSize applies to LAMBDA data sources only`);
      if (!(
        Number.isInteger(resolver.maxBatchSize) &&
        resolver.maxBatchSize >= 0 &&
        resolver.maxBatchSize <= ManifestLimits.MAX_BATCH_SIZE
      )) {
        problems.push(`${what}: maxBatchSize must be an integer 0-${ManifestLimits.MAX_BATCH_SIZE}`);
      }
    }
  }

  for (const name of Object.keys(manifest.functions)) {
    if (!usedFunctions.has(name)) problems.push(`function ${name}: no pipeline uses it`);
  }
  for (const typeName of options.requireRootResolvers === false ? [] : TYPES_NEEDING_RESOLVERS) {
    const type = schema.getType(typeName);
    if (!type || !isObjectType(type)) continue;
    for (const fieldName of Object.keys(type.getFields())) {
      if (!(`${typeName}.${fieldName}` in manifest.resolvers)) problems.push(`field ${typeName}.${fieldName} has no resolver`);
    }
  }
  return problems;
}

function cachingProblems(what: string, caching: CachingConfig): string[] {
  const problems: string[] = [];
  const { MIN_CACHING_TTL_SECONDS: min, MAX_CACHING_TTL_SECONDS: max, MAX_CACHING_KEYS } = ManifestLimits;
  if (!(caching.ttlSeconds >= min && caching.ttlSeconds <= max)) problems.push(`${what}: caching ttlSeconds must be ${min}-${max}`);
  if ((caching.keys?.length ?? 0) > MAX_CACHING_KEYS) problems.push(`${what}: at most ${MAX_CACHING_KEYS} caching keys`);
  return problems;
}

/** Throws one {@link ManifestError} listing every problem, or returns when there is none. */
export function assertValidManifest(manifest: ResolverManifest, schema: GraphQLSchema, options: ValidateOptions = {}): void {
  const problems = findManifestProblems(manifest, schema, options);
  if (problems.length > 0) throw new ManifestError(problems);
}
