// AppSync's auth-directive rules, read statically from the
// schema so tests can state which modes each field allows:
//   - a field's own auth directives replace its type's; with none on either, the default mode applies;
//   - once any directive is present the default mode is not implied;
//   - @aws_cognito_user_pools(cognito_groups) and legacy @aws_auth(cognito_groups) limit user pools
//     to those groups.
import {
  getNamedType,
  isObjectType,
  valueFromASTUntyped,
  type ConstDirectiveNode,
  type GraphQLField,
  type GraphQLObjectType,
} from 'graphql';

/** Roam's default auth mode. */
export const DEFAULT_MODE = 'AMAZON_COGNITO_USER_POOLS';

/** Directive name → AppSync auth mode. */
const MODE_BY_DIRECTIVE: Readonly<Record<string, string>> = {
  aws_api_key: 'API_KEY',
  aws_iam: 'AWS_IAM',
  aws_oidc: 'OPENID_CONNECT',
  aws_lambda: 'AWS_LAMBDA',
  aws_cognito_user_pools: 'AMAZON_COGNITO_USER_POOLS',
  aws_auth: 'AMAZON_COGNITO_USER_POOLS',
};

/**
 * One allowed mode as text: `API_KEY`, `AWS_IAM`, `AMAZON_COGNITO_USER_POOLS`, or with groups
 * `AMAZON_COGNITO_USER_POOLS[partners]`.
 */
export type AuthRule = string;

function rulesOf(directives: readonly ConstDirectiveNode[] | undefined): AuthRule[] {
  const rules: AuthRule[] = [];
  for (const directive of directives ?? []) {
    const mode = MODE_BY_DIRECTIVE[directive.name.value];
    if (mode === undefined) continue;
    const groupsArg = directive.arguments?.find((arg) => arg.name.value === 'cognito_groups');
    const groups = groupsArg ? (valueFromASTUntyped(groupsArg.value) as string[] | null) : null;
    rules.push(groups && groups.length > 0 ? `${mode}[${[...groups].sort().join(',')}]` : mode);
  }
  return rules.sort();
}

/** The modes allowed on `type.field`, after inheritance. */
export function effectiveRules(type: GraphQLObjectType, field: GraphQLField<unknown, unknown>): AuthRule[] {
  const own = rulesOf(field.astNode?.directives);
  if (own.length > 0) return own;
  const inherited = rulesOf(type.astNode?.directives);
  return inherited.length > 0 ? inherited : [DEFAULT_MODE];
}

function parseRule(rule: AuthRule): { mode: string; groups: string[] | null } {
  const match = /^([A-Z_]+)(?:\[(.*)\])?$/.exec(rule);
  if (!match) throw new Error(`not an auth rule: ${rule}`);
  return { mode: match[1]!, groups: match[2] === undefined ? null : match[2].split(',') };
}

/**
 * True when every caller admitted by `callerRule` is also admitted by one of `allowed`: same mode,
 * and for user pools, no group limit or one that includes all the caller's groups.
 */
export function admits(allowed: readonly AuthRule[], callerRule: AuthRule): boolean {
  const caller = parseRule(callerRule);
  return allowed.some((rule) => {
    const candidate = parseRule(rule);
    if (candidate.mode !== caller.mode) return false;
    if (candidate.groups === null) return true;
    return caller.groups !== null && caller.groups.every((group) => candidate.groups!.includes(group));
  });
}

/** A field reachable from a root field that refuses some caller the root field admits. */
export interface AuthGap {
  readonly root: string;
  readonly field: string;
  readonly callerRule: AuthRule;
  readonly allowed: AuthRule[];
}

/**
 * Walks every object field reachable from `Root.field` and reports those that refuse a mode the root
 * field allows: AppSync checks each resolved field, so such a caller would get
 * "Not Authorized to access <field> on type <Type>" part way down the response.
 */
export function findAuthGaps(root: GraphQLObjectType, rootFieldName: string): AuthGap[] {
  const rootField = root.getFields()[rootFieldName];
  if (!rootField) throw new Error(`${root.name}.${rootFieldName} does not exist`);
  const callerRules = effectiveRules(root, rootField);
  const gaps: AuthGap[] = [];
  const seen = new Set<string>();
  const queue = [getNamedType(rootField.type)];
  while (queue.length > 0) {
    const type = queue.shift()!;
    if (!isObjectType(type) || seen.has(type.name)) continue;
    seen.add(type.name);
    for (const field of Object.values(type.getFields())) {
      const allowed = effectiveRules(type, field);
      for (const callerRule of callerRules) {
        if (!admits(allowed, callerRule)) {
          gaps.push({ root: `${root.name}.${rootFieldName}`, field: `${type.name}.${field.name}`, callerRule, allowed });
        }
      }
      queue.push(getNamedType(field.type));
    }
  }
  return gaps;
}
