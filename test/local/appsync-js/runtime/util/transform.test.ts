// util.transform: DynamoDB filter/condition expressions (JSON strings), OpenSearch DSL, and
// toSubscriptionFilter's group shapes.
import { describe, expect, it } from 'vitest';
import { freshRuntime } from '../modules.js';

const { transform } = freshRuntime().util;
const filter = (input: unknown) => JSON.parse(transform.toDynamoDBFilterExpression(input));

describe('toDynamoDBFilterExpression / toDynamoDBConditionExpression', () => {
  it('answers a JSON string with the documented example', () => {
    expect(transform.toDynamoDBFilterExpression({ title: { contains: 'Hello World' } })).toBe(
      '{"expression":"(contains(#title,:title_contains))","expressionNames":{"#title":"title"},"expressionValues":{":title_contains":{"S":"Hello World"}}}',
    );
    expect(transform.toDynamoDBConditionExpression({ and: [{ id: { attributeExists: false } }] })).toBe(
      '{"expression":"(attribute_not_exists(#id))","expressionNames":{"#id":"id"},"expressionValues":{}}',
    );
  });

  it('writes comparisons, functions, between, in, size and attributeType', () => {
    expect(filter({ a: { ne: 'x' }, b: { ge: 1, le: 5 } }).expression).toBe('(#a <> :a_ne) AND ((#b >= :b_ge) AND (#b <= :b_le))');
    expect(filter({ v: { notContains: 'x' } }).expression).toBe('(NOT contains(#v,:v_notContains))');
    expect(filter({ v: { beginsWith: 'x' } }).expression).toBe('(begins_with(#v,:v_beginsWith))');
    expect(filter({ v: { between: [1, 9] } })).toEqual({
      expression: '(#v BETWEEN :v_between_start AND :v_between_end)',
      expressionNames: { '#v': 'v' },
      expressionValues: { ':v_between_start': { N: 1 }, ':v_between_end': { N: 9 } },
    });
    expect(filter({ v: { in: ['a', 'b'] } }).expression).toBe('(#v IN (:v_in_0, :v_in_1))');
    expect(filter({ v: { size: { gt: 2, lt: 5 } } }).expression).toBe('((size(#v) > :v_size_gt) AND (size(#v) < :v_size_lt))');
    expect(filter({ v: { attributeType: 'stringSet' } }).expressionValues).toEqual({ ':v_attributeType': { S: 'SS' } });
    expect(filter({ v: { eq: null } }).expressionValues).toEqual({ ':v_eq': { NULL: null } });
  });

  it('names values after their nesting and groups and/or/not', () => {
    expect(filter({ or: [{ and: [{ a: { eq: 1 } }, { b: { eq: 2 } }] }, { c: { eq: 3 } }] }).expression).toBe(
      '(((#a = :or_0_and_0_a_eq) AND (#b = :or_0_and_1_b_eq)) OR (#c = :or_1_c_eq))',
    );
    expect(filter({ and: [{ a: { eq: 1 } }] }).expression).toBe('(#a = :and_0_a_eq)');
    expect(filter({ not: { not: { a: { eq: 1 } } } }).expression).toBe('(NOT (NOT (#a = :not_not_a_eq)))');
    expect(filter({ a: { eq: 1 }, and: [{ b: { eq: 2 } }] }).expression).toBe('(#a = :a_eq) AND (#b = :and_0_b_eq)');
  });

  it('keeps AWS quirks for empty parts', () => {
    expect(filter({})).toEqual({ expression: '', expressionNames: {}, expressionValues: {} });
    expect(filter({ v: { in: [] } }).expression).toBe('(null)');
    expect(filter({ a: { eq: 1 }, b: {} }).expression).toBe('(#a = :a_eq) AND ');
    expect(filter({ not: {} }).expression).toBe('(NOT )');
  });

  it.each([
    null,
    [],
    'string',
    { v: { foo: 1 } },
    { v: 'x' },
    { and: { a: { eq: 1 } } },
    { and: [null] },
    { not: [{ a: { eq: 1 } }] },
    { v: { between: [1] } },
    { v: { in: 'x' } },
    { v: { attributeExists: 'yes' } },
    { v: { attributeType: 'S' } },
    { v: { size: 3 } },
  ])('answers null for %j', (input) => {
    expect(transform.toDynamoDBFilterExpression(input)).toBeNull();
  });
});

