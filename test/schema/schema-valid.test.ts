// schema.graphql is a valid AppSync schema: it builds with the AppSync built-ins, declares none of
// them itself, uses only AppSync's scalars, and documents every type and field.
import {
  Kind,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isScalarType,
  parse,
  validateSchema,
  type GraphQLNamedType,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { loadSchema, paths, readRepoFile, schemaSource } from './load.js';

const APPSYNC_SCALARS = ['AWSDate', 'AWSDateTime', 'AWSEmail', 'AWSIPAddress', 'AWSJSON', 'AWSPhone', 'AWSTime', 'AWSTimestamp', 'AWSURL'];
const GRAPHQL_SCALARS = ['Boolean', 'Float', 'ID', 'Int', 'String'];
/** AppSync's limit on the schema document. */
const MAX_SCHEMA_BYTES = 1024 * 1024;

function userTypes(): GraphQLNamedType[] {
  return Object.values(loadSchema().getTypeMap()).filter((type) => !type.name.startsWith('__'));
}

describe('schema.graphql with the AppSync built-ins', () => {
  it('builds and validates with graphql-js', () => {
    const schema = loadSchema();
    expect(validateSchema(schema).map((error) => error.message)).toEqual([]);
    expect(schema.getQueryType()?.name).toBe('Query');
    expect(schema.getMutationType()?.name).toBe('Mutation');
    expect(schema.getSubscriptionType()?.name).toBe('Subscription');
  });

  it('declares no scalar or directive of its own (AppSync refuses redeclared built-ins and custom scalars)', () => {
    const kinds = parse(schemaSource()).definitions.map((definition) => definition.kind);
    expect(kinds).not.toContain(Kind.SCALAR_TYPE_DEFINITION);
    expect(kinds).not.toContain(Kind.DIRECTIVE_DEFINITION);
  });

  it('uses only GraphQL and AppSync scalars, and names no type of its own with the AWS prefix', () => {
    const scalars = userTypes()
      .filter(isScalarType)
      .map((type) => type.name)
      .sort();
    expect(scalars).toEqual([...APPSYNC_SCALARS, ...GRAPHQL_SCALARS].sort());
    const ownTypeNames = parse(schemaSource()).definitions.flatMap((definition) =>
      'name' in definition && definition.name ? [definition.name.value] : [],
    );
    expect(ownTypeNames.filter((name) => name.startsWith('AWS'))).toEqual([]);
  });

  it('stays under AppSync’s 1 MB schema limit', () => {
    expect(Buffer.byteLength(schemaSource())).toBeLessThan(MAX_SCHEMA_BYTES);
  });

  it('documents every type, field, argument, input field and enum value (the playground shows them)', () => {
    const undocumented: string[] = [];
    for (const type of userTypes()) {
      if (GRAPHQL_SCALARS.includes(type.name)) continue;
      if (!type.description) undocumented.push(type.name);
      if (isObjectType(type) || isInterfaceType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) undocumented.push(`${type.name}.${field.name}`);
          for (const arg of field.args) {
            if (!arg.description) undocumented.push(`${type.name}.${field.name}(${arg.name})`);
          }
        }
      }
      if (isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) undocumented.push(`${type.name}.${field.name}`);
        }
      }
      if (isEnumType(type)) {
        for (const value of type.getValues()) {
          if (!value.description) undocumented.push(`${type.name}.${value.name}`);
        }
      }
    }
    expect(undocumented).toEqual([]);
  });
});

describe('the AppSync built-ins file', () => {
  // Locations as AppSync's own exported SDL declares them.
  const expectedDirectives: Record<string, { locations: string[]; args: Record<string, string> }> = {
    aws_api_key: { locations: ['FIELD_DEFINITION', 'OBJECT'], args: {} },
    aws_iam: { locations: ['FIELD_DEFINITION', 'INPUT_OBJECT', 'OBJECT'], args: {} },
    aws_oidc: { locations: ['FIELD_DEFINITION', 'OBJECT'], args: {} },
    aws_lambda: { locations: ['FIELD_DEFINITION', 'OBJECT'], args: {} },
    aws_cognito_user_pools: {
      locations: ['FIELD_DEFINITION', 'INPUT_OBJECT', 'OBJECT'],
      args: { cognito_groups: '[String]' },
    },
    aws_auth: { locations: ['FIELD_DEFINITION'], args: { cognito_groups: '[String]' } },
    aws_subscribe: { locations: ['FIELD_DEFINITION'], args: { mutations: '[String]' } },
    aws_publish: { locations: ['FIELD_DEFINITION'], args: { subscriptions: '[String]' } },
  };

  it('declares exactly AppSync’s nine scalars', () => {
    const declared = parse(readRepoFile(paths.builtins))
      .definitions.filter((definition) => definition.kind === Kind.SCALAR_TYPE_DEFINITION)
      .map((definition) => definition.name.value)
      .sort();
    expect(declared).toEqual(APPSYNC_SCALARS);
  });

  it.each(Object.entries(expectedDirectives))('declares @%s with AppSync’s locations and arguments', (name, expected) => {
    const directive = loadSchema().getDirective(name);
    expect(directive).toBeDefined();
    expect([...directive!.locations].sort()).toEqual(expected.locations);
    expect(Object.fromEntries(directive!.args.map((arg) => [arg.name, String(arg.type)]))).toEqual(expected.args);
    expect(directive!.isRepeatable).toBe(false);
  });

  it('declares no directive beyond AppSync’s', () => {
    const declared = parse(readRepoFile(paths.builtins))
      .definitions.filter((definition) => definition.kind === Kind.DIRECTIVE_DEFINITION)
      .map((definition) => definition.name.value)
      .sort();
    expect(declared).toEqual(Object.keys(expectedDirectives).sort());
  });
});
