import { beforeAll, describe, expect, it } from 'vitest';
import {
  PipelineConfigError,
  createPipelineResolver,
  loadResolverCode,
  runPipelineResolver,
  type PipelineFunction,
  type ResolverCode,
} from '../../../local/appsync-js/index.js';
import { fieldContext, fixture, noneDataSource, resolveOptions } from './helpers.js';

let around: ResolverCode;
let step: ResolverCode;
beforeAll(async () => {
  around = await loadResolverCode(fixture('pipeline/around.ts'));
  step = await loadResolverCode(fixture('pipeline/step.ts'));
});

/** A pipeline of `count` copies of the step function, each with its own recording data source. */
function steps(count: number): { functions: PipelineFunction[]; calls: () => number } {
  const sources = Array.from({ length: count }, () => noneDataSource());
  return {
    functions: sources.map((dataSource) => ({ code: step, dataSource })),
    calls: () => sources.reduce((sum, source) => sum + source.requests.length, 0),
  };
}

async function run(args: Record<string, unknown>, count = 3, withCode = true) {
  const { functions, calls } = steps(count);
  const resolution = await runPipelineResolver(
    createPipelineResolver(withCode ? around : undefined, functions),
    fieldContext(args),
    resolveOptions(),
  );
  return { ...resolution, dataSourceCalls: calls() };
}

describe('runPipelineResolver: chaining and stash', () => {
  it('passes each return value on as ctx.prev.result and shares one stash across every step', async () => {
    const resolution = await run({}, 2);
    expect(resolution.errors).toEqual([]);
    expect(resolution.value).toEqual({
      prev: {
        step: 2,
        result: { step: 2, prev: { step: 1, result: { step: 1, prev: { from: 'before' } }, prev: { from: 'before' } } },
        prev: { step: 1, result: { step: 1, prev: { from: 'before' } }, prev: { from: 'before' } },
      },
      trace: ['before', 'request1', 'response1', 'request2', 'response2', 'after'],
    });
    expect(resolution.dataSourceCalls).toBe(2);
  });

  it('without resolver code: request returns {} and response returns ctx.prev.result', async () => {
    const resolution = await run({}, 2, false);
    expect(resolution.errors).toEqual([]);
    expect(resolution.value).toEqual({
      step: 2,
      result: { step: 2, prev: { step: 1, result: { step: 1, prev: {} }, prev: {} } },
      prev: { step: 1, result: { step: 1, prev: {} }, prev: {} },
    });
    expect(resolution.stash.trace).toEqual(['request1', 'response1', 'request2', 'response2']);
  });
});

describe('runPipelineResolver: runtime.earlyReturn in every position', () => {
  it('resolver request: every function is skipped, the resolver response runs with the value as prev.result', async () => {
    const resolution = await run({ before: 'earlyReturn' });
    expect(resolution.value).toEqual({ prev: { from: 'before' }, trace: ['before', 'after'] });
    expect(resolution.dataSourceCalls).toBe(0);
  });

  it('function request, no skipTo: that function is skipped, the next one runs', async () => {
    const resolution = await run({ plan: { 2: 'earlyReturn' } });
    expect(resolution.value).toMatchObject({
      trace: ['before', 'request1', 'response1', 'request2', 'request3', 'response3', 'after'],
      prev: { step: 3, prev: { early: 2 } },
    });
    expect(resolution.dataSourceCalls).toBe(2);
  });

  it("function request, skipTo 'NEXT': same as no skipTo", async () => {
    const resolution = await run({ plan: { 2: 'earlyReturnNext' } });
    expect(resolution.value).toMatchObject({ trace: ['before', 'request1', 'response1', 'request2', 'request3', 'response3', 'after'] });
  });

  it("function request, skipTo 'END': the remaining functions are skipped, the resolver response gets the value", async () => {
    const resolution = await run({ plan: { 1: 'earlyReturnEnd' } });
    expect(resolution.value).toEqual({ prev: { early: 1 }, trace: ['before', 'request1', 'after'] });
    expect(resolution.dataSourceCalls).toBe(0);
  });

  it("function response, skipTo 'END': its value goes straight to the resolver response", async () => {
    const resolution = await run({ plan: { 2: 'responseEarlyReturnEnd' } });
    expect(resolution.value).toEqual({
      prev: { lateEarly: 2 },
      trace: ['before', 'request1', 'response1', 'request2', 'response2', 'after'],
    });
  });

  it('resolver response: the value is the field value', async () => {
    const resolution = await run({ after: 'earlyReturn' }, 1);
    expect(resolution).toMatchObject({ value: { early: 'after' }, errors: [] });
  });
});

describe('runPipelineResolver: errors', () => {
  it('util.error in the resolver request: field null, no function runs', async () => {
    const resolution = await run({ before: 'error' });
    expect(resolution).toMatchObject({
      value: null,
      errors: [{ message: 'Refused before', errorType: 'Before', data: null, errorInfo: null }],
    });
    expect(resolution.dataSourceCalls).toBe(0);
  });

  it('util.error in a function request: the pipeline stops, the data source is not called', async () => {
    const resolution = await run({ plan: { 2: 'error' } });
    expect(resolution.value).toBeNull();
    expect(resolution.errors).toEqual([{ message: 'Step 2 failed', errorType: 'StepError', data: null, errorInfo: null }]);
    expect(resolution.dataSourceCalls).toBe(1);
    expect(resolution.stash.trace).toEqual(['before', 'request1', 'response1', 'request2']);
  });

  it('util.appendError in a function: the pipeline goes on and the entry is reported', async () => {
    const resolution = await run({ plan: { 1: 'append' } }, 2);
    expect(resolution.value).toMatchObject({ trace: ['before', 'request1', 'response1', 'request2', 'response2', 'after'] });
    expect(resolution.errors).toEqual([{ message: 'Step 1 noted', errorType: 'StepNote', data: null, errorInfo: null }]);
  });

  it('a JavaScript error in a function response stops the pipeline with a Code error', async () => {
    const resolution = await run({ plan: { 1: 'exception' } });
    expect(resolution.value).toBeNull();
    expect(resolution.errors).toHaveLength(1);
    expect(resolution.errors[0]).toMatchObject({ errorType: 'Code' });
    expect(resolution.errors[0]?.message).toMatch(/^code\.js:\d+:\d+: TypeError: /);
    expect(resolution.dataSourceCalls).toBe(1);
  });
});

describe('createPipelineResolver: at most 10 functions', () => {
  it('accepts 10 functions and runs them all', async () => {
    const resolution = await run({}, 10);
    expect(resolution.errors).toEqual([]);
    expect(resolution.dataSourceCalls).toBe(10);
    expect((resolution.value as { trace: string[] }).trace).toHaveLength(22);
  });

  it('refuses 11 functions and a pipeline without functions', () => {
    expect(() => createPipelineResolver(around, steps(11).functions)).toThrow(PipelineConfigError);
    expect(() => createPipelineResolver(around, steps(11).functions)).toThrow('A pipeline resolver has 1 to 10 functions; this one has 11');
    expect(() => createPipelineResolver(around, [])).toThrow(PipelineConfigError);
  });
});
