import { isScalarType, type GraphQLSchema } from 'graphql';
import { appSyncScalars } from './registry.js';

/**
 * Gives the AppSync scalars of a schema built from SDL (`buildSchema`, which makes every custom
 * scalar a pass-through) AppSync's parsing and serialization. The schema's own scalar objects are
 * updated in place, so types, fields and validation all see the change. Returns the schema.
 * @example
 * const schema = attachAppSyncScalars(buildSchema(`${builtins}\n${schemaText}`));
 */
export function attachAppSyncScalars(schema: GraphQLSchema): GraphQLSchema {
  for (const [name, implementation] of Object.entries(appSyncScalars)) {
    const type = schema.getType(name);
    if (!type || !isScalarType(type)) continue;
    type.serialize = implementation.serialize;
    type.parseValue = implementation.parseValue;
    type.parseLiteral = implementation.parseLiteral;
    type.description ??= implementation.description;
  }
  return schema;
}
