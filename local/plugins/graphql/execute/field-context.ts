import { Kind, type GraphQLResolveInfo } from 'graphql';
import type { FieldContextInput } from '../../../appsync-js/index.js';
import type { RequestState } from './request-state.js';
import { selectionSetGraphQL, selectionSetList } from './selection-set.js';

/**
 * AppSync passes a nullable argument bound to a variable the client left out as an explicit
 * `null`, where graphql-js leaves it absent (aws-appsync-community#348).
 */
function withOmittedVariablesAsNull(args: Record<string, unknown>, info: GraphQLResolveInfo): Record<string, unknown> {
  let result = args;
  for (const argument of info.fieldNodes[0]?.arguments ?? []) {
    const name = argument.name.value;
    if (argument.value.kind === Kind.VARIABLE && !(name in args)) {
      result = { ...result, [name]: null };
    }
  }
  return result;
}

/** The field's part of `ctx`, as the APPSYNC_JS executor and direct Lambda resolvers receive it. */
export function fieldContext(
  source: unknown,
  args: Record<string, unknown>,
  state: RequestState,
  info: GraphQLResolveInfo,
  env: Record<string, string>,
): FieldContextInput {
  return {
    arguments: withOmittedVariablesAsNull(args, info),
    identity: state.caller.identity,
    source: source ?? null,
    request: { headers: state.headers, domainName: null },
    info: {
      fieldName: info.fieldName,
      parentTypeName: info.parentType.name,
      variables: info.variableValues,
      selectionSetList: selectionSetList(info.fieldNodes, info.fragments),
      selectionSetGraphQL: selectionSetGraphQL(info.fieldNodes),
    },
    env,
    authMode: state.caller.mode,
  };
}
