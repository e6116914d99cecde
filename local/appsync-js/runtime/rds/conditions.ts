/**
 * `where`, `having` and join `on` conditions, rendered as AWS renders them (checked against
 * `EvaluateCode` outputs; see README.md).
 *
 * A condition object's entries are joined with ` AND `, and so are the operators of one column:
 * none of them is bracketed. The members of an `and` / `or` list are each bracketed and joined
 * with ` AND ` / ` OR `; the list as a whole is not. So `{ id: { eq }, or: [a, b] }` becomes
 * `"id" = :P0 AND (a) OR (b)`, which SQL reads as `("id" = :P0 AND a) OR b`. We give AWS's text,
 * since that is what the deployed resolver sends, and warn (see warnings.ts) where an `or` list
 * sits beside other conditions. An empty operator object or list adds nothing, but its
 * separators stay, as on AWS (`WHERE "name" = :P0 AND`).
 */
import { AGGREGATE_FUNCTIONS, aggregateParts } from './agg.js';
import { ident, isPlainObject, isStatement, joinParts, parenthesized, partsOf, text, value, type Part } from './fragment.js';
import { moduleError } from '../module-error.js';
import { warnAtCallSite } from '../warnings.js';

const COMPARISONS: Record<string, string> = { eq: '=', ne: '!=', gt: '>', lt: '<', ge: '>=', le: '<=' };

const AMBIGUOUS_OR =
  'where: an "or" list beside other conditions is not bracketed as a whole on AWS, so ' +
  '{ a, or: [b, c] } becomes "a AND (b) OR (c)", which SQL reads as "(a AND b) OR c". ' +
  'If you mean "a AND (b OR c)", write { and: [{ a }, { or: [b, c] }] }.';

const DANGLING =
  'where: a condition here adds nothing (an empty operator object or list), but AWS keeps the AND ' +
  'or OR beside it, which the database refuses as a syntax error. Leave the empty condition out.';

/** Parts of a whole condition (`where`, `having`, `on`); an empty list when it adds nothing. */
export function conditionParts(condition: unknown): Part[] {
  if (isStatement(condition)) return [...partsOf(condition)];
  if (!isPlainObject(condition)) throw moduleError('WHERE values are expected to be SQL templates or a condition object.');
  return objectParts(condition);
}

function objectParts(condition: Record<string, unknown>): Part[] {
  let orMembers = 0;
  const terms = Object.keys(condition).map((key) => {
    const operand = condition[key];
    if (key !== 'and' && key !== 'or' && key !== 'not') return columnParts(key, operand);
    const members = groupMembers(key, operand);
    const nonEmpty = members.filter((member) => member.length > 0).length;
    if (key === 'or') orMembers = nonEmpty;
    if (members.length > 1 && nonEmpty < members.length) warnAtCallSite(DANGLING);
    return groupParts(key, members);
  });
  const filled = terms.filter((term) => term.length > 0).length;
  if (orMembers > 1 && filled > 1) warnAtCallSite(AMBIGUOUS_OR);
  if (filled > 0 && filled < terms.length) warnAtCallSite(DANGLING);
  return joinParts(terms, ' AND ');
}

/** Each member of an `and` / `or` / `not` list, bracketed unless it adds nothing. */
function groupMembers(key: string, operand: unknown): Part[][] {
  if (!Array.isArray(operand)) throw moduleError(`${key} expects conditions to be an array`);
  return operand.map((member) => {
    if (!isPlainObject(member)) throw moduleError(`Expected ${key} to be an Object.`);
    const inner = objectParts(member);
    return inner.length > 0 ? parenthesized(inner) : [];
  });
}

function groupParts(key: string, members: Part[][]): Part[] {
  if (key !== 'not') return joinParts(members, key === 'and' ? ' AND ' : ' OR ');
  // `not` is declared by the d.ts but no AWS output of it is known: NOT over the AND of its members.
  const inner = joinParts(members, ' AND ');
  return inner.length > 0 ? [text('NOT '), ...parenthesized(inner)] : [];
}

function columnParts(column: string, operand: unknown): Part[] {
  if (!isPlainObject(operand)) throw moduleError('Expected condition to be an Object.');
  return joinParts(
    Object.keys(operand).map((operator) => operationParts([ident(column)], operator, operand[operator], column)),
    ' AND ',
  );
}

const isNullish = (operand: unknown): boolean => operand === null || operand === undefined;

/** A bound value, or the literal NULL where AWS writes one. */
const boundOrNull = (operand: unknown): Part => (isNullish(operand) ? text('NULL') : value(operand));

/** One operator on a column, e.g. `id.eq`. */
function operationParts(subject: Part[], operator: string, operand: unknown, column: string): Part[] {
  const path = `${column}.${operator}`;
  const comparison = COMPARISONS[operator];
  if (comparison !== undefined) {
    if (isNullish(operand)) throw moduleError(`Value for ${path} can't be null.`);
    return [...subject, text(` ${comparison} `), value(operand)];
  }
  if (operator === 'contains' || operator === 'notContains' || operator === 'beginsWith') {
    if (isNullish(operand)) throw moduleError(`Value for ${path} can't be null.`);
    if (typeof operand !== 'string') throw moduleError(`${path} expects a string value to be passed.`);
    // AWS wraps contains in wildcards and leaves notContains as given.
    const pattern = operator === 'contains' ? `%${operand}%` : operator === 'beginsWith' ? `${operand}%` : operand;
    return [...subject, text(operator === 'notContains' ? ' NOT LIKE ' : ' LIKE '), value(pattern)];
  }
  if (operator === 'between') {
    if (isNullish(operand)) throw moduleError(`Value for ${path} can't be null.`);
    return betweenParts(subject, operand, path);
  }
  if (operator === 'attributeExists') {
    if (isNullish(operand)) throw moduleError(`Value for ${path} can't be null.`);
    if (typeof operand !== 'boolean') throw moduleError(`${path} expects a boolean value to be passed.`);
    return [...subject, text(operand ? ' IS NOT NULL' : ' IS NULL')];
  }
  if (operator === 'size') {
    if (isNullish(operand)) throw moduleError(`Value for ${path} can't be null.`);
    return nestedParts([text('LENGTH ('), ident(column), text(')')], operand, path);
  }
  const aggregate = AGGREGATE_FUNCTIONS[operator];
  if (aggregate !== undefined) return nestedParts(aggregateParts(aggregate.fn, aggregate.distinct, column), operand, path);
  throw moduleError(`Unsupported condition ${path}.`);
}

function betweenParts(subject: Part[], operand: unknown, path: string): Part[] {
  if (!Array.isArray(operand)) throw moduleError(`${path} condition expects an array with length of 2.`);
  if (operand.length !== 2) {
    throw moduleError(`${path} condition expects an array with 2 values but received an array with length ${operand.length}.`);
  }
  return [...subject, text(' BETWEEN '), boundOrNull(operand[0]), text(' AND '), boundOrNull(operand[1])];
}

/** `size` and aggregate operators: comparisons on `LENGTH (column)` / `FN(column)`; null is written NULL. */
function nestedParts(subject: Part[], operand: unknown, path: string): Part[] {
  if (!isPlainObject(operand)) throw moduleError(`Expected ${path} to be an Object.`);
  return joinParts(
    Object.keys(operand).map((inner) => {
      const comparison = COMPARISONS[inner];
      if (comparison !== undefined) return [...subject, text(` ${comparison} `), boundOrNull(operand[inner])];
      if (inner === 'between') return betweenParts(subject, operand[inner], path);
      throw moduleError(`${path} has invalid size operator.`);
    }),
    ' AND ',
  );
}
