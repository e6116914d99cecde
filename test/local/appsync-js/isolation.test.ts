import { beforeAll, describe, expect, it } from 'vitest';
import { loadResolverCode, runUnitResolver, type ResolverCode } from '../../../local/appsync-js/index.js';
import { fieldContext, fixture, noneDataSource, resolveOptions } from './helpers.js';

let attempts: ResolverCode;
beforeAll(async () => {
  attempts = await loadResolverCode(fixture('isolation/attempts.ts'));
});

describe('resolver code runs isolated, with only what AppSync offers', () => {
  it.each([
    ['process', /ReferenceError: process is not defined/],
    ['require', /TypeError: .*require is not a function/],
    ['setTimeout', /ReferenceError: setTimeout is not defined/],
    ['fetch', /ReferenceError: fetch is not defined/],
    ['Buffer', /ReferenceError: Buffer is not defined/],
    ['eval', /EvalError: Code generation from strings disallowed/],
    ['newFunction', /EvalError: Code generation from strings disallowed/],
    ['globalConstructor', /EvalError: Code generation from strings disallowed/],
    ['utilConstructor', /EvalError: Code generation from strings disallowed/],
    ['arrowConstructor', /EvalError: Code generation from strings disallowed/],
    ['prepareStackTrace', /TypeError: Cannot assign to read only property 'prepareStackTrace'/],
    ['replaceError', /TypeError: Cannot assign to read only property 'Error'/],
  ])('%s fails the field with a Code error', async (attempt, message) => {
    const dataSource = noneDataSource();
    const resolution = await runUnitResolver(attempts, fieldContext({ attempt }), dataSource, resolveOptions());
    expect(resolution.value).toBeNull();
    expect(resolution.errors).toHaveLength(1);
    expect(resolution.errors[0]).toMatchObject({ errorType: 'Code', data: null, errorInfo: null });
    expect(resolution.errors[0]?.message).toMatch(message);
    expect(resolution.errors[0]?.message).toMatch(/^code\.js:\d+:\d+: /);
    expect(resolution.errors[0]?.message).not.toMatch(/\n\s+at /);
    expect(dataSource.requests).toHaveLength(0);
  });

  it('runs the same file normally when it attempts nothing', async () => {
    const resolution = await runUnitResolver(attempts, fieldContext({ attempt: 'none' }), noneDataSource(), resolveOptions());
    expect(resolution).toMatchObject({ value: 'nothing attempted', errors: [] });
  });

  it("shows resolver code only the sandbox's own stack frames, never the host's", async () => {
    const resolution = await runUnitResolver(attempts, fieldContext({ attempt: 'readStack' }), noneDataSource(), resolveOptions());
    const stack = resolution.value as string;
    expect(stack).toMatch(/^Error: where am I\n {4}at request \(code\.js:\d+:\d+\)/);
    expect(stack).not.toMatch(/file:|node:|\/work\/|sandbox\.ts/);
  });

  it('hands resolver code no host object: results cross as JSON copies', async () => {
    const args = { attempt: 'none', nested: { list: [1, 2] } };
    const resolution = await runUnitResolver(attempts, fieldContext(args), noneDataSource(), resolveOptions());
    expect(resolution.value).toBe('nothing attempted');
    expect(Object.getPrototypeOf(resolution.stash)).toBe(Object.prototype);
    expect(args).toEqual({ attempt: 'none', nested: { list: [1, 2] } });
  });
});
