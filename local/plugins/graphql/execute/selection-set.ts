import { Kind, print, type FieldNode, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';

/**
 * `ctx.info.selectionSetList`: every selected path under the field, flat ("author", "author/id"),
 * named by alias where one is given, with fragments (named and inline) merged in, each path once.
 */
export function selectionSetList(fieldNodes: readonly FieldNode[], fragments: Record<string, FragmentDefinitionNode>): string[] {
  const paths = new Set<string>();
  const walk = (set: SelectionSetNode | undefined, prefix: string, seen: ReadonlySet<string>): void => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FIELD) {
        const path = prefix + (selection.alias ?? selection.name).value;
        paths.add(path);
        walk(selection.selectionSet, `${path}/`, seen);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        walk(selection.selectionSet, prefix, seen);
      } else if (!seen.has(selection.name.value)) {
        walk(fragments[selection.name.value]?.selectionSet, prefix, new Set([...seen, selection.name.value]));
      }
    }
  };
  for (const node of fieldNodes) walk(node.selectionSet, '', new Set());
  return [...paths];
}

/**
 * `ctx.info.selectionSetGraphQL`: the field's sub-selection printed as GraphQL text; inline
 * fragments stay, named fragments stay as spreads. Empty for leaves.
 */
export function selectionSetGraphQL(fieldNodes: readonly FieldNode[]): string {
  const sets = fieldNodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));
  if (sets.length === 0) return '';
  const merged: SelectionSetNode = { kind: Kind.SELECTION_SET, selections: sets.flatMap((set) => set.selections) };
  return print(merged);
}
