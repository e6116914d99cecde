import {
  getArgumentValues,
  getOperationAST,
  getVariableValues,
  GraphQLError,
  Kind,
  type FieldNode,
  type GraphQLField,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type DocumentNode,
  type FragmentDefinitionNode,
} from 'graphql';
import type { SubscriptionFilter } from '../../appsync-js/runtime/types.js';
import { authenticate } from '../graphql/auth/authenticate.js';
import type { AuthMode, Authenticator, Caller } from '../graphql/auth/types.js';
import { GraphqlLimits } from '../graphql/constants.js';
import { AppSyncHttpError } from '../graphql/errors.js';
import { createRequestState, type RequestState } from '../graphql/execute/request-state.js';
import { variableErrorEntry } from '../graphql/execute/variable-errors.js';
import { fieldErrorEntry } from '../graphql/format.js';
import type { ValidatedDocument } from '../graphql/validation/validate-document.js';
import { toHeaders } from './auth-headers.js';
import { RealtimeErrorTypes } from './constants.js';
import type { RealtimeErrorEntry } from './subscription.js';

/** The API a start message is checked against (read afresh per start: watch mode swaps it). */
export interface RealtimeApi {
  schema: GraphQLSchema;
  validate: (query: string) => ValidatedDocument;
  authenticators: readonly Authenticator[];
  defaultMode: AuthMode;
}

/** The socket's facts a start needs. */
export interface StartContext {
  /** The handshake's auth headers: used when a start carries none [inf]. */
  connectionHeaders: Record<string, string>;
  sourceIp: string[];
}

/** A subscription ready to register, or the errors of its `error` frame. */
export type StartOutcome =
  | {
      ok: true;
      fieldName: string;
      mutations: Set<string>;
      document: DocumentNode;
      operationName: string | undefined;
      variables: Record<string, unknown>;
      argumentFilter: Record<string, unknown>;
      filter: SubscriptionFilter | null;
      invalidationFilter: SubscriptionFilter | null;
      caller: Caller;
      shapeKey: string;
    }
  | { ok: false; errors: RealtimeErrorEntry[] };

const refuse = (errorType: string, message: string, errorCode?: number): StartOutcome => ({
  ok: false,
  errors: [errorCode === undefined ? { errorType, message } : { errorType, message, errorCode }],
});

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The start payload's `data`: a JSON string of `{ query, variables, operationName }`. */
function parseData(data: unknown): { query: string; variables: Record<string, unknown>; operationName: string | undefined } | undefined {
  if (typeof data !== 'string') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(data);
  } catch {
    return undefined;
  }
  if (!isRecord(parsed) || typeof parsed.query !== 'string') return undefined;
  const variables = isRecord(parsed.variables) ? parsed.variables : {};
  const operationName = typeof parsed.operationName === 'string' ? parsed.operationName : undefined;
  return { query: parsed.query, variables, operationName };
}

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

/** `@aws_subscribe(mutations: [...])` on a Subscription field. */
export function subscribedMutations(field: GraphQLField<unknown, unknown>): Set<string> {
  const directive = field.astNode?.directives?.find((candidate) => candidate.name.value === 'aws_subscribe');
  const list = directive?.arguments?.find((argument) => argument.name.value === 'mutations')?.value;
  return new Set(list?.kind === Kind.LIST ? list.values.flatMap((value) => (value.kind === Kind.STRING ? [value.value] : [])) : []);
}

/**
 * The subscriber's argument filter (§E4): arguments written in the operation only (omitted ones
 * do not filter), with a variable the client left out counting as null.
 */
function argumentFilter(node: FieldNode, coerced: Record<string, unknown>): Record<string, unknown> {
  const filter: Record<string, unknown> = {};
  for (const argument of node.arguments ?? []) {
    const name = argument.name.value;
    filter[name] = name in coerced ? coerced[name] : null;
  }
  return filter;
}

/**
 * The operation's own auth (`extensions.authorization`, the header JSON of §E1); IAM signs
 * `POST https://<host>/graphql` over the `data` string.
 */
async function authenticateStart(api: RealtimeApi, context: StartContext, authorization: unknown, data: string): Promise<{ caller: Caller; headers: Headers } | RealtimeErrorEntry> {
  const values = isRecord(authorization)
    ? Object.fromEntries(Object.entries(authorization).filter((entry): entry is [string, string] => typeof entry[1] === 'string'))
    : context.connectionHeaders;
  const headers = toHeaders(values);
  const host = headers.get('host') ?? 'localhost';
  try {
    const caller = await authenticate(api.authenticators, api.defaultMode, headers, { sourceIp: context.sourceIp, body: data, url: `https://${host}/graphql`, method: 'POST' });
    return { caller, headers };
  } catch (error) {
    if (error instanceof AppSyncHttpError) return { errorType: error.errorType, message: error.message, errorCode: error.status };
    throw error;
  }
}

