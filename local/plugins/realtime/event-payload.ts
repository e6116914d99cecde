import { buildSchema, execute, isObjectType, printSchema, type DocumentNode, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { fieldAuthRules, type AllowedMode } from '../auth/field-rules.js';
import type { AuthMode, Caller } from '../auth/types.js';
import { authorizedResolver } from '../graphql/execute/field-resolver.js';
import { fieldErrorEntry, type AppSyncErrorEntry } from '../shared/format.js';
import { nonNullInAppSyncWords } from '../graphql/execute/non-null-message.js';

/** A copy of the API's schema whose fields only read the published object, behind the directive check. */
interface EventSchema {
  schema: GraphQLSchema;
}

const eventSchemas = new WeakMap<GraphQLSchema, EventSchema>();

/**
 * AppSync does not run resolvers for an event: the subscriber's selection reads the mutation's
 * result. So events are executed against a copy of the schema whose
 * fields read properties; values arrive already serialized, so custom scalars pass through as they are.
 */
function eventSchemaFor(apiSchema: GraphQLSchema, defaultMode: AuthMode): EventSchema {
  const cached = eventSchemas.get(apiSchema);
  if (cached) return cached;
  const schema = buildSchema(printSchema(apiSchema));
  // Rules come from the API's own schema: printSchema leaves the auth directives out.
  const rules: Map<string, AllowedMode[]> = fieldAuthRules(apiSchema, defaultMode);
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) field.resolve = authorizedResolver(rules);
  }
  const created = { schema };
  eventSchemas.set(apiSchema, created);
  return created;
}

/** What one subscriber receives for one event: `{ data, errors? }` as AppSync words it. */
export interface EventBody {
  data: Record<string, unknown> | null;
  errors?: AppSyncErrorEntry[];
}

/** The subscription operation one subscriber started, as needed to shape its events. */
export interface EventSelection {
  document: DocumentNode;
  operationName: string | undefined;
  variables: Record<string, unknown>;
  fieldName: string;
  caller: Caller;
}

/**
 * Shapes one published value for one subscriber: fields the mutation did not select are null,
 * non-null ones become errors; fields the subscriber may not read are refused as on HTTP.
 */
export function eventBody(apiSchema: GraphQLSchema, defaultMode: AuthMode, selection: EventSelection, value: unknown): EventBody {
  const { schema } = eventSchemaFor(apiSchema, defaultMode);
  const result = execute({
    schema,
    document: selection.document,
    operationName: selection.operationName,
    variableValues: selection.variables,
    rootValue: { [selection.fieldName]: value },
    contextValue: { caller: selection.caller },
  }) as ExecutionResult;
  const errors = (result.errors ?? []).map((error) => fieldErrorEntry(nonNullInAppSyncWords(error, schema)));
  return errors.length > 0 ? { data: result.data ?? null, errors } : { data: result.data ?? null };
}
