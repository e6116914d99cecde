// util.http as AWS documents it: copyHeaders drops only the ten hop-by-hop headers; a response
// header AWS refuses is ignored (never a field failure) and reported as a ResponseHeaderError.
import { describe, expect, it } from 'vitest';
import { freshRuntime } from '../modules.js';

function started() {
  const runtime = freshRuntime();
  runtime.instance.beginRequest();
  runtime.instance.beginInvocation({ fieldName: 'f', parentTypeName: 'Query' });
  return runtime;
}

describe('util.http', () => {
  it('copies every request header except the documented hop-by-hop ones', () => {
    const { util } = freshRuntime();
    const headers = {
      accept: 'application/json',
      Host: 'x',
      connection: 'keep-alive',
      'Content-Length': '3',
      te: 'trailers',
      expect: '100',
      'keep-alive': '5',
      upgrade: 'h2',
      'proxy-authenticate': 'a',
      'proxy-authorization': 'b',
      'transfer-encoding': 'chunked',
      authorization: 't',
      'x-api-key': 'k',
      'x-amz-date': 'd',
    };
    expect(util.http.copyHeaders(headers)).toEqual({ accept: 'application/json', authorization: 't', 'x-api-key': 'k', 'x-amz-date': 'd' });
  });

  it('records headers as effects, strings as is and other values as JSON, the last one winning', () => {
    const { util, instance } = started();
    util.http.addResponseHeader('itemsCount', 7);
    util.http.addResponseHeaders({ headerString: 'stringValue', headerObject: { field1: 7, field2: 'string' } });
    util.http.addResponseHeader('itemsCount', 8);
    const effects = instance.endInvocation();
    expect(effects.responseHeaders).toEqual({
      itemsCount: '8',
      headerString: 'stringValue',
      headerObject: '{"field1":7,"field2":"string"}',
    });
    expect(effects.errors).toEqual([]);
  });

  it('ignores restricted names, restricted prefixes, empty names and null values, reporting each without throwing', () => {
    const { util, instance } = started();
    for (const [name, value] of [
      ['Content-Type', 'a'],
      ['Vary', 'a'],
      ['access-control-allow-origin', '*'],
      ['Host', 'h'],
      ['X-Amzn-Trace', 'a'],
      ['x-amz-meta', 'a'],
      ['', 'a'],
      ['kept', null],
    ] as const) {
      expect(() => util.http.addResponseHeader(name, value)).not.toThrow();
    }
    const effects = instance.endInvocation();
    expect(effects.responseHeaders).toEqual({});
    expect(effects.errors.map((entry) => entry.errorType)).toEqual(Array(8).fill('ResponseHeaderError'));
    expect(effects.errors[0]?.message).toBe('Response header "Content-Type" was ignored: Content-Type is a restricted header name.');
    expect(effects.warnings).toHaveLength(8);
  });

  it('ignores a header that would take the request past 4 KB, and accepts it again once there is room', () => {
    const { util, instance } = started();
    util.http.addResponseHeader('a', 'x'.repeat(4000));
    instance.endInvocation();
    instance.beginInvocation({ fieldName: 'g', parentTypeName: 'Query' });
    util.http.addResponseHeader('b', 'y'.repeat(100));
    util.http.addResponseHeader('a', 'short');
    util.http.addResponseHeader('b', 'y'.repeat(100));
    const effects = instance.endInvocation();
    expect(effects.responseHeaders).toEqual({ a: 'short', b: 'y'.repeat(100) });
    expect(effects.errors).toHaveLength(1);
    expect(effects.errors[0]?.message).toContain('would pass 4096 bytes');
  });
});
