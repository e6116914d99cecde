// The executor contract: begin/end of requests and invocations, the thrown signals, and the
// effects util and extensions record (errors, filters, invalidations, evictions, headers).
import { describe, expect, it } from 'vitest';
import { readSignal, SIGNAL_KEY } from '../../../../local/appsync-js/runtime/index.js';
import { freshRuntime } from './modules.js';

function thrownBy(run: () => unknown): unknown {
  try {
    run();
  } catch (thrown) {
    return thrown;
  }
  throw new Error('expected a throw');
}

const call = { fieldName: 'updateBooking', parentTypeName: 'Mutation' };

describe('signals', () => {
  it('util.error throws a recognisable plain object with every key', () => {
    const { util } = freshRuntime();
    const thrown = thrownBy(() => util.error('Nope', 'Conflict', { id: 1 }, { retry: false }));
    expect(Object.getPrototypeOf(thrown)).toBe(Object.prototype);
    expect(readSignal(thrown)).toEqual({
      [SIGNAL_KEY]: 'error',
      message: 'Nope',
      errorType: 'Conflict',
      data: { id: 1 },
      errorInfo: { retry: false },
    });
    expect(readSignal(thrownBy(() => util.error('Only a message')))).toEqual({
      [SIGNAL_KEY]: 'error',
      message: 'Only a message',
      errorType: null,
      data: null,
      errorInfo: null,
    });
  });

  it('util.unauthorized names the current field and type', () => {
    const { util, instance } = freshRuntime();
    instance.beginInvocation(call);
    expect(readSignal(thrownBy(() => util.unauthorized()))).toEqual({
      [SIGNAL_KEY]: 'unauthorized',
      message: 'Not Authorized to access updateBooking on type Mutation',
      errorType: 'Unauthorized',
      data: null,
      errorInfo: null,
    });
  });

  it('runtime.earlyReturn carries the value and skipTo', () => {
    const { runtime } = freshRuntime();
    expect(readSignal(thrownBy(() => runtime.earlyReturn({ id: 1 }, { skipTo: 'NEXT' })))).toEqual({
      [SIGNAL_KEY]: 'earlyReturn',
      value: { id: 1 },
      skipTo: 'NEXT',
    });
    expect(readSignal(thrownBy(() => runtime.earlyReturn()))).toEqual({ [SIGNAL_KEY]: 'earlyReturn', value: null, skipTo: 'END' });
    expect(thrownBy(() => runtime.earlyReturn(1, { skipTo: 'LATER' }))).toBeInstanceOf(Error);
  });

  it('readSignal ignores ordinary errors, look-alikes and getters', () => {
    let ran = false;
    const withGetter = {
      [SIGNAL_KEY]: 'error',
      get message() {
        ran = true;
        return 'x';
      },
    };
    expect(readSignal(new TypeError('x'))).toBeUndefined();
    expect(readSignal({ [SIGNAL_KEY]: 'other' })).toBeUndefined();
    expect(readSignal('error')).toBeUndefined();
    expect(readSignal(withGetter)).toEqual({ [SIGNAL_KEY]: 'error' });
    expect(ran).toBe(false);
  });
});

