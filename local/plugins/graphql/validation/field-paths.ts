import { Kind, visit, type ASTNode, type DocumentNode } from 'graphql';

/**
 * The response-style path ("hotel/rooms/id") of every node in a document that sits in a field
 * (the field itself, its arguments and their values), as graphql-java prints it after the `@` of a
 * validation message. Fields inside a fragment are named from the fragment.
 */
export function fieldPaths(document: DocumentNode): Map<ASTNode, string> {
  const paths = new Map<ASTNode, string>();
  const stack: string[] = [];
  visit(document, {
    enter(node) {
      if (node.kind === Kind.FIELD) stack.push(node.name.value);
      if (stack.length > 0) paths.set(node, stack.join('/'));
    },
    leave(node) {
      if (node.kind === Kind.FIELD) stack.pop();
    },
  });
  return paths;
}

/** The path of the field nearest to an error's first node, or "" when it points at no field. */
export function pathOfError(paths: Map<ASTNode, string>, nodes: readonly ASTNode[] | undefined): string {
  for (const node of nodes ?? []) {
    const path = paths.get(node);
    if (path !== undefined) return path;
  }
  return '';
}
