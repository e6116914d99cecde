// @aws-appsync/utils/dynamodb and /ai: each builder gives the data source request AWS documents,
// keys and items in typed form (numbers stay numbers, as AWS answers), options left out stay out.
import { describe, expect, it } from 'vitest';
import { freshRuntime } from './modules.js';

const { ddb, ai, util } = freshRuntime();

describe('single-item builders', () => {
  it('get, put and remove write the key and item in typed form', () => {
    expect(ddb.get({ key: { id: 'a' }, consistentRead: true, projection: ['name', 'address.city'] })).toEqual({
      operation: 'GetItem',
      key: { id: { S: 'a' } },
      consistentRead: true,
      projection: {
        expression: '#projection_0, #projection_1.#projection_2',
        expressionNames: { '#projection_0': 'name', '#projection_1': 'address', '#projection_2': 'city' },
      },
    });
    expect(ddb.put({ key: { id: 'a' }, item: { n: 1, tags: ddb.toNumberSet([1, 2]), raw: { SS: ['x'] } } })).toEqual({
      operation: 'PutItem',
      key: { id: { S: 'a' } },
      attributeValues: { n: { N: 1 }, tags: { NS: [1, 2] }, raw: { M: { SS: { L: [{ S: 'x' }] } } } },
    });
    expect(ddb.remove({ key: { id: 'a' }, _version: 3 })).toEqual({ operation: 'DeleteItem', key: { id: { S: 'a' } }, _version: 3 });
  });

  it('writes a condition with util.transform', () => {
    const condition = { version: { eq: 2 } };
    expect(ddb.put({ key: { id: 'a' }, item: {}, condition }).condition).toEqual(
      JSON.parse(util.transform.toDynamoDBConditionExpression(condition)),
    );
  });

  it('update turns operations into SET and REMOVE clauses, numbered from 1', () => {
    const { operations } = ddb;
    expect(
      ddb.update({
        key: { id: 'a' },
        update: { n: operations.decrement(2), old: operations.remove(), list: operations.updateListItem('x', 1), name: 'b' },
      }).update,
    ).toEqual({
      expression: 'SET #expName_1 = #expName_1 - :expValue_1, #expName_3[1] = :expValue_3, #expName_4 = :expValue_4 REMOVE #expName_2',
      expressionNames: { '#expName_1': 'n', '#expName_2': 'old', '#expName_3': 'list', '#expName_4': 'name' },
      expressionValues: { ':expValue_1': { N: 2 }, ':expValue_3': { S: 'x' }, ':expValue_4': { S: 'b' } },
    });
  });

  it('operations are plain tagged objects; increment and decrement step by 1 when no step is given', () => {
    expect(ddb.operations.increment()).toEqual({ type: 'OPERATION_INCREMENT', by: 1 });
    expect(ddb.operations.prepend([1])).toEqual({ type: 'OPERATION_PREPEND', items: [1] });
  });
});

describe('reads', () => {
  it('query writes the key condition and keeps the options given', () => {
    expect(
      ddb.query({ query: { pk: { eq: 'p' }, sk: { beginsWith: '2026' } }, index: 'byDate', limit: 5, scanIndexForward: false }),
    ).toEqual({
      operation: 'Query',
      query: {
        expression: '#pk = :pk_eq AND begins_with(#sk, :sk_beginsWith)',
        expressionNames: { '#pk': 'pk', '#sk': 'sk' },
        expressionValues: { ':pk_eq': { S: 'p' }, ':sk_beginsWith': { S: '2026' } },
      },
      index: 'byDate',
      limit: 5,
      scanIndexForward: false,
    });
    expect(ddb.query({ query: { n: { between: [1, 2] } } }).query.expression).toBe('#n BETWEEN :n_between_0 AND :n_between_1');
  });

  it('scan and sync keep their options and leave out the ones not given', () => {
    expect(ddb.scan({ limit: 10, nextToken: null, segment: 0, totalSegments: 2 })).toEqual({
      operation: 'Scan',
      limit: 10,
      segment: 0,
      totalSegments: 2,
    });
    expect(ddb.sync({ lastSync: 5, limit: 2 })).toEqual({ operation: 'Sync', lastSync: 5, limit: 2 });
  });
});

describe('batch and transaction builders', () => {
  it('batchGet, batchPut and batchDelete write one typed list per table', () => {
    expect(ddb.batchGet({ tables: { hotel: { keys: [{ id: 'a' }], consistentRead: true } } })).toEqual({
      operation: 'BatchGetItem',
      tables: { hotel: { keys: [{ id: { S: 'a' } }], consistentRead: true } },
    });
    expect(ddb.batchPut({ tables: { hotel: [{ id: 'a', n: 1 }] } })).toEqual({
      operation: 'BatchPutItem',
      tables: { hotel: [{ id: { S: 'a' }, n: { N: 1 } }] },
    });
    expect(ddb.batchDelete({ tables: { hotel: [{ id: 'a' }] } })).toEqual({
      operation: 'BatchDeleteItem',
      tables: { hotel: [{ id: { S: 'a' } }] },
    });
  });

  it("transactGet and transactWrite name each item's table and operation", () => {
    expect(ddb.transactGet({ items: [{ table: 'hotel', key: { id: 'a' } }] })).toEqual({
      operation: 'TransactGetItems',
      transactItems: [{ table: 'hotel', key: { id: { S: 'a' } } }],
    });
    const written = ddb.transactWrite({
      items: [
        { putItem: { table: 't', key: { id: 'a' }, item: { n: 1 } } },
        { updateItem: { table: 't', key: { id: 'b' }, update: { n: ddb.operations.increment(1) } } },
        { deleteItem: { table: 't', key: { id: 'c' } } },
        { conditionCheck: { table: 't', key: { id: 'd' }, condition: { n: { gt: 0 } } } },
      ],
    });
    expect(written.transactItems.map((item: { operation: string }) => item.operation)).toEqual([
      'PutItem',
      'UpdateItem',
      'DeleteItem',
      'ConditionCheck',
    ]);
    expect(written.transactItems[3].condition.expression).toContain('#n');
  });

  it('refuses a payload that is not an object, with no error name', () => {
    expect(() => ddb.get(null)).toThrow(expect.objectContaining({ message: 'get needs a payload object', name: '' }));
  });
});

describe('@aws-appsync/utils/ai', () => {
  it('adds the operation to the payload', () => {
    expect(ai.invokeModel({ modelId: 'm', body: { prompt: 'p' } })).toEqual({
      operation: 'InvokeModel',
      modelId: 'm',
      body: { prompt: 'p' },
    });
    expect(ai.converse({ modelId: 'm', messages: [] })).toEqual({ operation: 'Converse', modelId: 'm', messages: [] });
  });
});

describe('util.unauthorized outside a field', () => {
  it('says Unauthorized when the call names no field, as EvaluateCode does', () => {
    const { util: fieldless, instance } = freshRuntime();
    instance.beginInvocation({ fieldName: '', parentTypeName: '' });
    expect(() => fieldless.unauthorized()).toThrow(expect.objectContaining({ message: 'Unauthorized', errorType: 'Unauthorized' }));
  });
});
