import { buildSchema, execute, parse, validate, type ExecutionResult, type GraphQLError } from 'graphql';
import {
  APPSYNC_SCALAR_NAMES,
  attachAppSyncScalars,
  scalarSerializeMessage,
  scalarVariableMessage,
  wrongTypeArgumentMessage,
  type AppSyncScalarName,
} from '../../../../../local/plugins/graphql/scalars/index.js';

// The scalars are declared inline here; the server declares them in appsync-builtins.graphql.
const schemaText = `
${APPSYNC_SCALAR_NAMES.map((name) => `scalar ${name}`).join('\n')}
input PhoneBook { phone: AWSPhone, phones: [AWSPhone] }
type Query {
${APPSYNC_SCALAR_NAMES.map((name) => `  echo${name}(v: ${name}): ${name}\n  seen${name}(v: ${name}): String\n  out${name}(raw: String): ${name}`).join('\n')}
  book(input: PhoneBook): String
}
`;

/** A schema with one echo, one "what did the resolver see" and one output field per scalar. */
export const schema = attachAppSyncScalars(buildSchema(schemaText));

const rootValue = new Proxy(
  {},
  {
    get: (_target, field: string) => (args: { v?: unknown; raw?: string; input?: unknown }) => {
      if (field.startsWith('echo')) return args.v;
      if (field.startsWith('seen')) return JSON.stringify(args.v);
      if (field.startsWith('out')) return args.raw === undefined ? null : JSON.parse(args.raw);
      return JSON.stringify(args.input);
    },
  },
);

/** Result of one operation, with errors in AppSync's words. */
export interface Outcome {
  data: Record<string, unknown> | null | undefined;
  messages: string[];
}

function appSyncMessages(errors: readonly GraphQLError[], document: ReturnType<typeof parse>, validation: boolean): string[] {
  return errors.map((error) => {
    if (validation) {
      const text = wrongTypeArgumentMessage(error, document);
      return text ? `Validation error of type WrongType: ${text}` : error.message;
    }
    return scalarVariableMessage(error) ?? scalarSerializeMessage(error) ?? error.message;
  });
}

/** Validates and executes `query` the way the server does, answering with AppSync's messages. */
export function run(query: string, variables: Record<string, unknown> = {}): Outcome {
  const document = parse(query);
  const validationErrors = validate(schema, document);
  if (validationErrors.length > 0) return { data: null, messages: appSyncMessages(validationErrors, document, true) };
  const result = execute({ schema, document, rootValue, variableValues: variables }) as ExecutionResult;
  return { data: result.data as Outcome['data'], messages: appSyncMessages(result.errors ?? [], document, false) };
}

/** `{ echoX(v: $v) }` with the value as a variable. */
export function echoVariable(scalar: AppSyncScalarName, value: unknown): Outcome {
  return run(`query Q($v: ${scalar}) { echo${scalar}(v: $v) }`, { v: value });
}

/** `{ echoX(v: <literal>) }` with the value written in the query. */
export function echoLiteral(scalar: AppSyncScalarName, literal: string): Outcome {
  return run(`{ echo${scalar}(v: ${literal}) }`);
}

/** `{ outX }` where the resolver returns `value`. */
export function output(scalar: AppSyncScalarName, value: unknown): Outcome {
  return run(`query Q($raw: String) { out${scalar}(raw: $raw) }`, { raw: JSON.stringify(value) });
}
