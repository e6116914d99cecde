import { isObjectType, type ConstDirectiveNode, type GraphQLField, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import type { AuthMode, Caller } from './types.js';

/** One mode a field admits, with the Cognito groups it is limited to (none: any user). */
export interface AllowedMode {
  readonly mode: AuthMode;
  readonly groups?: readonly string[];
}

const DIRECTIVE_MODES: Record<string, AuthMode> = {
  aws_api_key: 'API_KEY',
  aws_iam: 'AWS_IAM',
  aws_oidc: 'OPENID_CONNECT',
  aws_lambda: 'AWS_LAMBDA',
  aws_cognito_user_pools: 'AMAZON_COGNITO_USER_POOLS',
  aws_auth: 'AMAZON_COGNITO_USER_POOLS',
};

function modesFromDirectives(directives: readonly ConstDirectiveNode[] | undefined): AllowedMode[] {
  const modes: AllowedMode[] = [];
  for (const directive of directives ?? []) {
    const mode = DIRECTIVE_MODES[directive.name.value];
    if (!mode) continue;
    const groupsArgument = directive.arguments?.find((argument) => argument.name.value === 'cognito_groups');
    const groups =
      groupsArgument?.value.kind === 'ListValue'
        ? groupsArgument.value.values.flatMap((value) => (value.kind === 'StringValue' ? [value.value] : []))
        : undefined;
    modes.push(groups ? { mode, groups } : { mode });
  }
  return modes;
}

/**
 * The modes each field admits, by AppSync's rules: a field's directives
 * replace its type's; a type or field with none gets only the default mode; once any directive is
 * present the default mode is not implied.
 */
export function fieldAuthRules(schema: GraphQLSchema, defaultMode: AuthMode): Map<string, AllowedMode[]> {
  const rules = new Map<string, AllowedMode[]>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    const typeModes = modesFromDirectives(type.astNode?.directives);
    for (const field of Object.values(type.getFields())) {
      const fieldModes = modesFromDirectives(field.astNode?.directives);
      const modes = fieldModes.length > 0 ? fieldModes : typeModes;
      rules.set(`${type.name}.${field.name}`, modes.length > 0 ? modes : [{ mode: defaultMode }]);
    }
  }
  return rules;
}

/** Whether `caller` may read `type.field`; groups come from the token's `cognito:groups`. */
export function isFieldAllowed(
  rules: Map<string, AllowedMode[]>,
  type: GraphQLObjectType,
  field: GraphQLField<unknown, unknown>,
  caller: Caller,
): boolean {
  const modes = rules.get(`${type.name}.${field.name}`);
  if (!modes) return true; // introspection types carry no rules
  return modes.some((allowed) => {
    if (allowed.mode !== caller.mode) return false;
    if (!allowed.groups) return true;
    const groups = caller.identity && 'groups' in caller.identity ? (caller.identity.groups ?? []) : [];
    return allowed.groups.some((group) => groups.includes(group));
  });
}

/** AppSync's field-level refusal message. */
export function unauthorizedFieldMessage(typeName: string, fieldName: string): string {
  return `Not Authorized to access ${fieldName} on type ${typeName}`;
}
