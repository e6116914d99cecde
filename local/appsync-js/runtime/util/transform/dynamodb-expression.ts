/**
 * `util.transform.toDynamoDBFilterExpression` / `toDynamoDBConditionExpression`: a filter
 * object → `{ expression, expressionNames, expressionValues }` as a JSON string, or `null` when
 * the filter cannot be read. The layout (which terms are parenthesized, value names that carry the
 * nesting such as `:and_0_a_eq`, `<>` for ne, no space after commas in functions) follows
 * the outputs published with localstack/appsync-utils's tests, which that project says it recorded
 * from AWS.
 */
import { toDynamoDB } from '../dynamodb.js';

const COMPARISONS: Record<string, string> = { eq: '=', ne: '<>', lt: '<', le: '<=', gt: '>', ge: '>=' };
const FUNCTIONS: Record<string, string> = { contains: 'contains', notContains: 'NOT contains', beginsWith: 'begins_with' };
const ATTRIBUTE_TYPES: Record<string, string> = {
  _null: 'NULL',
  string: 'S',
  stringSet: 'SS',
  number: 'N',
  numberSet: 'NS',
  binary: 'B',
  binarySet: 'BS',
  boolean: 'BOOL',
  list: 'L',
  map: 'M',
};

/** Thrown inside the renderer when the filter cannot be read; the entry point answers null. */
class Unreadable {}

interface Output {
  names: Record<string, string>;
  values: Record<string, unknown>;
}

const isObject = (candidate: unknown): candidate is Record<string, unknown> =>
  typeof candidate === 'object' && candidate !== null && !Array.isArray(candidate);

function renderFilter(filter: unknown, prefix: string, out: Output): string {
  if (!isObject(filter)) throw new Unreadable();
  return Object.keys(filter)
    .map((key) => {
      const operand = filter[key];
      if (key === 'and' || key === 'or') {
        if (!Array.isArray(operand)) throw new Unreadable();
        const members = operand.map((member, index) => renderFilter(member, `${prefix}${key}_${index}_`, out));
        if (members.length === 0) return '';
        return members.length === 1 ? (members[0] as string) : `(${members.join(` ${key.toUpperCase()} `)})`;
      }
      if (key === 'not') return `(NOT ${renderFilter(operand, `${prefix}not_`, out)})`;
      return renderField(key, operand, prefix, out);
    })
    .join(' AND ');
}

function renderField(field: string, operations: unknown, prefix: string, out: Output): string {
  if (!isObject(operations)) throw new Unreadable();
  out.names[`#${field}`] = field;
  const inner = renderOperations(`#${field}`, operations, `:${prefix}${field}_`, out);
  return inner === '' ? '' : `(${inner})`;
}

/** The operations on one subject joined with AND, each parenthesized when there are several. */
function renderOperations(subject: string, operations: Record<string, unknown>, valuePrefix: string, out: Output): string {
  const parts = Object.keys(operations).map((operator) => renderOperation(subject, operator, operations[operator], valuePrefix, out));
  const nonEmpty = parts.filter((part) => part !== '');
  if (nonEmpty.length === 0) return '';
  return parts.length === 1 ? (parts[0] as string) : parts.map((part) => `(${part})`).join(' AND ');
}

function renderOperation(subject: string, operator: string, operand: unknown, valuePrefix: string, out: Output): string {
  const name = `${valuePrefix}${operator}`;
  const comparison = COMPARISONS[operator];
  if (comparison !== undefined) {
    out.values[name] = toDynamoDB(operand);
    return `${subject} ${comparison} ${name}`;
  }
  const fn = FUNCTIONS[operator];
  if (fn !== undefined) {
    out.values[name] = toDynamoDB(operand);
    return `${fn}(${subject},${name})`;
  }
  switch (operator) {
    case 'between': {
      if (!Array.isArray(operand) || operand.length < 2) throw new Unreadable();
      out.values[`${name}_start`] = toDynamoDB(operand[0]);
      out.values[`${name}_end`] = toDynamoDB(operand[1]);
      return `${subject} BETWEEN ${name}_start AND ${name}_end`;
    }
    case 'in': {
      if (!Array.isArray(operand)) throw new Unreadable();
      if (operand.length === 0) return 'null';
      const names = operand.map((item, index) => {
        out.values[`${name}_${index}`] = toDynamoDB(item);
        return `${name}_${index}`;
      });
      return `${subject} IN (${names.join(', ')})`;
    }
    case 'attributeExists':
      if (typeof operand !== 'boolean') throw new Unreadable();
      return `${operand ? 'attribute_exists' : 'attribute_not_exists'}(${subject})`;
    case 'attributeType': {
      const code = typeof operand === 'string' ? ATTRIBUTE_TYPES[operand] : undefined;
      if (code === undefined) throw new Unreadable();
      out.values[name] = { S: code };
      return `attribute_type(${subject},${name})`;
    }
    case 'size': {
      if (!isObject(operand)) throw new Unreadable();
      const sized = subject.startsWith('size(') ? subject : `size(${subject})`;
      return renderOperations(sized, operand, `${valuePrefix}size_`, out);
    }
  }
  throw new Unreadable();
}

/** The JSON string of the expression, or null when the filter cannot be read. */
export function toDynamoDBExpression(filter: unknown): string | null {
  const out: Output = { names: {}, values: {} };
  try {
    const expression = renderFilter(filter, '', out);
    return JSON.stringify({ expression, expressionNames: out.names, expressionValues: out.values });
  } catch (failure) {
    if (failure instanceof Unreadable) return null;
    throw failure;
  }
}
