import { getNamedType, GraphQLError, isObjectType, type GraphQLSchema } from 'graphql';

const NON_NULL = /^Cannot return null for non-nullable field (\w+)\.(\w+)\.$/;

/**
 * graphql-java's wording of a non-null violation, which AppSync shows:
 * "Cannot return null for non-nullable type: 'AWSDateTime' within parent 'Todo' (/newTodo/created)"
 *. Other errors come back unchanged.
 */
export function nonNullInAppSyncWords(error: GraphQLError, schema: GraphQLSchema): GraphQLError {
  const nonNull = NON_NULL.exec(error.message);
  if (!nonNull) return error;
  const parent = schema.getType(nonNull[1] ?? '');
  const field = parent && isObjectType(parent) ? parent.getFields()[nonNull[2] ?? ''] : undefined;
  const typeName = field ? getNamedType(field.type).name : nonNull[2];
  const message = `Cannot return null for non-nullable type: '${typeName}' within parent '${nonNull[1]}' (/${(error.path ?? []).join('/')})`;
  return new GraphQLError(message, { nodes: error.nodes, path: error.path });
}
