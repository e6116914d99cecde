import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  loadResolverCode,
  NONE_DATA_SOURCE,
  recordHandlerCalls,
  runUnitResolver,
  stopRecording,
  type FieldResolution,
  type ResolverCode,
} from '../../../local/appsync-js/index.js';
import { fieldContext, fixture, noneDataSource, resolveOptions } from './helpers.js';

// A unit resolver on the NONE data source runs both handlers in one call to its sandbox. Each
// case runs both ways: through the host (a NONE data source the host calls between the handlers)
// and in one call, and must resolve the same.
const cases: [file: string, args: Record<string, unknown>][] = [
  ['ctx-fields', { id: 'h1' }],
  ['ctx-between-handlers', { id: 'h2' }],
  ['replace-stash-indirectly', { key: 'k' }],
  ['module-state', { id: 'a' }],
  ['early-return', { where: 'request' }],
  ['early-return', { where: 'response' }],
  ['early-return', { where: 'nowhere' }],
  ['errors', { mode: 'errorInRequest' }],
  ['errors', { mode: 'append' }],
  ['errors', { mode: 'unserializable' }],
  ['errors', { mode: 'unauthorized' }],
  ['logs-and-exception', { id: 'h1' }],
  ['effects', { trace: 't', invalidate: ['a', 'b'] }],
  ['huge-output', { size: 1000 }],
  ['huge-output', { size: 600_000 }],
];

const codes = new Map<string, ResolverCode>();
beforeAll(async () => {
  for (const file of new Set(cases.map(([name]) => name))) codes.set(file, await loadResolverCode(fixture(`unit/${file}.ts`)));
});

function resolve(file: string, args: Record<string, unknown>, oneCall: boolean): Promise<FieldResolution> {
  const code = codes.get(file);
  if (!code) throw new Error(`${file} not loaded`);
  return runUnitResolver(code, fieldContext(structuredClone(args)), oneCall ? NONE_DATA_SOURCE : noneDataSource(), resolveOptions());
}

describe('a unit resolver on NONE, both handlers in one call', () => {
  it.each(cases)('%s %j resolves as through the host', async (file, args) => {
    const throughHost = await resolve(file, args, false);
    const inOneCall = await resolve(file, args, true);
    expect(inOneCall).toEqual(throughHost);
  });

  it('gives response a fresh ctx with the stash, the payload as JSON, and the keys in the host order', async () => {
    const resolution = await resolve('ctx-between-handlers', { id: 'h3' }, true);
    expect(resolution.errors).toEqual([]);
    expect(resolution.value).toEqual({
      keys: ['arguments', 'identity', 'source', 'request', 'info', 'env', 'result', 'stash', 'args'],
      args: { id: 'h3' },
      infoChanged: null,
      stash: { keptInStash: 'h3' },
      result: { id: 'h3', list: [1, null] },
      error: null,
    });
  });

  it('stops at the deadline like any call', async () => {
    const endless = await loadResolverCode(fixture('unit/endless.ts'));
    const stuck = await runUnitResolver(endless, fieldContext({ id: 'a' }), NONE_DATA_SOURCE, resolveOptions(300));
    expect(stuck).toMatchObject({ value: null, errors: [{ message: 'Execution timed out.', errorType: 'ExecutionTimeout' }] });
  });

  it('records both handler calls with the contexts the host would have given', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'roam-none-record-'));
    recordHandlerCalls(dir, fixture('.'));
    try {
      await resolve('ctx-between-handlers', { id: 'h4' }, true);
    } finally {
      stopRecording();
    }
    const records = readdirSync(dir)
      .sort()
      .map((name) => JSON.parse(readFileSync(path.join(dir, name), 'utf8')) as { handler: string; context: Record<string, unknown> });
    expect(records.map((record) => record.handler)).toEqual(['request', 'response']);
    expect(records[1]?.context).toMatchObject({
      arguments: { id: 'h4' },
      result: { id: 'h4', list: [1, null] },
      stash: { keptInStash: 'h4' },
    });
  });
});
