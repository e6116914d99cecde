import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildSchema, isObjectType, type GraphQLSchema } from 'graphql';
import type { AllowedMode } from '../auth/field-rules.js';
import { attachAppSyncScalars } from '../scalars/index.js';
import { authorizedResolver, manifestResolver } from './field-resolver.js';
import type { FieldRunner } from './field-runners.js';

const BUILTINS_FILE = fileURLToPath(new URL('../appsync-builtins.graphql', import.meta.url));

/** AppSync's own scalar and directive declarations, which a deployed schema leaves out. */
export function readAppSyncBuiltins(): string {
  return readFileSync(BUILTINS_FILE, 'utf8');
}

/** Builds a schema as AppSync reads it: the API's SDL plus AppSync's built-ins, with its scalars. */
export function buildAppSyncSchema(schemaText: string): GraphQLSchema {
  return attachAppSyncScalars(buildSchema(`${readAppSyncBuiltins()}\n${schemaText}`));
}

/**
 * Gives every field of the schema its resolver: the manifest's runner where there is one, the
 * default property read elsewhere, each behind the directive check. Mutates `schema`.
 */
export function bindResolvers(schema: GraphQLSchema, runners: ReadonlyMap<string, FieldRunner>, rules: Map<string, AllowedMode[]>, env: Record<string, string>): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const runner = runners.get(`${type.name}.${field.name}`);
      field.resolve = authorizedResolver(rules, runner ? manifestResolver(runner, env) : undefined);
    }
  }
  return schema;
}