function fragmentsOf(document: DocumentNode): Record<string, FragmentDefinitionNode> {
  return Object.fromEntries(document.definitions.flatMap((definition) => (definition.kind === Kind.FRAGMENT_DEFINITION ? [[definition.name.value, definition]] : [])));
}

/** What the bound resolver reads of `info` when it runs at `start`. */
function resolveInfo(api: RealtimeApi, operation: OperationDefinitionNode, fragments: Record<string, FragmentDefinitionNode>, node: FieldNode, field: GraphQLField<unknown, unknown>, variables: Record<string, unknown>): GraphQLResolveInfo {
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

/**
 * Checks and prepares one `start` (reference/appsync.md §E2, §E4, §E5): the payload, the
 * operation's own auth, validation, the operation type, variables, the field's directives, and
 * the field's resolver, which may refuse or set the enhanced and invalidation filters.
 */
export async function prepareStart(api: RealtimeApi, context: StartContext, payload: unknown): Promise<StartOutcome> {
  const body = isRecord(payload) ? payload : {};
  const params = parseData(body.data);
  if (!params) return refuse(RealtimeErrorTypes.BAD_REQUEST, 'The start payload needs data: a JSON string of { query, variables }.', 400);
  const extensions = isRecord(body.extensions) ? body.extensions : {};
  const authenticated = await authenticateStart(api, context, extensions.authorization, body.data as string);
  if (!('caller' in authenticated)) return { ok: false, errors: [authenticated] };
  const { caller } = authenticated;

  const validated = api.validate(params.query);
  if (!validated.ok) return { ok: false, errors: validated.errors };
  const operation = getOperationAST(validated.document, params.operationName);
  if (!operation) return refuse(RealtimeErrorTypes.BAD_REQUEST, 'The document has no operation of that name.', 400);
  if (operation.operation !== 'subscription') return refuse(RealtimeErrorTypes.UNSUPPORTED_OPERATION, `${operation.operation} not supported through the realtime channel`);
  const document = validated.document;
  const fragments = fragmentsOf(document);
  const node = rootField(operation.selectionSet, fragments);
  const field = node ? api.schema.getSubscriptionType()?.getFields()[node.name.value] : undefined;
  if (!node || !field) return refuse(RealtimeErrorTypes.UNSUPPORTED_OPERATION, 'unknown not supported through the realtime channel');

  const coercedVariables = getVariableValues(api.schema, operation.variableDefinitions ?? [], params.variables);
  if (coercedVariables.errors) return { ok: false, errors: coercedVariables.errors.map(variableErrorEntry) };
  const variables = coercedVariables.coerced;
  let args: Record<string, unknown>;
  try {
    args = getArgumentValues(field, node, variables);
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    return refuse(RealtimeErrorTypes.BAD_REQUEST, error.message, 400);
  }
  const info = resolveInfo(api, operation, fragments, node, field, variables);
  const state: RequestState = createRequestState({
    requestId: crypto.randomUUID(),
    caller,
    headers: Object.fromEntries(authenticated.headers),
    deadline: Date.now() + GraphqlLimits.REQUEST_TIMEOUT_MS,
    maxResolverCount: GraphqlLimits.MAX_RESOLVER_COUNT,
  });
  try {
    // The bound resolver checks the field's directives, then runs the manifest's resolver if any.
    await field.resolve?.(null, args, state, info);
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    const entry = fieldErrorEntry(error);
    const unauthorized = entry.errorType === 'Unauthorized';
    return { ok: false, errors: [{ errorType: entry.errorType ?? RealtimeErrorTypes.BAD_REQUEST, message: entry.message, errorCode: unauthorized ? 401 : 400 }] };
  }
  // The last call wins, across the pipeline's handlers.
  const last = (pick: (effect: RequestState['effects'][number]) => unknown) => (state.effects.map(pick).filter(Boolean).at(-1) ?? null) as SubscriptionFilter | null;
  return {
    ok: true,
    fieldName: field.name,
    mutations: subscribedMutations(field),
    document,
    operationName: params.operationName,
    variables,
    argumentFilter: argumentFilter(node, args),
    filter: last((effect) => effect.subscriptionFilter),
    invalidationFilter: last((effect) => effect.subscriptionInvalidationFilter),
    caller,
    shapeKey: JSON.stringify([params.query, params.operationName ?? null, variables, caller.mode, caller.identity && 'groups' in caller.identity ? caller.identity.groups : null]),
  };
}
