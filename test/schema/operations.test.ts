// The client operation documents (client/operations/*.graphql) validate against the schema, cover
// every root field, and let subscribers receive every field they select: AppSync publishes only
// what the mutation's caller selected, so each document of a publishing mutation
// must select at least what the subscription document asks for.
import {
  Kind,
  parse,
  valueFromASTUntyped,
  validate,
  type DocumentNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { loadOperationFiles, loadOperationsDocument, loadSchema } from './load.js';

function operations(document: DocumentNode): OperationDefinitionNode[] {
  return document.definitions.filter((node): node is OperationDefinitionNode => node.kind === Kind.OPERATION_DEFINITION);
}

function fragments(document: DocumentNode): Map<string, FragmentDefinitionNode> {
  const map = new Map<string, FragmentDefinitionNode>();
  for (const node of document.definitions) if (node.kind === Kind.FRAGMENT_DEFINITION) map.set(node.name.value, node);
  return map;
}

/** The operation's single root field name. */
function rootFieldOf(operation: OperationDefinitionNode): string {
  const [selection] = operation.selectionSet.selections;
  if (operation.selectionSet.selections.length !== 1 || selection?.kind !== Kind.FIELD) {
    throw new Error(`${operation.name?.value} must select exactly one root field`);
  }
  return selection.name.value;
}

/** Every field path a selection set reaches (`hotel.name`, `total.amount`), fragments expanded. */
function selectedPaths(
  selectionSet: SelectionSetNode | undefined,
  fragmentMap: Map<string, FragmentDefinitionNode>,
  prefix = '',
): Set<string> {
  const paths = new Set<string>();
  for (const selection of selectionSet?.selections ?? []) {
    if (selection.kind === Kind.FIELD) {
      const path = `${prefix}${selection.alias?.value ?? selection.name.value}`;
      paths.add(path);
      for (const child of selectedPaths(selection.selectionSet, fragmentMap, `${path}.`)) paths.add(child);
    } else {
      const inner = selection.kind === Kind.FRAGMENT_SPREAD ? fragmentMap.get(selection.name.value)?.selectionSet : selection.selectionSet;
      for (const child of selectedPaths(inner, fragmentMap, prefix)) paths.add(child);
    }
  }
  return paths;
}

/** The paths an operation selects under its root field. */
function rootSelection(operation: OperationDefinitionNode, fragmentMap: Map<string, FragmentDefinitionNode>): Set<string> {
  const field = operation.selectionSet.selections[0];
  return field?.kind === Kind.FIELD ? selectedPaths(field.selectionSet, fragmentMap) : new Set();
}

describe('client operation documents', () => {
  it('validate against the schema, all files together (fragments are shared across files)', () => {
    const errors = validate(loadSchema(), loadOperationsDocument());
    expect(errors.map((error) => error.message)).toEqual([]);
  });

  it.each(loadOperationFiles().map((file) => [file.name, file]))('%s holds named operations only', (_name, file) => {
    for (const operation of operations(file.document)) expect(operation.name?.value).toMatch(/^[A-Z]\w+$/);
  });

  it('have unique operation names', () => {
    const names = operations(loadOperationsDocument()).map((operation) => operation.name!.value);
    expect(new Set(names).size).toBe(names.length);
  });

  it('use every Query, Mutation and Subscription field at least once', () => {
    const schema = loadSchema();
    const used = new Set(operations(loadOperationsDocument()).map((operation) => `${operation.operation}.${rootFieldOf(operation)}`));
    const roots = [
      ['query', schema.getQueryType()!],
      ['mutation', schema.getMutationType()!],
      ['subscription', schema.getSubscriptionType()!],
    ] as const;
    const unused = roots
      .flatMap(([kind, type]) => Object.keys(type.getFields()).map((name) => `${kind}.${name}`))
      .filter((name) => !used.has(name));
    expect(unused).toEqual([]);
  });

  it('select in every publishing mutation at least what the subscription selects', () => {
    expect(publishingGaps(loadOperationsDocument())).toEqual([]);
  });

  it('would report a publishing mutation that does not select a subscription filter field', () => {
    const source = loadOperationFiles()
      .map((file) => file.source)
      .join('\n');
    const withoutUserId = source.replace(
      'fragment BookingFields on Booking {\n  id\n  userId\n',
      'fragment BookingFields on Booking {\n  id\n',
    );
    expect(withoutUserId).not.toBe(source);
    expect(publishingGaps(parse(withoutUserId))).toEqual([
      'CreateBooking lacks onBookingUpdated → userId',
      'CancelBooking lacks onBookingUpdated → userId',
      'CompleteStay lacks onBookingUpdated → userId',
    ]);
  });
});

/**
 * For each subscription document, the fields it selects (and its filter arguments) that some
 * client document of a publishing mutation does not select.
 */
function publishingGaps(document: DocumentNode): string[] {
  const schema = loadSchema();
  const fragmentMap = fragments(document);
  const all = operations(document);
  const missing: string[] = [];
  for (const subscription of all.filter((operation) => operation.operation === 'subscription')) {
    const field = schema.getSubscriptionType()!.getFields()[rootFieldOf(subscription)]!;
    const directive = field.astNode?.directives?.find((node) => node.name.value === 'aws_subscribe');
    const argument = directive?.arguments?.find((arg) => arg.name.value === 'mutations');
    const publishers = argument ? (valueFromASTUntyped(argument.value) as string[]) : [];
    if (publishers.length === 0) missing.push(`${field.name} has no publishing mutation`);
    const wanted = rootSelection(subscription, fragmentMap);
    // The subscription's filter arguments are compared with the published result's fields.
    for (const arg of field.args) wanted.add(arg.name);
    for (const mutationName of publishers) {
      const documents = all.filter((operation) => operation.operation === 'mutation' && rootFieldOf(operation) === mutationName);
      if (documents.length === 0) missing.push(`no client document for ${mutationName}`);
      for (const mutation of documents) {
        const selected = rootSelection(mutation, fragmentMap);
        for (const path of wanted) if (!selected.has(path)) missing.push(`${mutation.name!.value} lacks ${field.name} → ${path}`);
      }
    }
  }
  return missing;
}
