import { beforeAll, describe, expect, it } from 'vitest';
import { loadResolverCode, runUnitResolver, type ResolverCode } from '../../../local/appsync-js/index.js';
import { fieldContext, fixture, noneDataSource, resolveOptions } from './helpers.js';

let endless: ResolverCode;
let echo: ResolverCode;
let huge: ResolverCode;
let hungry: ResolverCode;
let echoText: ResolverCode;
beforeAll(async () => {
  endless = await loadResolverCode(fixture('unit/endless.ts'));
  echo = await loadResolverCode(fixture('unit/early-return.ts'));
  huge = await loadResolverCode(fixture('unit/huge-output.ts'));
  hungry = await loadResolverCode(fixture('unit/hungry.ts'));
  echoText = await loadResolverCode(fixture('unit/echo-text.ts'));
});

describe('the request deadline', () => {
  it('stops an endless loop and fails only that field; other fields and the same file keep working', async () => {
    const options = resolveOptions(300);
    const stuck = await runUnitResolver(endless, fieldContext({ id: 'a' }), noneDataSource(), options);
    expect(stuck.value).toBeNull();
    expect(stuck.errors).toEqual([{ message: 'Execution timed out.', errorType: 'ExecutionTimeout', data: null, errorInfo: null }]);

    const other = await runUnitResolver(echo, fieldContext({ where: 'request' }), noneDataSource(), resolveOptions());
    expect(other).toMatchObject({ value: { early: 'request' }, errors: [] });
    // The context that timed out is still usable: its next call also runs (and times out again).
    const again = await runUnitResolver(endless, fieldContext({ id: 'b' }), noneDataSource(), resolveOptions(50));
    expect(again.errors[0]?.errorType).toBe('ExecutionTimeout');
  });

  it('fails a handler that takes memory without end, and the server and other files go on', async () => {
    const greedy = await runUnitResolver(hungry, fieldContext({ id: 'x' }), noneDataSource(), resolveOptions(5000));
    expect(greedy).toMatchObject({ value: null, errors: [{ errorType: 'ExecutionTimeout' }] });
    const other = await runUnitResolver(echo, fieldContext({ where: 'request' }), noneDataSource(), resolveOptions());
    expect(other).toMatchObject({ value: { early: 'request' }, errors: [] });
  });

  it('does not start a handler once the deadline has passed', async () => {
    const dataSource = noneDataSource();
    const late = await runUnitResolver(echo, fieldContext({ where: 'nowhere' }), dataSource, {
      deadline: Date.now() - 1,
      requestId: 'late',
    });
    expect(late).toMatchObject({ value: null, errors: [{ errorType: 'ExecutionTimeout' }] });
    expect(dataSource.requests).toEqual([]);
  });
});

describe('the 5 MB output limit', () => {
  it('fails a handler whose output is over 5 MB, and only that field', async () => {
    const tooBig = await runUnitResolver(huge, fieldContext({ size: 600_000 }), noneDataSource(), resolveOptions());
    expect(tooBig.value).toBeNull();
    expect(tooBig.errors).toHaveLength(1);
    expect(tooBig.errors[0]).toMatchObject({ errorType: 'ResolverOutputTooLarge', data: null, errorInfo: null });
    const fine = await runUnitResolver(huge, fieldContext({ size: 1000 }), noneDataSource(), resolveOptions());
    expect(fine.errors).toEqual([]);
    expect((fine.value as { text: string }).text).toHaveLength(10_000);
  });
});

describe('calls and outputs crossing to the sandbox thread', () => {
  // Small calls cross in a shared buffer, larger ones as messages: both arrive whole.
  it.each([
    ['short ASCII', 'hello'],
    ['text of every UTF-8 width', 'a\u00e9\u20ac\u{1f600}'.repeat(1000)],
    ['ASCII over the shared buffer', 'x'.repeat(1_500_000)],
    ['fewer characters than the buffer has bytes, but more bytes', '\u20ac'.repeat(400_000)],
    ['a surrogate pair on the buffer edge', `${'x'.repeat((1 << 20) - 1)}\u{1f600}`],
  ])('%s', async (_name, text) => {
    const resolution = await runUnitResolver(echoText, fieldContext({ text }), noneDataSource(), resolveOptions());
    expect(resolution.errors).toEqual([]);
    expect(resolution.value).toEqual({ text, length: text.length });
  });
});
