import { buildSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { MalformedRequestError } from '../../../../local/plugins/shared/errors.js';
import { createDocumentValidator } from '../../../../local/plugins/graphql/validation/validate-document.js';

const schema = buildSchema(/* GraphQL */ `
  type Query {
    hotel(id: ID!): Hotel
    name: String
  }
  type Hotel {
    id: ID!
    rooms: [Room]
  }
  type Room {
    id: ID!
    beds: Int
  }
`);

describe('Function: createDocumentValidator', () => {
  const validateQuery = createDocumentValidator(schema);

  it('accepts a valid operation', () => {
    expect(validateQuery('{ hotel(id: "1") { id rooms { beds } } }').ok).toBe(true);
  });

  it.each([
    [
      'an unknown field',
      '{ badfield }',
      "Validation error of type FieldUndefined: Field 'badfield' in type 'Query' is undefined @ 'badfield'",
    ],
    [
      'an unknown nested field',
      '{ hotel(id: "1") { rooms { nope } } }',
      "Validation error of type FieldUndefined: Field 'nope' in type 'Room' is undefined @ 'hotel/rooms/nope'",
    ],
    ['an unknown type', 'query($t: AWSTimestamp) { name }', 'Validation error of type UnknownType: Unknown type AWSTimestamp'],
    [
      'a missing sub-selection',
      '{ hotel(id: "1") }',
      "Validation error of type SubSelectionRequired: Sub selection required for type Hotel of field hotel @ 'hotel'",
    ],
    [
      'a sub-selection on a leaf',
      '{ name { x } }',
      "Validation error of type SubSelectionNotAllowed: Sub selection not allowed on leaf type String of field name @ 'name'",
    ],
    ['an unknown argument', '{ name(x: 1) }', "Validation error of type UnknownArgument: Unknown field argument x @ 'name'"],
    ['a missing argument', '{ hotel { id } }', "Validation error of type MissingFieldArgument: Missing field argument id @ 'hotel'"],
  ])('names %s as graphql-java does', (_what, query, message) => {
    // Act
    const result = validateQuery(query);
    // Assess
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]).toEqual({ path: null, locations: [expect.objectContaining({ sourceName: null })], message });
  });

  it('refuses a query it cannot parse as a malformed request', () => {
    expect(() => validateQuery('{ hotel(')).toThrow(MalformedRequestError);
    expect(() => validateQuery('{ hotel(')).toThrow('Unable to parse GraphQL query.');
  });

  it('enforces a query depth limit when one is set', () => {
    const limited = createDocumentValidator(schema, { queryDepthLimit: 2 });
    expect(limited('{ hotel(id: "1") { id } }').ok).toBe(true);
    const result = limited('{ hotel(id: "1") { rooms { id } } }');
    expect(result.ok ? [] : result.errors.map((e) => e.message)).toEqual([
      'Validation error of type DepthLimit: Query depth 3 exceeds the maximum depth of 2',
    ]);
  });

  it('refuses introspection when it is turned off, and only then', () => {
    expect(validateQuery('{ __schema { queryType { name } } }').ok).toBe(true);
    const closed = createDocumentValidator(schema, { introspection: false });
    expect(closed('{ __schema { queryType { name } } }').ok).toBe(false);
    expect(closed('{ __type(name: "Hotel") { name } }').ok).toBe(false);
    expect(closed('{ name }').ok).toBe(true);
  });
});

describe('AppSync scalars in validation', () => {
  const scalarSchema = buildSchema(/* GraphQL */ `
    scalar AWSDateTime
    type Query {
      events(after: AWSDateTime): [String]
    }
  `);
  it('names a literal of the wrong type as graphql-java does', async () => {
    const { attachAppSyncScalars } = await import('../../../../local/plugins/graphql/scalars/index.js');
    const validateQuery = createDocumentValidator(attachAppSyncScalars(scalarSchema));
    const result = validateQuery('{ events(after: "2019") }');
    expect(result.ok ? [] : result.errors.map((e) => e.message)).toEqual([
      "Validation error of type WrongType: argument 'after' with value 'StringValue{value='2019'}' is not a valid 'AWSDateTime' @ 'events'",
    ]);
  });
});