describe('toElasticsearchQueryDSL', () => {
  it('produces the documented example', () => {
    const query = JSON.parse(
      transform.toElasticsearchQueryDSL({ upvotes: { ne: 15, range: [10, 20] }, title: { eq: 'hihihi', wildcard: 'h*i' } }),
    );
    expect(query).toEqual({
      bool: {
        must: [
          { bool: { must: [{ bool: { must_not: { term: { upvotes: 15 } } } }, { range: { upvotes: { gte: 10, lte: 20 } } }] } },
          { bool: { must: [{ term: { title: 'hihihi' } }, { wildcard: { title: 'h*i' } }] } },
        ],
      },
    });
  });

  it('maps or, not, exists and the text operators', () => {
    const query = JSON.parse(
      transform.toElasticsearchQueryDSL({
        or: [{ a: { match: 'x' } }, { b: { matchPhrase: 'y z' } }],
        not: { c: { exists: true } },
        d: { gt: 1 },
      }),
    );
    expect(query).toEqual({
      bool: {
        must: [
          { bool: { should: [{ match: { a: 'x' } }, { match_phrase: { b: 'y z' } }] } },
          { bool: { must_not: { exists: { field: 'c' } } } },
          { range: { d: { gt: 1 } } },
        ],
      },
    });
    expect(() => transform.toElasticsearchQueryDSL({ a: { near: 1 } })).toThrow('unsupported operator "near" on a');
  });
});

describe('toSubscriptionFilter', () => {
  const f = (fieldName: string, operator: string, value: unknown) => ({ fieldName, operator, value });

  it('multiplies alternatives out into groups, in AWS order', () => {
    const result = transform.toSubscriptionFilter({
      percentageUp: { lte: 50, gte: 20 },
      and: [{ title: { ne: 'Book1' } }, { downvotes: { gt: 2000 } }],
      or: [{ author: { eq: 'Admin' } }, { isPublished: { eq: false } }],
    });
    const tail = [f('title', 'ne', 'Book1'), f('downvotes', 'gt', 2000)];
    expect(result).toEqual({
      filterGroup: [
        { filters: [f('percentageUp', 'lte', 50), ...tail, f('author', 'eq', 'Admin')] },
        { filters: [f('percentageUp', 'lte', 50), ...tail, f('isPublished', 'eq', false)] },
        { filters: [f('percentageUp', 'gte', 20), ...tail, f('author', 'eq', 'Admin')] },
        { filters: [f('percentageUp', 'gte', 20), ...tail, f('isPublished', 'eq', false)] },
      ],
    });
  });

  it('drops ignored fields at any depth and adds rules as alternatives', () => {
    expect(transform.toSubscriptionFilter({ a: { eq: 1 }, and: [{ b: { eq: 2 } }] }, ['b'])).toEqual({
      filterGroup: [{ filters: [f('a', 'eq', 1)] }],
    });
    expect(transform.toSubscriptionFilter({ a: { eq: 1 } }, [], { r1: { gte: 250 }, r2: { eq: 'p' } })).toEqual({
      filterGroup: [{ filters: [f('a', 'eq', 1), f('r1', 'gte', 250)] }, { filters: [f('a', 'eq', 1), f('r2', 'eq', 'p')] }],
    });
    expect(transform.toSubscriptionFilter({}, [], { r1: { eq: 1 } })).toEqual({ filterGroup: [{ filters: [f('r1', 'eq', 1)] }] });
  });

  it('carries operators as written, keeps dotted paths and reads not as a field', () => {
    expect(
      transform.toSubscriptionFilter({ 'loc.addr.country': { eq: 'USA' }, t: { containsAny: ['x', 'y'] }, n: { between: [1, 9] } }),
    ).toEqual({
      filterGroup: [{ filters: [f('loc.addr.country', 'eq', 'USA'), f('t', 'containsAny', ['x', 'y']), f('n', 'between', [1, 9])] }],
    });
    expect(transform.toSubscriptionFilter({ not: { a: { eq: 1 } } })).toEqual({ filterGroup: [{ filters: [f('not', 'a', { eq: 1 })] }] });
  });

  it('answers no group for empty filters and null for unreadable ones', () => {
    expect(transform.toSubscriptionFilter({})).toEqual({ filterGroup: [] });
    expect(transform.toSubscriptionFilter({ a: {} })).toEqual({ filterGroup: [] });
    expect(transform.toSubscriptionFilter({ and: [] })).toEqual({ filterGroup: [] });
    for (const unreadable of [null, undefined, [], '{"a":{"eq":1}}']) expect(transform.toSubscriptionFilter(unreadable)).toBeNull();
  });
});
