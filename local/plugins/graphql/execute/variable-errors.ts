import type { GraphQLError } from 'graphql';
import type { AppSyncErrorEntry } from '../../shared/format.js';
import { scalarVariableMessage } from '../scalars/index.js';
import { validationErrorEntry } from '../validation/validate-document.js';

/**
 * graphql-java's wording for a variable that could not be coerced:
 * "Variable 'id' has coerced Null value for NonNull type 'ID!'" and
 * "Variable 'phone' has an invalid value. Unable to parse ...".
 */
export function variableErrorEntry(error: GraphQLError): AppSyncErrorEntry {
  const scalar = scalarVariableMessage(error);
  if (scalar) return validationErrorEntry(scalar, error);
  const missing = /^Variable "\$(\w+)" of (?:required|non-null) type "([^"]+)" (?:was not provided|must not be null)\.$/.exec(
    error.message,
  );
  if (missing) return validationErrorEntry(`Variable '${missing[1]}' has coerced Null value for NonNull type '${missing[2]}'`, error);
  const invalid = /^Variable "\$(\w+)" got invalid value [\s\S]*?; ([\s\S]*)$/.exec(error.message);
  if (invalid) return validationErrorEntry(`Variable '${invalid[1]}' has an invalid value. ${invalid[2]}`, error);
  return validationErrorEntry(error.message, error);
}
