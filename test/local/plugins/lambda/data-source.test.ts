import { describe, expect, it } from 'vitest';
import { createLambdaDataSource } from '../../../../local/plugins/lambda/index.js';
import { fixture, useRunner } from './helpers.js';

describe('Lambda data source (AppSync Invoke and BatchInvoke)', () => {
  const { runner } = useRunner({
    functions: [
      { name: 'echo', handlerFile: fixture('echo') },
      { name: 'throws', handlerFile: fixture('throws') },
      { name: 'batch', handlerFile: fixture('batch') },
      { name: 'loop', handlerFile: fixture('loop'), timeoutSeconds: 1 },
    ],
  });

  it('Invoke: the event is the payload itself and the result is the return value', async () => {
    const ds = createLambdaDataSource(runner, 'echo');
    const outcome = await ds.invoke({ field: 'hotel', arguments: { id: 'h1' } });
    expect(outcome).toMatchObject({ result: { event: { field: 'hotel', arguments: { id: 'h1' } } } });
  });

  it('Invoke: a thrown error becomes Lambda:Unhandled with only the message', async () => {
    const ds = createLambdaDataSource(runner, 'throws');
    expect(await ds.invoke({ reason: 'no rooms' })).toEqual({ error: { message: 'refused: no rooms', type: 'Lambda:Unhandled' } });
  });

  it('Invoke: a timeout becomes Lambda:Unhandled with Lambda timeout message', async () => {
    const ds = createLambdaDataSource(runner, 'loop');
    const outcome = await ds.invoke({ spin: true });
    expect(outcome).toEqual({ error: { message: expect.stringMatching(/Task timed out after 1\.00 seconds$/), type: 'Lambda:Unhandled' } });
  });

  it('BatchInvoke: one call with the array; item i answers payload i', async () => {
    const ds = createLambdaDataSource(runner, 'batch');
    const outcomes = await ds.batchInvoke([{ id: 2 }, { id: 3 }, { id: 4 }]);
    expect(outcomes).toEqual([{ result: { id: 2, squared: 4 } }, { result: { id: 3, squared: 9 } }, { result: { id: 4, squared: 16 } }]);
  });

  it('BatchInvoke: an answer of the wrong length fails every item with a clear error', async () => {
    const ds = createLambdaDataSource(runner, 'batch');
    const outcomes = await ds.batchInvoke([{ id: 1, short: true }, { id: 2 }, { id: 3 }]);
    expect(outcomes).toHaveLength(3);
    for (const outcome of outcomes) {
      expect(outcome).toEqual({
        error: {
          type: 'Lambda:Unhandled',
          message:
            'BatchInvoke of Lambda function "batch" with 3 payloads returned an array of 2 items; it must return an array of the same length and order',
        },
      });
    }
  });

  it('BatchInvoke: an answer that is not an array fails every item', async () => {
    const ds = createLambdaDataSource(runner, 'echo');
    const outcomes = await ds.batchInvoke([{ a: 1 }, { a: 2 }]);
    expect(outcomes).toEqual([
      { error: expect.objectContaining({ message: expect.stringContaining('returned a value of type object') }) },
      { error: expect.objectContaining({ message: expect.stringContaining('returned a value of type object') }) },
    ]);
  });

  it('BatchInvoke: a failed invocation fails every item with its message', async () => {
    const ds = createLambdaDataSource(runner, 'throws');
    const outcomes = await ds.batchInvoke([{ reason: 'x' }, { reason: 'y' }]);
    expect(outcomes).toEqual([
      { error: { message: 'refused: undefined', type: 'Lambda:Unhandled' } },
      { error: { message: 'refused: undefined', type: 'Lambda:Unhandled' } },
    ]);
  });

  it('BatchInvoke: an empty batch answers without invoking', async () => {
    expect(await createLambdaDataSource(runner, 'throws').batchInvoke([])).toEqual([]);
  });
});
