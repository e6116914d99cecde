import { describe, expect, it } from 'vitest';
import { matchesArguments, matchesFilter, matchesSubscriptionFilter } from '../../../../local/plugins/realtime/index.js';

const event = { id: '1', name: 'Ada', score: 7, tags: ['a', 'b'], status: null, owner: { level: 3, team: { name: 'core' } } };
const f = (fieldName: string, operator: string, value: unknown) => ({ fieldName, operator, value });

describe('Enhanced filter operators on values of the wrong type or missing fields', () => {
  it.each([
    [f('score', 'lt', '9'), false], // a number never orders against a string
    [f('name', 'gt', 'Ab'), true], // strings order by code unit
    [f('missing', 'eq', null), true], // an absent field counts as null
    [f('missing', 'ne', 'x'), true],
    [f('missing', 'notContains', 'x'), false], // notContains needs a string or a list to look in
    [f('score', 'contains', 7), false],
    [f('tags', 'notContains', 'c'), true],
    [f('score', 'between', [7, 7]), true], // both ends included
    [f('score', 'between', [1]), false],
    [f('name', 'containsAny', ['Ada', 'Bob']), true], // a scalar field is one element
    [f('owner.team.name', 'beginsWith', 'co'), true],
    [f('owner.level.deeper', 'eq', null), true],
    [f('score', 'notIn', 'not a list'), false],
    [f('score', 'regex', '.*'), false], // an unknown operator matches nothing
    [f('owner', 'eq', { team: { name: 'core' }, level: 3 }), false], // object equality is by JSON text, key order included
  ])('%j gives %s', (filter, expected) => {
    expect(matchesFilter(event, filter)).toBe(expected);
  });

  it('treats a missing or empty filter as matching everything', () => {
    expect(matchesSubscriptionFilter(event, null)).toBe(true);
    expect(matchesSubscriptionFilter(event, { filterGroup: [] })).toBe(true);
    expect(matchesSubscriptionFilter(event, { filterGroup: [{ filters: [] }] })).toBe(true);
  });
});

describe('@aws_subscribe argument equality', () => {
  it('compares with the result field of the same name, type included', () => {
    expect(matchesArguments(event, { id: '1' })).toBe(true);
    expect(matchesArguments(event, { id: 1 })).toBe(false);
    expect(matchesArguments(event, { status: null })).toBe(true);
    expect(matchesArguments(event, { name: null })).toBe(false);
    expect(matchesArguments(event, { id: '1', name: 'Bob' })).toBe(false);
    expect(matchesArguments(event, {})).toBe(true);
  });
});
