/**
 * A GraphQL Code Generator plugin that prints the schema as AppSync itself holds it: every type,
 * field and directive use, but without declarations of AppSync's built-in scalars and directives
 * (appsync-builtins.graphql). AppSync refuses a schema that redeclares them, and so do the tools
 * that add them on their own, like Amplify's codegen (a second `scalar AWSDate` is an error there).
 */
import { transformSchemaAST } from '@graphql-codegen/schema-ast';
import { Kind, parse, print, type DefinitionNode, type GraphQLSchema } from 'graphql';
import { readAppSyncBuiltins } from './schema.js';

function builtinNames(): Set<string> {
  const names = parse(readAppSyncBuiltins()).definitions.flatMap((definition) =>
    definition.kind === Kind.SCALAR_TYPE_DEFINITION || definition.kind === Kind.DIRECTIVE_DEFINITION ? [definition.name.value] : [],
  );
  return new Set(names);
}

function isBuiltin(definition: DefinitionNode, builtins: Set<string>): boolean {
  return (
    (definition.kind === Kind.SCALAR_TYPE_DEFINITION || definition.kind === Kind.DIRECTIVE_DEFINITION) &&
    builtins.has(definition.name.value)
  );
}

/** The plugin's `plugin` hook: the SDL with the built-ins left out. */
export function plugin(schema: GraphQLSchema): string {
  const builtins = builtinNames();
  const { ast } = transformSchemaAST(schema, { sort: false, includeIntrospectionTypes: false });
  return `${print({ ...ast, definitions: ast.definitions.filter((definition) => !isBuiltin(definition, builtins)) })}\n`;
}

/** The name codegen.ts gives this plugin. */
export const DEPLOYABLE_SDL_PLUGIN = 'roam-deployable-sdl';
