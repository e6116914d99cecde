// Loads the schema exactly as local tools see it (AppSync built-ins + schema.graphql) and the
// client operation documents, for the schema tests.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSchema, parse, type DocumentNode, type GraphQLSchema } from 'graphql';

/** Repository root. */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** Paths, relative to the repository root, that the tests read. */
export const paths = {
  builtins: 'platform/graphql/appsync-builtins.graphql',
  schema: 'schema.graphql',
  operations: 'client/operations',
  generated: 'generated',
} as const;

/** Reads a repository file as UTF-8. */
export function readRepoFile(relativePath: string): string {
  return readFileSync(join(repoRoot, relativePath), 'utf8');
}

/** The source of the deployed schema document (schema.graphql only). */
export function schemaSource(): string {
  return readRepoFile(paths.schema);
}

/**
 * The merged schema: AppSync's built-ins followed by schema.graphql (or the given variant of it,
 * which tests use to show a check fails), built by graphql-js.
 */
export function loadSchema(source?: string): GraphQLSchema {
  if (source !== undefined) return buildSchema(`${readRepoFile(paths.builtins)}\n${source}`);
  cachedSchema ??= buildSchema(`${readRepoFile(paths.builtins)}\n${schemaSource()}`);
  return cachedSchema;
}

/** The committed schema, built once per test file (graphql-js schemas are immutable). */
let cachedSchema: GraphQLSchema | undefined;

/** One client operation file, parsed. */
export interface OperationFile {
  readonly name: string;
  readonly source: string;
  readonly document: DocumentNode;
}

/** Every client/operations/*.graphql file, in name order. */
export function loadOperationFiles(): OperationFile[] {
  const dir = join(repoRoot, paths.operations);
  return readdirSync(dir)
    .filter((name) => name.endsWith('.graphql'))
    .sort()
    .map((name) => {
      const source = readFileSync(join(dir, name), 'utf8');
      return { name, source, document: parse(source) };
    });
}

/** All client operation files as one document: fragments are shared across files, as codegen sees them. */
export function loadOperationsDocument(): DocumentNode {
  const files = loadOperationFiles();
  return { kind: files[0]!.document.kind, definitions: files.flatMap((file) => file.document.definitions) };
}
