/**
 * The schema as AppSync reads it: the API's SDL plus AppSync's own scalars and directives, which a
 * deployed schema leaves out (AppSync declares them itself). The CDK app validates the manifest
 * against it; the emulator adds its scalar implementations and resolvers on top.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildSchema, type GraphQLSchema } from 'graphql';

const BUILTINS_FILE = fileURLToPath(new URL('./appsync-builtins.graphql', import.meta.url));

/** AppSync's own scalar and directive declarations. */
export function readAppSyncBuiltins(): string {
  return readFileSync(BUILTINS_FILE, 'utf8');
}

/** Builds the API's schema with AppSync's built-ins declared; scalars have no behaviour yet. */
export function buildAppSyncSchemaDefinition(schemaText: string): GraphQLSchema {
  return buildSchema(`${readAppSyncBuiltins()}\n${schemaText}`);
}
