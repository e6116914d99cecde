import { beforeAll, describe, expect, it } from 'vitest';
import { loadResolverCode, runUnitResolver, type DataSourceCall, type ResolverCode } from '../../../local/appsync-js/index.js';
import { fieldContext, fixture, noneDataSource, resolveOptions } from './helpers.js';

const codes: Record<string, ResolverCode> = {};
beforeAll(async () => {
  for (const name of ['ctx-fields', 'early-return', 'errors', 'logs-and-exception', 'module-state', 'replace-stash-indirectly']) {
    codes[name] = await loadResolverCode(fixture(`unit/${name}.ts`));
  }
});

function code(name: string): ResolverCode {
  const loaded = codes[name];
  if (!loaded) throw new Error(`fixture ${name} not loaded`);
  return loaded;
}

const failingDataSource: DataSourceCall = async () => ({ error: { message: 'Table is gone', type: 'DataSource:Failed' } });

describe('runUnitResolver: ctx', () => {
  it('gives the handlers arguments (args is the same object), identity, source, request, info, env and a shared stash', async () => {
    const identity = { sub: 'user-1', username: 'ana', groups: ['admins'] };
    const info = {
      fieldName: 'hotel',
      parentTypeName: 'Query',
      variables: { id: 'h1' },
      selectionSetList: ['id', 'name'],
      selectionSetGraphQL: '{\n  id\n  name\n}',
    };
    const field = fieldContext({ id: 'h1' }, { identity, source: { parent: true }, info, env: { STAGE: 'dev' } });
    const resolution = await runUnitResolver(code('ctx-fields'), field, noneDataSource(), resolveOptions());
    expect(resolution.errors).toEqual([]);
    expect(resolution.value).toEqual({
      arguments: { id: 'h1' },
      sameArgs: true,
      identity,
      source: { parent: true },
      headers: { 'x-api-key': 'da2-test' },
      domainName: null,
      info,
      env: { STAGE: 'dev' },
      stash: { fromRequest: 'h1' },
      hasError: false,
    });
  });

  it('refuses to replace the stash (or any top-level ctx property) at run time', async () => {
    for (const key of ['stash', 'args', 'arguments', 'prev']) {
      const resolution = await runUnitResolver(code('replace-stash-indirectly'), fieldContext({ key }), noneDataSource(), resolveOptions());
      expect(resolution.value).toBeNull();
      expect(resolution.errors[0]?.message).toMatch(/^code\.js:\d+:\d+: TypeError: Cannot (assign to read only|add) property/);
    }
  });

  it('starts every call with a fresh stash', async () => {
    await runUnitResolver(code('ctx-fields'), fieldContext({ id: 'first' }), noneDataSource(), resolveOptions());
    const second = await runUnitResolver(code('ctx-fields'), fieldContext({ id: 'second' }), noneDataSource(), resolveOptions());
    expect(second.stash).toEqual({ fromRequest: 'second' });
  });
});

describe('runUnitResolver: module state', () => {
  it('evaluates the module afresh for every handler call, so nothing leaks between calls or requests', async () => {
    const first = await runUnitResolver(code('module-state'), fieldContext({ id: 'a' }), noneDataSource(), resolveOptions());
    const second = await runUnitResolver(code('module-state'), fieldContext({ id: 'b' }), noneDataSource(), resolveOptions());
    expect(first.value).toEqual({ calls: 1, id: 'a', callsSeenByResponse: 1 });
    expect(second.value).toEqual({ calls: 1, id: 'b', callsSeenByResponse: 1 });
  });
});

describe('runUnitResolver: runtime.earlyReturn', () => {
  it('in request: skips the data source and the response handler', async () => {
    const dataSource = noneDataSource();
    const resolution = await runUnitResolver(code('early-return'), fieldContext({ where: 'request' }), dataSource, resolveOptions());
    expect(resolution).toMatchObject({ value: { early: 'request' }, errors: [] });
    expect(dataSource.requests).toEqual([]);
  });

  it('in response: its value is the field value', async () => {
    const dataSource = noneDataSource();
    const resolution = await runUnitResolver(code('early-return'), fieldContext({ where: 'response' }), dataSource, resolveOptions());
    expect(resolution).toMatchObject({ value: { early: 'response' }, errors: [] });
    expect(dataSource.requests).toHaveLength(1);
  });

  it('not called: request → data source → response', async () => {
    const resolution = await runUnitResolver(code('early-return'), fieldContext({ where: 'nowhere' }), noneDataSource(), resolveOptions());
    expect(resolution.value).toEqual({ reached: 'dataSource' });
  });
});

