import { execute, GraphQLError, type DocumentNode, type ExecutionResult, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { nonNullInAppSyncWords } from './non-null-message.js';
import type { GraphqlParams } from '../request/parse-request.js';
import { fieldErrorEntry, type AppSyncErrorEntry } from '../../shared/format.js';
import type { RequestState } from './request-state.js';
import { variableErrorEntry } from './variable-errors.js';
import { rootFieldResults, type RootFieldResult } from './root-fields.js';
import { AppSyncErrorTypes } from '../../shared/error-types.js';

/** The JSON body of a GraphQL answer: `data`, and `errors` only when there are some. */
export interface GraphqlResponseBody {
  data: Record<string, unknown> | null;
  errors?: AppSyncErrorEntry[];
}

/** What the request ran, for logs and for publishing to subscriptions. */
export interface OperationOutcome {
  body: GraphqlResponseBody;
  /** The root fields that resolved, by schema name with aliases undone (what subscriptions match on). */
  rootFields: RootFieldResult[];
  operationType: 'query' | 'mutation' | 'subscription' | undefined;
  operationName: string | undefined;
}

const TIMED_OUT = Symbol('timed out');

/**
 * Runs one validated query or mutation with AppSync's rules: variables coerced with graphql-java's
 * messages, the request deadline, appended errors after the field errors, every entry in
 * AppSync's shape.
 */
export async function executeDocument(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode | undefined,
  params: GraphqlParams,
  state: RequestState,
): Promise<OperationOutcome> {
  const operationType = operation?.operation;
  const operationName = operation?.name?.value ?? params.operationName;
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), Math.max(0, state.deadline - Date.now()));
  });
  const run = Promise.resolve(
    execute({ schema, document, variableValues: params.variables, operationName: params.operationName, contextValue: state }),
  );
  const result = await Promise.race([run, deadline]).finally(() => clearTimeout(timer));
  if (result === TIMED_OUT) {
    const entry: AppSyncErrorEntry = {
      path: null,
      data: null,
      errorType: AppSyncErrorTypes.EXECUTION_TIMEOUT,
      errorInfo: null,
      locations: [],
      message: 'Execution timed out.',
    };
    return { body: { data: null, errors: [entry] }, rootFields: [], operationType, operationName };
  }
  const body = toBody(result, state, schema);
  const rootFields = operation && body.data ? rootFieldResults(document, operation, body.data) : [];
  return { body, rootFields, operationType, operationName };
}

function toBody(result: ExecutionResult, state: RequestState, schema: GraphQLSchema): GraphqlResponseBody {
  // graphql-js answers bad variables with errors and no `data` at all.
  if (!('data' in result) || result.data === undefined) {
    return { data: null, errors: (result.errors ?? []).map(variableErrorEntry) };
  }
  const errors = [...(result.errors ?? []), ...state.extraErrors].map((error) => fieldErrorEntry(inAppSyncWords(error, schema)));
  return errors.length > 0 ? { data: result.data ?? null, errors } : { data: result.data ?? null };
}

/** AppSync's words for graphql-js's, and an unexpected exception of ours masked, never shown. */
function inAppSyncWords(error: GraphQLError, schema: GraphQLSchema): GraphQLError {
  const worded = nonNullInAppSyncWords(error, schema);
  if (worded !== error) return worded;
  if (error.originalError && !(error.originalError instanceof GraphQLError)) {
    return new GraphQLError('An internal error occurred while resolving this field.', {
      nodes: error.nodes,
      path: error.path,
      originalError: error.originalError,
    });
  }
  return error;
}
