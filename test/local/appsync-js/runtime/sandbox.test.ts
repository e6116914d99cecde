// The runtime must run inside the resolver sandbox: bundled into one script with nothing external,
// evaluated in a fresh vm context where string code generation is off and only ECMAScript
// intrinsics exist. Any Node import or host global would fail here.
import { build } from 'esbuild';
import vm from 'node:vm';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const entry = fileURLToPath(new URL('../../../../local/appsync-js/runtime/index.ts', import.meta.url));

let bundle = '';

beforeAll(async () => {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'neutral',
    format: 'iife',
    globalName: 'AppSyncRuntime',
    write: false,
    external: [],
    logLevel: 'silent',
  });
  bundle = result.outputFiles[0]!.text;
});

function evaluateInSandbox(script: string): unknown {
  const context = vm.createContext({}, { codeGeneration: { strings: false, wasm: false } });
  return vm.runInContext(`${bundle}\n${script}`, context);
}

describe('runtime bundle in an isolated context', () => {
  it('bundles with no external import', () => {
    expect(bundle).not.toMatch(/\brequire\(/);
    expect(bundle).not.toMatch(/\bimport\s*\(/);
  });

  it('builds an RDS request and runs util inside the sandbox', () => {
    const answer = evaluateInSandbox(`
      const instance = AppSyncRuntime.createAppSyncModules();
      const { util, runtime, extensions } = instance.modules['@aws-appsync/utils'];
      const rds = instance.modules['@aws-appsync/utils/rds'];
      instance.beginRequest();
      instance.beginInvocation({ fieldName: 'hotel', parentTypeName: 'Query', authMode: 'AWS_LAMBDA' });
      const request = rds.createPgStatement(rds.select({ table: 'hotel', where: { id: { eq: 'h1' } } }));
      util.appendError('careful', 'Warn');
      extensions.invalidateSubscriptions({ subscriptionField: 'onHotel', payload: { id: 'h1' } });
      const thrown = [];
      for (const call of [() => util.error('boom', 'Bad'), () => util.unauthorized(), () => runtime.earlyReturn({ a: 1 })]) {
        try { call(); } catch (signal) { thrown.push(signal); }
      }
      JSON.stringify({ request, authType: util.authType(), effects: instance.endInvocation(), thrown });
    `);
    expect(JSON.parse(answer as string)).toEqual({
      request: { statements: ['SELECT * FROM "hotel" WHERE "id" = :P0'], variableMap: { ':P0': 'h1' }, variableTypeHintMap: {} },
      authType: 'Lambda Authorization',
      effects: {
        errors: [{ message: 'careful', errorType: 'Warn', data: null, errorInfo: null }],
        subscriptionFilter: null,
        subscriptionInvalidationFilter: null,
        invalidations: [{ subscriptionField: 'onHotel', payload: { id: 'h1' } }],
        cacheEvictions: [],
        responseHeaders: {},
        warnings: [],
      },
      thrown: [
        { __appsyncSignal: 'error', message: 'boom', errorType: 'Bad', data: null, errorInfo: null },
        {
          __appsyncSignal: 'unauthorized',
          message: 'Not Authorized to access hotel on type Query',
          errorType: 'Unauthorized',
          data: null,
          errorInfo: null,
        },
        { __appsyncSignal: 'earlyReturn', value: { a: 1 }, skipTo: 'END' },
      ],
    });
  });

  it('runs every util area in the sandbox, even after the harness removes Intl', () => {
    const answer = evaluateInSandbox(`
      const { util } = AppSyncRuntime.createAppSyncModules().modules['@aws-appsync/utils'];
      delete globalThis.Intl;
      JSON.stringify({
        time: util.time.epochMilliSecondsToFormatted(1517943695749, "EEE, d MMM yyyy HH:mm:ss.SSS Z VV", 'Asia/Kolkata'),
        dst: util.time.parseFormattedToEpochMilliSeconds('2024-11-03 01:30', 'yyyy-MM-dd HH:mm', 'America/Los_Angeles'),
        base64: util.base64Decode(util.base64Encode('héllo 😀')),
        url: util.urlEncode('a b/é'),
        escaped: util.escapeJavaScript('"é"'),
        ids: [util.autoId().length, util.autoUlid().length, util.autoKsuid().length],
        matches: util.matches('(?i)\\\\p{Alpha}+', 'Hello'),
        xml: util.xml.toMap('<a><b>1</b></a>'),
        dynamo: util.transform.toDynamoDBFilterExpression({ a: { eq: 1 } }),
        filter: util.transform.toSubscriptionFilter({ a: { eq: 1 } }),
        normalized: util.str.normalize('e\u0301', 'nfc'),
      });
    `);
    expect(JSON.parse(answer as string)).toEqual({
      time: 'Wed, 7 Feb 2018 00:31:35.749 +0530 Asia/Kolkata',
      dst: Date.UTC(2024, 10, 3, 8, 30),
      base64: 'héllo 😀',
      url: 'a+b%2F%C3%A9',
      escaped: '\\"\\u00E9\\"',
      ids: [36, 26, 27],
      matches: true,
      xml: { a: { b: 1 } },
      dynamo: '{"expression":"(#a = :a_eq)","expressionNames":{"#a":"a"},"expressionValues":{":a_eq":{"N":1}}}',
      filter: { filterGroup: [{ filters: [{ fieldName: 'a', operator: 'eq', value: 1 }] }] },
      normalized: 'é',
    });
  });

  it('keeps every function it exposes in the sandbox realm', () => {
    const answer = evaluateInSandbox(`
      const instance = AppSyncRuntime.createAppSyncModules();
      const seen = [];
      const visit = (value, path) => {
        if (typeof value === 'function') seen.push([path, value.constructor === Function]);
        else if (value && typeof value === 'object') for (const key of Object.keys(value)) visit(value[key], path + '.' + key);
      };
      visit(instance.modules, 'modules');
      JSON.stringify(seen);
    `);
    const seen = JSON.parse(answer as string) as [string, boolean][];
    expect(seen.length).toBeGreaterThan(20);
    expect(seen.filter(([, sameRealm]) => !sameRealm)).toEqual([]);
  });
});
