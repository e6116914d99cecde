/**
 * Stage 5 for subscriptions: the `start` of a realtime subscription. The one root field, its
 * variables and arguments, then its resolver, which checks the field's directives and may refuse
 * or set the enhanced and invalidation filters
 * (https://docs.aws.amazon.com/appsync/latest/devguide/aws-appsync-real-time-enhanced-filtering.html).
 */
import {
  getArgumentValues,
  getVariableValues,
  GraphQLError,
  Kind,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLResolveInfo,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type DocumentNode,
} from 'graphql';
import type { SubscriptionFilter } from '../../../appsync-js/runtime/types.js';
import type { RequestState } from '../execute/request-state.js';
import { variableErrorEntry } from '../execute/variable-errors.js';
import { fieldErrorEntry } from '../../shared/format.js';
import type { OperationApi, OperationStage, StageResult } from './types.js';
import { AppSyncErrorTypes } from '../../shared/error-types.js';

const refuse = (errorType: string, message: string, errorCode?: number): StageResult => ({
  done: { kind: 'refused', errors: [errorCode === undefined ? { errorType, message } : { errorType, message, errorCode }] },
});

/** The one root field of a subscription operation, through fragments. */
function rootField(set: SelectionSetNode, fragments: Record<string, FragmentDefinitionNode>): FieldNode | undefined {
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) return selection;
    const inner = selection.kind === Kind.INLINE_FRAGMENT ? selection.selectionSet : fragments[selection.name.value]?.selectionSet;
    const found = inner ? rootField(inner, fragments) : undefined;
    if (found) return found;
  }
  return undefined;
}

/**
 * A number per parsed document, for the shape key: the same query text gives the same (cached)
 * document, and the key no longer holds a copy of the query per subscription.
 */
const documentNumbers = new WeakMap<DocumentNode, number>();
let documentsNumbered = 0;
function documentNumber(document: DocumentNode): number {
  let number = documentNumbers.get(document);
  if (number === undefined) documentNumbers.set(document, (number = documentsNumbered += 1));
  return number;
}

/** One set per field, shared by its subscriptions: 10,000 of them need not hold 10,000 copies. */
const mutationsByField = new WeakMap<GraphQLField<unknown, unknown>, ReadonlySet<string>>();

/** `@aws_subscribe(mutations: [...])` on a Subscription field. */
export function subscribedMutations(field: GraphQLField<unknown, unknown>): ReadonlySet<string> {
  const cached = mutationsByField.get(field);
  if (cached) return cached;
  const directive = field.astNode?.directives?.find((candidate) => candidate.name.value === 'aws_subscribe');
  const list = directive?.arguments?.find((argument) => argument.name.value === 'mutations')?.value;
  const mutations = new Set(
    list?.kind === Kind.LIST ? list.values.flatMap((value) => (value.kind === Kind.STRING ? [value.value] : [])) : [],
  );
  mutationsByField.set(field, mutations);
  return mutations;
}

/**
 * The subscriber's argument filter: arguments written in the operation only (omitted ones do not
 * filter), with a variable the client left out counting as null.
 */
function argumentFilter(node: FieldNode, coerced: Record<string, unknown>): Record<string, unknown> {
  const filter: Record<string, unknown> = {};
  for (const argument of node.arguments ?? []) {
    const name = argument.name.value;
    filter[name] = name in coerced ? coerced[name] : null;
  }
  return filter;
}

function fragmentsOf(document: DocumentNode): Record<string, FragmentDefinitionNode> {
  return Object.fromEntries(
    document.definitions.flatMap((definition) =>
      definition.kind === Kind.FRAGMENT_DEFINITION ? [[definition.name.value, definition]] : [],
    ),
  );
}

/** What the bound resolver reads of `info` when it runs at `start`. */
function resolveInfo(
  api: OperationApi,
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
  node: FieldNode,
  field: GraphQLField<unknown, unknown>,
  variables: Record<string, unknown>,
): GraphQLResolveInfo {
  const subscription = api.schema.getSubscriptionType();
  return {
    fieldName: field.name,
    fieldNodes: [node],
    returnType: field.type,
    parentType: subscription as NonNullable<typeof subscription>,
    path: { prev: undefined, key: (node.alias ?? node.name).value, typename: 'Subscription' },
    schema: api.schema,
    fragments,
    rootValue: null,
    operation,
    variableValues: variables,
  };
}

export function useSubscriptionStart(api: OperationApi): OperationStage {
  return {
    name: 'subscription start',
    async run(context) {
      const { document, operation, state, caller, params } = context;
      if (!document || !operation || !state || !caller) throw new Error('a subscription start needs the stages before it');
      const fragments = fragmentsOf(document);
      const node = rootField(operation.selectionSet, fragments);
      const field = node ? api.schema.getSubscriptionType()?.getFields()[node.name.value] : undefined;
      if (!node || !field) return refuse(AppSyncErrorTypes.UNSUPPORTED_OPERATION, 'unknown not supported through the realtime channel');

      const coercedVariables = getVariableValues(api.schema, operation.variableDefinitions ?? [], params.variables);
      if (coercedVariables.errors) return { done: { kind: 'refused', errors: coercedVariables.errors.map(variableErrorEntry) } };
      const variables = coercedVariables.coerced;
      let args: Record<string, unknown>;
      try {
        args = getArgumentValues(field, node, variables);
      } catch (error) {
        if (!(error instanceof GraphQLError)) throw error;
        return refuse(AppSyncErrorTypes.BAD_REQUEST, error.message, 400);
      }
      try {
        // The bound resolver checks the field's directives, then runs the manifest's resolver if any.
        await field.resolve?.(null, args, state, resolveInfo(api, operation, fragments, node, field, variables));
      } catch (error) {
        if (!(error instanceof GraphQLError)) throw error;
        const entry = fieldErrorEntry(error);
        const unauthorized = entry.errorType === AppSyncErrorTypes.UNAUTHORIZED_FIELD;
        return refuse(entry.errorType ?? AppSyncErrorTypes.BAD_REQUEST, entry.message, unauthorized ? 401 : 400);
      }
      // The last call wins, across the pipeline's handlers.
      const last = (pick: (effect: RequestState['effects'][number]) => unknown) =>
        (state.effects.map(pick).filter(Boolean).at(-1) ?? null) as SubscriptionFilter | null;
      const groups = caller.identity && 'groups' in caller.identity ? caller.identity.groups : null;
      return {
        done: {
          kind: 'subscribed',
          subscription: {
            fieldName: field.name,
            mutations: subscribedMutations(field),
            document,
            operationName: params.operationName,
            variables,
            argumentFilter: argumentFilter(node, args),
            filter: last((effect) => effect.subscriptionFilter),
            invalidationFilter: last((effect) => effect.subscriptionInvalidationFilter),
            caller,
            shapeKey: JSON.stringify([documentNumber(document), params.operationName ?? null, variables, caller.mode, groups]),
          },
        },
      };
    },
  };
}
