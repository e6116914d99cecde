import { beforeAll, describe, expect, it } from 'vitest';
import { loadResolverCode, runUnitResolver, type ResolverCode } from '../../../local/appsync-js/index.js';
import { fieldContext, fixture, noneDataSource, resolveOptions } from './helpers.js';

let effects: ResolverCode;
beforeAll(async () => {
  effects = await loadResolverCode(fixture('unit/effects.ts'));
});

describe('what the runtime records comes back with the resolution', () => {
  it('tells util.authType() the request auth mode (API key by default)', async () => {
    const byKey = await runUnitResolver(effects, fieldContext({ trace: 't' }), noneDataSource(), resolveOptions());
    expect(byKey.value).toEqual({ authType: 'API Key Authorization' });
    const byPool = await runUnitResolver(
      effects,
      fieldContext({ trace: 't' }, { authMode: 'AMAZON_COGNITO_USER_POOLS' }),
      noneDataSource(),
      resolveOptions(),
    );
    expect(byPool.value).toEqual({ authType: 'User Pool Authorization' });
  });

  it('returns response headers and invalidations as the effects of each handler call', async () => {
    const resolution = await runUnitResolver(
      effects,
      fieldContext({ trace: 'abc', invalidate: ['h1'] }),
      noneDataSource(),
      resolveOptions(),
    );
    expect(resolution.effects).toHaveLength(2);
    expect(resolution.effects[1]).toMatchObject({
      responseHeaders: { 'x-roam-trace': 'abc' },
      invalidations: [{ subscriptionField: 'onHotelChanged', payload: { id: 'h1' } }],
    });
  });

  it('keeps request-wide limits for one request id and resets them for the next', async () => {
    const options = resolveOptions();
    const first = await runUnitResolver(effects, fieldContext({ trace: 't', invalidate: ['a', 'b', 'c'] }), noneDataSource(), options);
    expect(first.errors).toEqual([]);
    const sameRequest = await runUnitResolver(
      effects,
      fieldContext({ trace: 't', invalidate: ['d', 'e', 'f'] }),
      noneDataSource(),
      options,
    );
    expect(sameRequest.value).toBeNull();
    expect(sameRequest.errors[0]?.message).toMatch(/Maximum number of 5 distinct invalidateSubscriptions/);
    const nextRequest = await runUnitResolver(
      effects,
      fieldContext({ trace: 't', invalidate: ['d', 'e', 'f'] }),
      noneDataSource(),
      resolveOptions(),
    );
    expect(nextRequest.errors).toEqual([]);
  });
});
