// A resolver importing @aws-appsync/utils/dynamodb, /ai and /rds loads and runs offline; rds misuse
// fails as AWS words it; a `where` whose meaning hangs on AWS's brackets is logged once per line.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadResolverCode, onRuntimeWarning, runUnitResolver, type ResolverCode } from '../../../local/appsync-js/index.js';
import { fieldContext, fixture, noneDataSource, resolveOptions } from './helpers.js';

let code: ResolverCode;
beforeAll(async () => {
  code = await loadResolverCode(fixture('unit/built-in-modules.ts'));
});

const echo = async (request: unknown) => ({ result: request });

describe('built-in modules in a loaded resolver', () => {
  it('builds a DynamoDB UpdateItem request with operations and a string set', async () => {
    const resolution = await runUnitResolver(code, fieldContext({ mode: 'ddb', id: 'h1' }), echo, resolveOptions());
    expect(resolution.errors).toEqual([]);
    expect(resolution.value).toEqual({
      operation: 'UpdateItem',
      key: { id: { S: 'h1' } },
      update: {
        expression: 'SET #expName_1 = #expName_1 + :expValue_1, #expName_2 = :expValue_2',
        expressionNames: { '#expName_1': 'visits', '#expName_2': 'tags' },
        expressionValues: { ':expValue_1': { N: 1 }, ':expValue_2': { SS: ['a'] } },
      },
    });
  });

  it('builds a Bedrock Converse request', async () => {
    const resolution = await runUnitResolver(code, fieldContext({ mode: 'ai', text: 'hi' }), echo, resolveOptions());
    expect(resolution.value).toEqual({ operation: 'Converse', modelId: 'model', messages: [{ role: 'user', content: [{ text: 'hi' }] }] });
  });

  it('fails an rds misuse with AWS sentence after the code position, with no error name', async () => {
    const resolution = await runUnitResolver(
      code,
      fieldContext({ mode: 'misuse', payload: { columns: ['id'] } }),
      noneDataSource(),
      resolveOptions(),
    );
    expect(resolution.value).toBeNull();
    expect(resolution.errors).toHaveLength(1);
    expect(resolution.errors[0]?.message).toMatch(/^code\.js:\d+:\d+: 'table' or 'from' key is required\.$/);
    expect(resolution.errors[0]?.errorType).toBe('Code');
  });

  it('gives AWS SQL for an or beside another condition and warns once, naming the resolver file and line', async () => {
    const printed: string[] = [];
    onRuntimeWarning((line) => printed.push(line));
    const first = await runUnitResolver(code, fieldContext({ city: 'Oslo' }), echo, resolveOptions());
    expect((first.value as { statements: string[] }).statements).toEqual([
      'SELECT * FROM "hotel" WHERE "city" = :P0 AND ("stars" >= :P1) OR ("price" < :P2)',
    ]);
    const warnings = first.logs.filter((line) => line.level === 'WARN');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.message).toMatch(/built-in-modules\.ts:10: where: an "or" list beside other conditions/);
    const second = await runUnitResolver(code, fieldContext({ city: 'Rome' }), echo, resolveOptions());
    expect(second.logs.filter((line) => line.level === 'WARN')).toEqual([]);
    onRuntimeWarning(undefined);
    expect(printed).toEqual([`WARN ${warnings[0]?.message}`]);
  });
});
