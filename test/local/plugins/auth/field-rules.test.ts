import { buildSchema, type GraphQLObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { fieldAuthRules, isFieldAllowed } from '../../../../local/plugins/auth/field-rules.js';
import type { Caller } from '../../../../local/plugins/auth/types.js';

const directives = /* GraphQL */ `
  directive @aws_api_key on FIELD_DEFINITION | OBJECT
  directive @aws_iam on FIELD_DEFINITION | OBJECT
  directive @aws_cognito_user_pools(cognito_groups: [String]) on FIELD_DEFINITION | OBJECT
  directive @aws_auth(cognito_groups: [String]) on FIELD_DEFINITION
`;
const schema = buildSchema(`${directives}
  type Query {
    plain: String
    open: Hotel @aws_api_key @aws_cognito_user_pools
    partnersOnly: String @aws_iam @aws_cognito_user_pools(cognito_groups: ["partners"])
    legacy: String @aws_auth(cognito_groups: ["admins"])
  }
  type Hotel @aws_api_key { id: ID!, secret: String @aws_iam }
`);

const apiKey: Caller = { mode: 'API_KEY', identity: null };
const user = (groups: string[] | null): Caller => ({
  mode: 'AMAZON_COGNITO_USER_POOLS',
  identity: { sub: 's', issuer: 'i', username: 'u', claims: {}, sourceIp: [], defaultAuthStrategy: 'ALLOW', groups },
});
const iam: Caller = { mode: 'AWS_IAM', identity: null };

function allowed(typeName: string, fieldName: string, caller: Caller): boolean {
  const type = schema.getType(typeName) as GraphQLObjectType;
  return isFieldAllowed(fieldAuthRules(schema, 'AMAZON_COGNITO_USER_POOLS'), type, type.getFields()[fieldName]!, caller);
}

describe('Function: isFieldAllowed', () => {
  it.each([
    ['a field with no directive admits the default mode only', 'Query', 'plain', user(null), true],
    ['... and refuses the API key', 'Query', 'plain', apiKey, false],
    ['field directives admit each listed mode', 'Query', 'open', apiKey, true],
    ['... including the default mode when listed', 'Query', 'open', user(null), true],
    ['... and no other mode', 'Query', 'open', iam, false],
    ['a group-limited field refuses users outside the group', 'Query', 'partnersOnly', user(['travellers']), false],
    ['... admits members', 'Query', 'partnersOnly', user(['partners']), true],
    ['... and IAM, listed beside it', 'Query', 'partnersOnly', iam, true],
    ['legacy @aws_auth limits user pool groups', 'Query', 'legacy', user(['admins']), true],
    ['... and refuses others', 'Query', 'legacy', user(['partners']), false],
    ['a type directive covers its fields', 'Hotel', 'id', apiKey, true],
    ['a type directive drops the implied default mode', 'Hotel', 'id', user(null), false],
    ['a field directive replaces the type directive', 'Hotel', 'secret', apiKey, false],
    ['... with its own modes', 'Hotel', 'secret', iam, true],
  ])('%s', (_rule, typeName, fieldName, caller, expected) => {
    expect(allowed(typeName, fieldName, caller)).toBe(expected);
  });
});

describe('Function: fieldAuthRules', () => {
  it('gives a field without directives the default mode of the API, whatever it is', () => {
    expect(fieldAuthRules(schema, 'API_KEY').get('Query.plain')).toEqual([{ mode: 'API_KEY' }]);
    expect(fieldAuthRules(schema, 'AWS_IAM').get('Query.plain')).toEqual([{ mode: 'AWS_IAM' }]);
  });
});
