/**
 * `where`, `having` and join `on` conditions (§B1).
 *
 * A condition object maps column names to operator objects, plus `and` / `or` / `not` lists.
 * Every column operator and every logical key is one term. A single term is written bare
 * (`"id" = :P0`, captured); several terms are each parenthesized and joined with AND, and the
 * members of `and` / `or` are each parenthesized (`("name" = :P0) OR ("id" > :P1)`, captured).
 * A condition may also be a `sql` statement, used as written.
 */
import { AGGREGATE_FUNCTIONS, aggregateParts } from './agg.js';
import {
  ident, isPlainObject, isStatement, joinParts, parenthesized, partsOf, text, value, type Part,
} from './fragment.js';

const COMPARISONS: Record<string, string> = { eq: '=', ne: '!=', gt: '>', lt: '<', ge: '>=', le: '<=' };

/** Parts of a whole condition; an empty list when it has no term. */
export function conditionParts(condition: unknown, clause: string): Part[] {
  if (isStatement(condition)) return [...partsOf(condition)];
  if (!isPlainObject(condition)) throw new Error(`${clause} must be a condition object or a sql statement`);
  const terms = Object.keys(condition).map((key) => termParts(key, condition[key], clause));
  if (terms.length === 1) return terms[0] as Part[];
  return joinParts(terms.map(parenthesized), ' AND ');
}

function termParts(key: string, operand: unknown, clause: string): Part[] {
  if (key === 'and' || key === 'or') {
    const members = memberList(key, operand, clause).map((member) => parenthesized(nonEmpty(member, clause)));
    return joinParts(members, key === 'and' ? ' AND ' : ' OR ');
  }
  if (key === 'not') {
    const members = memberList(key, operand, clause).map((member) => nonEmpty(member, clause));
    const inner = members.length === 1 ? (members[0] as Part[]) : joinParts(members.map(parenthesized), ' AND ');
    return [text('NOT '), ...parenthesized(inner)];
  }
  if (!isPlainObject(operand)) {
    throw new Error(`${clause}: the condition on column "${key}" must be an object of operators, e.g. { eq: value }`);
  }
  const operations = Object.keys(operand).map((operator) => operationParts([ident(key)], operator, operand[operator], key));
  if (operations.length === 0) throw new Error(`${clause}: the condition on column "${key}" has no operator`);
  return operations.length === 1 ? (operations[0] as Part[]) : joinParts(operations.map(parenthesized), ' AND ');
}

function memberList(key: string, operand: unknown, clause: string): unknown[] {
  const members = Array.isArray(operand) ? operand : isPlainObject(operand) || isStatement(operand) ? [operand] : null;
  if (!members || members.length === 0) throw new Error(`${clause}: "${key}" needs a non-empty list of conditions`);
  return members;
}

function nonEmpty(member: unknown, clause: string): Part[] {
  const parts = conditionParts(member, clause);
  if (parts.length === 0) throw new Error(`${clause}: empty condition inside and/or/not`);
  return parts;
}

/** One operator applied to an operand (a column, `LENGTH (column)` or an aggregate). */
function operationParts(subject: Part[], operator: string, operand: unknown, column: string): Part[] {
  const comparison = COMPARISONS[operator];
  if (comparison !== undefined) {
    if (operand === null || operand === undefined) {
      throw new Error(`"${operator}" on column "${column}" needs a value; use attributeExists to test for NULL`);
    }
    return [...subject, text(` ${comparison} `), value(operand)];
  }
  switch (operator) {
    case 'contains':
      return [...subject, text(' LIKE '), value(`%${requireString(operator, operand, column)}%`)];
    case 'beginsWith':
      return [...subject, text(' LIKE '), value(`${requireString(operator, operand, column)}%`)];
    case 'notContains':
      return [...subject, text(' NOT LIKE '), value(requireString(operator, operand, column))];
    case 'between': {
      if (!Array.isArray(operand) || operand.length !== 2 || operand.some((bound) => bound === null || bound === undefined)) {
        throw new Error(`"between" on column "${column}" needs an array of exactly 2 values`);
      }
      return [...subject, text(' BETWEEN '), value(operand[0]), text(' AND '), value(operand[1])];
    }
    case 'attributeExists':
      if (typeof operand !== 'boolean') throw new Error(`"attributeExists" on column "${column}" needs true or false`);
      return [...subject, text(operand ? ' IS NOT NULL' : ' IS NULL')];
    case 'size':
      return nestedParts([text('LENGTH ('), ident(column), text(')')], operator, operand, column);
  }
  const aggregate = AGGREGATE_FUNCTIONS[operator];
  if (aggregate !== undefined) {
    return nestedParts(aggregateParts(aggregate.fn, aggregate.distinct, column), operator, operand, column);
  }
  throw new Error(`Unsupported operator "${operator}" on column "${column}"`);
}

function nestedParts(subject: Part[], operator: string, operand: unknown, column: string): Part[] {
  if (!isPlainObject(operand)) throw new Error(`"${operator}" on column "${column}" needs an object of operators`);
  const operations = Object.keys(operand).map((inner) => {
    if (COMPARISONS[inner] === undefined && inner !== 'between') {
      throw new Error(`Unsupported operator "${inner}" inside "${operator}" on column "${column}"`);
    }
    return operationParts(subject, inner, operand[inner], column);
  });
  if (operations.length === 0) throw new Error(`"${operator}" on column "${column}" has no operator`);
  return operations.length === 1 ? (operations[0] as Part[]) : joinParts(operations.map(parenthesized), ' AND ');
}

function requireString(operator: string, operand: unknown, column: string): string {
  if (typeof operand !== 'string' && typeof operand !== 'number') {
    throw new Error(`"${operator}" on column "${column}" needs a string`);
  }
  return String(operand);
}