describe('runUnitResolver: errors', () => {
  it('util.error in request: field null, one entry with every AppSync key, data source not called', async () => {
    const dataSource = noneDataSource();
    const resolution = await runUnitResolver(code('errors'), fieldContext({ mode: 'errorInRequest' }), dataSource, resolveOptions());
    expect(resolution.value).toBeNull();
    expect(resolution.errors).toEqual([{ message: 'Bad input', errorType: 'BadRequest', data: { id: 1 }, errorInfo: { hint: 'fix it' } }]);
    expect(dataSource.requests).toEqual([]);
  });

  it('util.appendError: the value is kept and every appended entry is reported, in order', async () => {
    const resolution = await runUnitResolver(code('errors'), fieldContext({ mode: 'append' }), noneDataSource(), resolveOptions());
    expect(resolution.value).toEqual({ ok: true });
    expect(resolution.errors).toEqual([
      { message: 'Partly wrong', errorType: 'Partial', data: null, errorInfo: { n: 1 } },
      { message: 'Also wrong', errorType: null, data: null, errorInfo: null },
    ]);
  });

  it('output that is not JSON (a BigInt in appended error data) fails the field with a Code error', async () => {
    const dataSource = noneDataSource();
    const resolution = await runUnitResolver(code('errors'), fieldContext({ mode: 'unserializable' }), dataSource, resolveOptions());
    expect(resolution.value).toBeNull();
    expect(resolution.errors).toEqual([
      { message: 'TypeError: Do not know how to serialize a BigInt', errorType: 'Code', data: null, errorInfo: null },
    ]);
    expect(dataSource.requests).toEqual([]);
  });

  it('util.unauthorized: Unauthorized, naming the field and its type', async () => {
    const field = fieldContext({ mode: 'unauthorized' });
    const resolution = await runUnitResolver(code('errors'), field, noneDataSource(), resolveOptions());
    expect(resolution.value).toBeNull();
    expect(resolution.errors).toEqual([
      { message: 'Not Authorized to access probe on type Query', errorType: 'Unauthorized', data: null, errorInfo: null },
    ]);
  });

  it('a data source error is not raised unless the response handler raises it', async () => {
    const ignored = await runUnitResolver(code('errors'), fieldContext({ mode: 'ignore' }), failingDataSource, resolveOptions());
    expect(ignored).toMatchObject({ value: null, errors: [] });
    const raised = await runUnitResolver(
      code('errors'),
      fieldContext({ mode: 'raiseDataSourceError' }),
      failingDataSource,
      resolveOptions(),
    );
    expect(raised.errors).toEqual([{ message: 'Table is gone', errorType: 'DataSource:Failed', data: null, errorInfo: null }]);
  });

  it('a JavaScript error fails the field with errorType Code, a position in code.js and no stack', async () => {
    const resolution = await runUnitResolver(code('logs-and-exception'), fieldContext({ id: 'h1' }), noneDataSource(), resolveOptions());
    expect(resolution.value).toBeNull();
    expect(resolution.errors).toEqual([
      {
        message: "code.js:9:27: TypeError: Cannot read properties of undefined (reading 'property')",
        errorType: 'Code',
        data: null,
        errorInfo: null,
      },
    ]);
  });
});

describe('runUnitResolver: logs', () => {
  it('collects console.log and console.error lines, and the source position of an exception', async () => {
    const resolution = await runUnitResolver(code('logs-and-exception'), fieldContext({ id: 'h1' }), noneDataSource(), resolveOptions());
    const file = fixture('unit/logs-and-exception.ts');
    expect(resolution.logs).toEqual([
      { level: 'INFO', message: 'looking up h1 {"nested":true}', file, handler: 'request' },
      { level: 'ERROR', message: 'something odd', file, handler: 'request' },
      {
        level: 'ERROR',
        message: `TypeError: Cannot read properties of undefined (reading 'property')${` (at ${file}:11:27)`}`,
        file,
        handler: 'response',
      },
    ]);
  });
});