describe('effects of one invocation', () => {
  it('collects appended errors and starts empty again', () => {
    const { util, instance } = freshRuntime();
    instance.beginRequest();
    instance.beginInvocation(call);
    util.appendError('first');
    util.appendError('second', 'Warn', { a: 1 }, ['info']);
    const effects = instance.endInvocation();
    expect(effects.errors).toEqual([
      { message: 'first', errorType: null, data: null, errorInfo: null },
      { message: 'second', errorType: 'Warn', data: { a: 1 }, errorInfo: ['info'] },
    ]);
    instance.beginInvocation(call);
    expect(instance.endInvocation().errors).toEqual([]);
  });

  it('records subscription filters after checking the AWS limits', () => {
    const { util, extensions, instance } = freshRuntime();
    instance.beginInvocation({ fieldName: 'onBooking', parentTypeName: 'Subscription' });
    const filter = util.transform.toSubscriptionFilter({ status: { in: ['A', 'B'] }, tags: { containsAny: ['x'] } });
    extensions.setSubscriptionFilter(filter);
    extensions.setSubscriptionInvalidationFilter({ filterGroup: [{ filters: [{ fieldName: 'id', operator: 'eq', value: 'b1' }] }] });
    const effects = instance.endInvocation();
    expect(effects.subscriptionFilter).toEqual(filter);
    expect(effects.subscriptionInvalidationFilter).toEqual({
      filterGroup: [{ filters: [{ fieldName: 'id', operator: 'eq', value: 'b1' }] }],
    });

    const group = (filters: unknown[]) => ({ filterGroup: [{ filters }] });
    const messageOf = (run: () => unknown) => (readSignal(thrownBy(run)) as { message: string }).message;
    expect(messageOf(() => extensions.setSubscriptionFilter(group([{ fieldName: 's', operator: 'in', value: [1, 2, 3, 4, 5, 6] }])))).toBe(
      'subscription exceeds maximum value limit 5 for operator `in`.',
    );
    expect(
      messageOf(() => extensions.setSubscriptionFilter(group([{ fieldName: 's', operator: 'notIn', value: [1, 2, 3, 4, 5, 6] }]))),
    ).toBe('subscription exceeds maximum value limit 5 for operator `notIn`.');
    const six = ['a', 'b', 'c', 'd', 'e', 'f'].map((fieldName) => ({ fieldName, operator: 'eq', value: 1 }));
    expect(messageOf(() => extensions.setSubscriptionFilter(group(six)))).toBe(
      'Filters exceed maximum attributes limit 5 for subscription',
    );
    expect(messageOf(() => extensions.setSubscriptionFilter(group([{ fieldName: 't', operator: 'containsAny', value: 'x' }])))).toBe(
      'subscription filter has invalid filter value for operator `containsAny`.',
    );
    expect(messageOf(() => extensions.setSubscriptionFilter(null))).toBe(
      'subscription filter must be an object with a "filterGroup" array',
    );
  });

  it('allows 5 distinct invalidations per request, repeats free, and resets per request', () => {
    const { extensions, instance } = freshRuntime();
    instance.beginRequest();
    instance.beginInvocation(call);
    for (const id of ['1', '2', '3', '4', '5', '1'])
      extensions.invalidateSubscriptions({ subscriptionField: 'onBooking', payload: { id } });
    expect(instance.endInvocation().invalidations.map((entry) => entry.payload.id)).toEqual(['1', '2', '3', '4', '5']);
    instance.beginInvocation(call);
    const signal = readSignal(thrownBy(() => extensions.invalidateSubscriptions({ subscriptionField: 'onBooking', payload: { id: '6' } })));
    expect(signal).toMatchObject({
      [SIGNAL_KEY]: 'error',
      message: 'Maximum number of 5 distinct invalidateSubscriptions calls per request exceeded',
    });
    instance.beginRequest();
    extensions.invalidateSubscriptions({ subscriptionField: 'onBooking', payload: { id: '6' } });
    expect(instance.endInvocation().invalidations).toEqual([{ subscriptionField: 'onBooking', payload: { id: '6' } }]);
  });

  it('records cache evictions', () => {
    const { extensions, instance } = freshRuntime();
    instance.beginInvocation(call);
    extensions.evictFromApiCache('Query', 'hotel', { 'context.arguments.id': 'h1' });
    expect(instance.endInvocation().cacheEvictions).toEqual([
      { typeName: 'Query', fieldName: 'hotel', keyValues: { 'context.arguments.id': 'h1' } },
    ]);
    expect(readSignal(thrownBy(() => extensions.evictFromApiCache('Query')))).toMatchObject({
      message: 'evictFromApiCache needs (typeName, fieldName, keyValuePairs)',
    });
  });

  it('copies only primitives out of the invocation info', () => {
    const { util, instance } = freshRuntime();
    const info = { fieldName: 'hotel', parentTypeName: 'Query' };
    instance.beginInvocation(info);
    info.fieldName = 'changed';
    expect((readSignal(thrownBy(() => util.unauthorized())) as { message: string }).message).toBe(
      'Not Authorized to access hotel on type Query',
    );
  });

  it('freezes the modules so resolver code cannot replace a function', () => {
    const { util, rds } = freshRuntime();
    expect(() => {
      util.time.nowISO8601 = () => 'fake';
    }).toThrow(TypeError);
    expect(() => {
      rds.select = null;
    }).toThrow(TypeError);
  });
});
