import { Kind, type DocumentNode, type FragmentDefinitionNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';

/** One root field of an executed operation, by its schema name, with aliases undone inside its value. */
export interface RootFieldResult {
  fieldName: string;
  value: unknown;
}

type Fragments = ReadonlyMap<string, FragmentDefinitionNode>;

/** The field nodes of a selection set with fragments flattened: [response key, field name, sub-selection]. */
function fieldsOf(set: SelectionSetNode | undefined, fragments: Fragments): [string, string, SelectionSetNode | undefined][] {
  const fields: [string, string, SelectionSetNode | undefined][] = [];
  for (const selection of set?.selections ?? []) {
    if (selection.kind === Kind.FIELD)
      fields.push([(selection.alias ?? selection.name).value, selection.name.value, selection.selectionSet]);
    else if (selection.kind === Kind.INLINE_FRAGMENT) fields.push(...fieldsOf(selection.selectionSet, fragments));
    else fields.push(...fieldsOf(fragments.get(selection.name.value)?.selectionSet, fragments));
  }
  return fields;
}

/** `value` with every aliased key put back under its field name, following the selection. */
function unalias(value: unknown, set: SelectionSetNode | undefined, fragments: Fragments): unknown {
  if (!set || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => unalias(item, set, fragments));
  const source = value as Record<string, unknown>;
  const result: Record<string, unknown> = {};
  for (const [key, name, subSelection] of fieldsOf(set, fragments)) {
    if (key in source) result[name] = unalias(source[key], subSelection, fragments);
  }
  return result;
}

/**
 * The root fields an operation resolved, named as in the schema and with aliases undone, so a
 * mutation's results can be matched to `@aws_subscribe` and published whatever the caller's aliases.
 */
export function rootFieldResults(
  document: DocumentNode,
  operation: OperationDefinitionNode,
  data: Record<string, unknown>,
): RootFieldResult[] {
  const fragments = new Map(document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])));
  return fieldsOf(operation.selectionSet, fragments)
    .filter(([key]) => key in data)
    .map(([key, fieldName, subSelection]) => ({ fieldName, value: unalias(data[key], subSelection, fragments) }));
}
