/**
 * The expressions the DynamoDB builders write: key conditions (`query`), projections, filters and
 * conditions (`util.transform`'s, parsed), and update expressions from `operations.*`. Update
 * names and values are numbered `#expName_1`, `:expValue_1`, … as AWS numbers them.
 */
import { moduleError } from '../module-error.js';
import { toDynamoDBExpression } from '../util/transform/dynamodb-expression.js';
import { attributeValue } from './values.js';
import { isOperation, type Operation } from './operations.js';

/** `{ expression, expressionNames?, expressionValues? }`. */
export interface Expression {
  expression: string;
  expressionNames?: Record<string, string>;
  expressionValues?: Record<string, unknown>;
}

/** A filter or condition object as `util.transform` renders it; `undefined` for none. */
export function filterExpression(filter: unknown): Expression | undefined {
  if (filter === undefined || filter === null) return undefined;
  const text = toDynamoDBExpression(filter);
  if (text === null) throw moduleError('The filter or condition object cannot be read');
  return JSON.parse(text) as Expression;
}

const KEY_COMPARISONS: Record<string, string> = { eq: '=', lt: '<', le: '<=', gt: '>', ge: '>=' };

/** A `query` key condition: `#id = :id AND begins_with(#sk, :sk)`. */
export function keyConditionExpression(query: unknown): Expression {
  if (typeof query !== 'object' || query === null) throw moduleError('query needs a key condition object');
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const terms: string[] = [];
  for (const [attribute, condition] of Object.entries(query)) {
    if (typeof condition !== 'object' || condition === null) throw moduleError(`query: the condition on ${attribute} must be an object`);
    names[`#${attribute}`] = attribute;
    for (const [operator, operand] of Object.entries(condition as Record<string, unknown>)) {
      const name = `#${attribute}`;
      const placeholder = `:${attribute}_${operator}`;
      if (KEY_COMPARISONS[operator] !== undefined) {
        values[placeholder] = attributeValue(operand);
        terms.push(`${name} ${KEY_COMPARISONS[operator]} ${placeholder}`);
      } else if (operator === 'beginsWith') {
        values[placeholder] = attributeValue(operand);
        terms.push(`begins_with(${name}, ${placeholder})`);
      } else if (operator === 'between' && Array.isArray(operand) && operand.length === 2) {
        values[`${placeholder}_0`] = attributeValue(operand[0]);
        values[`${placeholder}_1`] = attributeValue(operand[1]);
        terms.push(`${name} BETWEEN ${placeholder}_0 AND ${placeholder}_1`);
      } else {
        throw moduleError(`query: unsupported key condition ${attribute}.${operator}`);
      }
    }
  }
  return { expression: terms.join(' AND '), expressionNames: names, expressionValues: values };
}

/** A projection list: `#projection_0, #projection_1.#projection_2`. */
export function projectionExpression(projection: unknown): Expression | undefined {
  if (projection === undefined || projection === null) return undefined;
  if (!Array.isArray(projection)) throw moduleError('projection must be an array of attribute paths');
  const names: Record<string, string> = {};
  let count = 0;
  const paths = projection.map((path) =>
    String(path)
      .split('.')
      .map((segment) => {
        const name = `#projection_${count}`;
        count += 1;
        names[name] = segment;
        return name;
      })
      .join('.'),
  );
  return { expression: paths.join(', '), expressionNames: names };
}

/** The `update` object as `SET …` and `REMOVE …` clauses. */
export function updateExpression(update: unknown): Expression {
  if (typeof update !== 'object' || update === null) throw moduleError('update needs an object of attributes to change');
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const set: string[] = [];
  const remove: string[] = [];
  let count = 0;
  for (const [attribute, change] of Object.entries(update)) {
    if (change === undefined) continue;
    count += 1;
    const name = `#expName_${count}`;
    const placeholder = `:expValue_${count}`;
    names[name] = attribute;
    const operation: Operation | undefined = isOperation(change) ? change : undefined;
    switch (operation?.type) {
      case 'OPERATION_REMOVE':
        remove.push(name);
        continue;
      case 'OPERATION_INCREMENT':
      case 'OPERATION_DECREMENT':
        values[placeholder] = attributeValue(operation.by);
        set.push(`${name} = ${name} ${operation.type === 'OPERATION_INCREMENT' ? '+' : '-'} ${placeholder}`);
        continue;
      case 'OPERATION_APPEND':
      case 'OPERATION_PREPEND':
        values[placeholder] = attributeValue(operation.items);
        set.push(
          operation.type === 'OPERATION_APPEND'
            ? `${name} = list_append(${name}, ${placeholder})`
            : `${name} = list_append(${placeholder}, ${name})`,
        );
        continue;
      case 'OPERATION_UPDATE_LIST_ITEM':
        values[placeholder] = attributeValue(operation.item);
        set.push(`${name}[${Number(operation.index)}] = ${placeholder}`);
        continue;
      case 'OPERATION_ADD':
      case 'OPERATION_REPLACE':
        // AWS writes add() as an assignment too (captured: `SET #expName_1 = :expValue_1`).
        values[placeholder] = attributeValue(operation.value);
        set.push(`${name} = ${placeholder}`);
        continue;
      default:
        values[placeholder] = attributeValue(change);
        set.push(`${name} = ${placeholder}`);
    }
  }
  const clauses = [set.length > 0 ? `SET ${set.join(', ')}` : '', remove.length > 0 ? `REMOVE ${remove.join(', ')}` : ''].filter(Boolean);
  const expression: Expression = { expression: clauses.join(' '), expressionNames: names };
  if (Object.keys(values).length > 0) expression.expressionValues = values;
  return expression;
}
