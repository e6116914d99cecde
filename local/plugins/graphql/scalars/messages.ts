import { BREAK, GraphQLError, Kind, visit, type ASTNode, type DocumentNode, type ValueNode } from 'graphql';
import { AppSyncScalarError } from './errors.js';
import { printJavaValue } from './java-ast.js';

function scalarCause(error: GraphQLError): AppSyncScalarError | undefined {
  if (error instanceof AppSyncScalarError) return error;
  const cause = error.originalError;
  if (cause instanceof AppSyncScalarError) return cause;
  return cause instanceof GraphQLError ? scalarCause(cause) : undefined;
}

/**
 * AppSync's text for a variable an AppSync scalar refused, from the error graphql-js's
 * `getVariableValues` reports: `Variable 'phone' has an invalid value. Unable to parse
 * \`1110004444\` as a valid phone number.` graphql-java names the innermost input field, not the
 * variable, when the bad value sits inside an input object (amplify-flutter#822).
 * @returns `undefined` when the error is not about an AppSync scalar in a variable
 */
export function scalarVariableMessage(error: GraphQLError): string | undefined {
  const cause = scalarCause(error);
  const definition = error.nodes?.[0];
  if (!cause || cause.phase !== 'parse' || definition?.kind !== Kind.VARIABLE_DEFINITION) return undefined;
  // graphql-js prints the path inside the variable as `at "input.phones[1]"`.
  const at = /^Variable "\$[^"]+" got invalid value .* at "([^"]+)"; /s.exec(error.message)?.[1];
  const innermost = at ? /([^.[\]]+)(?:\[\d+\])*$/.exec(at)?.[1] : undefined;
  return `Variable '${innermost ?? definition.variable.name.value}' has an invalid value. ${cause.message}`;
}

/** The path of `target` inside `value`, starting from `prefix`: `.field` per object field, `[i]` per list item. */
function pathWithin(value: ValueNode, target: ASTNode, prefix: string): string | undefined {
  if (value === target) return prefix;
  if (value.kind === Kind.OBJECT) {
    for (const field of value.fields) {
      const found = pathWithin(field.value, target, `${prefix}.${field.name.value}`);
      if (found !== undefined) return found;
    }
  }
  if (value.kind === Kind.LIST) {
    for (const [index, item] of value.values.entries()) {
      const found = pathWithin(item, target, `${prefix}[${index}]`);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/** Where a value literal sits: the argument path (`input.createdAt`) and the field path (`a/b`). */
function locateLiteral(document: DocumentNode, target: ASTNode): { argument: string; field: string } | undefined {
  const fields: string[] = [];
  let found: { argument: string; field: string } | undefined;
  visit(document, {
    Field: { enter: (node) => void fields.push(node.name.value), leave: () => void fields.pop() },
    Argument(node) {
      const argument = pathWithin(node.value, target, node.name.value);
      if (argument === undefined) return false;
      found = { argument, field: fields.join('/') };
      return BREAK;
    },
  });
  return found;
}

/**
 * graphql-java's WrongType text for a literal argument value of the wrong type, as AppSync shows
 * it: `argument 'x.createdAt' with value 'StringValue{value='2019'}' is not a valid 'AWSDateTime'`.
 * Prefix it with `Validation error of type WrongType: ` and suffix ` @ 'field/path'` as for the
 * other validation errors. Works for the errors graphql-js's ValuesOfCorrectTypeRule reports
 * about any scalar or enum, not only AppSync's.
 * @returns `undefined` when the error does not point at a value inside an argument
 */
export function wrongTypeArgumentMessage(error: GraphQLError, document: DocumentNode): string | undefined {
  const node = error.nodes?.[0];
  if (!node || !('kind' in node)) return undefined;
  const typeName = scalarCause(error)?.scalar ?? /^Expected value of type "([^"]+)"/.exec(error.message)?.[1];
  const where = locateLiteral(document, node);
  if (!typeName || !where) return undefined;
  return `argument '${where.argument}' with value '${printJavaValue(node as ValueNode)}' is not a valid '${typeName.replace(/!$/, '')}'`;
}

/**
 * AppSync's text for a resolver value an AppSync scalar cannot serialize:
 * `Can't serialize value (/syncOrders/items[32]/orderDate) : Unable to serialize \`…\` as a valid DateTime Object.`
 * @returns `undefined` when the error is not about serializing an AppSync scalar
 */
export function scalarSerializeMessage(error: GraphQLError): string | undefined {
  const cause = scalarCause(error);
  if (!cause || cause.phase !== 'serialize' || !error.path) return undefined;
  const path = error.path.map((key) => (typeof key === 'number' ? `[${key}]` : `/${key}`)).join('');
  return `Can't serialize value (${path}) : ${cause.message}`;
}
