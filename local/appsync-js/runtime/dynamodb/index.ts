/**
 * `@aws-appsync/utils/dynamodb`: builders of DynamoDB data source requests, as AWS documents them
 * (https://docs.aws.amazon.com/appsync/latest/devguide/built-in-modules-js.html), in the request
 * shapes of the resolver reference and of the package's d.ts. Keys and items are written in typed
 * form, filters and conditions through `util.transform`. Options left out stay out of the request.
 */
import { moduleError } from '../module-error.js';
import { filterExpression, keyConditionExpression, projectionExpression, updateExpression } from './expressions.js';
import { operations } from './operations.js';
import { attributeMap, toBinarySet, toNumberSet, toStringSet } from './values.js';

type Payload = Record<string, unknown>;
type Request = Record<string, unknown>;

function payloadOf(payload: unknown, name: string): Payload {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) throw moduleError(`${name} needs a payload object`);
  return payload as Payload;
}

/** Copy the options that are set (not undefined or null) into the request. */
function withOptions(request: Request, payload: Payload, names: readonly string[]): Request {
  for (const name of names) if (payload[name] !== undefined && payload[name] !== null) request[name] = payload[name];
  return request;
}

function withExpression(request: Request, name: string, expression: unknown): Request {
  if (expression !== undefined) request[name] = expression;
  return request;
}

const WRITE_OPTIONS = ['customPartitionKey', 'populateIndexFields', '_version'] as const;

export function get(payload: unknown): Request {
  const input = payloadOf(payload, 'get');
  const request = withOptions({ operation: 'GetItem', key: attributeMap(input.key) }, input, ['consistentRead']);
  return withExpression(request, 'projection', projectionExpression(input.projection));
}

export function put(payload: unknown): Request {
  const input = payloadOf(payload, 'put');
  const request: Request = { operation: 'PutItem', key: attributeMap(input.key), attributeValues: attributeMap(input.item) };
  withExpression(request, 'condition', filterExpression(input.condition));
  return withOptions(request, input, WRITE_OPTIONS);
}

export function remove(payload: unknown): Request {
  const input = payloadOf(payload, 'remove');
  const request: Request = { operation: 'DeleteItem', key: attributeMap(input.key) };
  withExpression(request, 'condition', filterExpression(input.condition));
  return withOptions(request, input, WRITE_OPTIONS);
}

export function update(payload: unknown): Request {
  const input = payloadOf(payload, 'update');
  const request: Request = { operation: 'UpdateItem', key: attributeMap(input.key), update: updateExpression(input.update) };
  withExpression(request, 'condition', filterExpression(input.condition));
  return withOptions(request, input, WRITE_OPTIONS);
}

const READ_OPTIONS = ['index', 'limit', 'nextToken', 'consistentRead', 'select', 'scanIndexForward'] as const;

export function scan(payload: unknown): Request {
  const input = payloadOf(payload, 'scan');
  const request = withOptions({ operation: 'Scan' }, input, [...READ_OPTIONS, 'totalSegments', 'segment']);
  withExpression(request, 'filter', filterExpression(input.filter));
  return withExpression(request, 'projection', projectionExpression(input.projection));
}

export function query(payload: unknown): Request {
  const input = payloadOf(payload, 'query');
  const request = withOptions({ operation: 'Query', query: keyConditionExpression(input.query) }, input, READ_OPTIONS);
  withExpression(request, 'filter', filterExpression(input.filter));
  return withExpression(request, 'projection', projectionExpression(input.projection));
}

export function sync(payload: unknown): Request {
  const input = payloadOf(payload, 'sync');
  const request = withOptions({ operation: 'Sync' }, input, ['basePartitionKey', 'deltaIndexName', 'limit', 'nextToken', 'lastSync']);
  return withExpression(request, 'filter', filterExpression(input.filter));
}

function tablesOf(input: Payload, name: string): Record<string, unknown> {
  const tables = input.tables;
  if (typeof tables !== 'object' || tables === null) throw moduleError(`${name} needs a "tables" object`);
  return tables as Record<string, unknown>;
}

function listOf(value: unknown, what: string): unknown[] {
  if (!Array.isArray(value)) throw moduleError(`${what} must be an array`);
  return value;
}

export function batchGet(payload: unknown): Request {
  const input = payloadOf(payload, 'batchGet');
  const tables: Record<string, Request> = {};
  for (const [table, spec] of Object.entries(tablesOf(input, 'batchGet'))) {
    const options = payloadOf(spec, `batchGet table ${table}`);
    const entry = withOptions({ keys: listOf(options.keys, `batchGet ${table}.keys`).map(attributeMap) }, options, ['consistentRead']);
    tables[table] = withExpression(entry, 'projection', projectionExpression(options.projection));
  }
  return { operation: 'BatchGetItem', tables };
}

export function batchPut(payload: unknown): Request {
  const input = payloadOf(payload, 'batchPut');
  const tables: Record<string, unknown> = {};
  for (const [table, items] of Object.entries(tablesOf(input, 'batchPut')))
    tables[table] = listOf(items, `batchPut ${table}`).map(attributeMap);
  return { operation: 'BatchPutItem', tables };
}

export function batchDelete(payload: unknown): Request {
  const input = payloadOf(payload, 'batchDelete');
  const tables: Record<string, unknown> = {};
  for (const [table, keys] of Object.entries(tablesOf(input, 'batchDelete')))
    tables[table] = listOf(keys, `batchDelete ${table}`).map(attributeMap);
  return { operation: 'BatchDeleteItem', tables };
}

export function transactGet(payload: unknown): Request {
  const input = payloadOf(payload, 'transactGet');
  const transactItems = listOf(input.items, 'transactGet items').map((item) => {
    const spec = payloadOf(item, 'transactGet item');
    const entry: Request = { table: spec.table, key: attributeMap(spec.key) };
    return withExpression(entry, 'projection', projectionExpression(spec.projection));
  });
  return { operation: 'TransactGetItems', transactItems };
}

/** One `transactWrite` item: `{ putItem }`, `{ updateItem }`, `{ deleteItem }` or `{ conditionCheck }`. */
function transactWriteItem(item: unknown): Request {
  const spec = payloadOf(item, 'transactWrite item');
  const [kind] = Object.keys(spec);
  const body = payloadOf(spec[kind as string], `transactWrite ${String(kind)}`);
  const base: Request = { table: body.table, key: attributeMap(body.key) };
  switch (kind) {
    case 'putItem':
      Object.assign(base, { operation: 'PutItem', attributeValues: attributeMap(body.item) });
      break;
    case 'updateItem':
      Object.assign(base, { operation: 'UpdateItem', update: updateExpression(body.update) });
      break;
    case 'deleteItem':
      base.operation = 'DeleteItem';
      break;
    case 'conditionCheck':
      base.operation = 'ConditionCheck';
      break;
    default:
      throw moduleError(`transactWrite items are putItem, updateItem, deleteItem or conditionCheck, not ${String(kind)}`);
  }
  return withExpression(base, 'condition', filterExpression(body.condition));
}

export function transactWrite(payload: unknown): Request {
  const input = payloadOf(payload, 'transactWrite');
  return { operation: 'TransactWriteItems', transactItems: listOf(input.items, 'transactWrite items').map(transactWriteItem) };
}

export { operations, toBinarySet, toNumberSet, toStringSet };
