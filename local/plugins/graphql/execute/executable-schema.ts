import { isObjectType, type GraphQLSchema } from 'graphql';
import { buildAppSyncSchemaDefinition } from '../../../../platform/graphql/schema.js';
import type { AllowedMode } from '../../auth/field-rules.js';
import { attachAppSyncScalars } from '../scalars/index.js';
import { authorizedResolver, manifestResolver } from './field-resolver.js';
import type { FieldRunner } from './field-runners.js';

/** Builds a schema as AppSync reads it: the API's SDL plus AppSync's built-ins, with its scalars. */
export function buildAppSyncSchema(schemaText: string): GraphQLSchema {
  return attachAppSyncScalars(buildAppSyncSchemaDefinition(schemaText));
}

/**
 * Gives every field of the schema its resolver: the manifest's runner where there is one, the
 * default property read elsewhere, each behind the directive check. Mutates `schema`.
 */
export function bindResolvers(
  schema: GraphQLSchema,
  runners: ReadonlyMap<string, FieldRunner>,
  rules: Map<string, AllowedMode[]>,
  env: Record<string, string>,
): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const runner = runners.get(`${type.name}.${field.name}`);
      field.resolve = authorizedResolver(rules, runner ? manifestResolver(runner, env) : undefined);
    }
  }
  return schema;
}
