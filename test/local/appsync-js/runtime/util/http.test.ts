// util.http: copyHeaders and the response header rules (restricted prefixes, 4 KB per request).
import { describe, expect, it } from 'vitest';
import { readSignal } from '../../../../../local/appsync-js/runtime/index.js';
import { freshRuntime } from '../modules.js';

const messageOf = (run: () => unknown): string | undefined => {
  try {
    run();
  } catch (thrown) {
    return (readSignal(thrown) as { message?: string } | undefined)?.message;
  }
  return undefined;
};

describe('util.http', () => {
  it('copies request headers without hop-by-hop, credential and AWS ones', () => {
    const { util } = freshRuntime();
    expect(util.http.copyHeaders({ accept: 'application/json', host: 'x', authorization: 't', 'x-api-key': 'k', 'x-amz-date': 'd', 'x-custom': '1' }))
      .toEqual({ accept: 'application/json', 'x-custom': '1' });
  });

  it('records headers as effects, strings as is and other values as JSON, the last one winning', () => {
    const { util, instance } = freshRuntime();
    instance.beginRequest();
    instance.beginInvocation({ fieldName: 'f', parentTypeName: 'Query' });
    util.http.addResponseHeader('itemsCount', 7);
    util.http.addResponseHeaders({ headerString: 'stringValue', headerObject: { field1: 7, field2: 'string' } });
    util.http.addResponseHeader('itemsCount', 8);
    expect(instance.endInvocation().responseHeaders).toEqual({ itemsCount: '8', headerString: 'stringValue', headerObject: '{"field1":7,"field2":"string"}' });
  });

  it('refuses x-amz- and x-amzn- names and bad names', () => {
    const { util } = freshRuntime();
    expect(messageOf(() => util.http.addResponseHeader('X-Amzn-Trace', 'a'))).toBe('Response header name is restricted: X-Amzn-Trace');
    expect(messageOf(() => util.http.addResponseHeader('x-amz-meta', 'a'))).toBe('Response header name is restricted: x-amz-meta');
    expect(messageOf(() => util.http.addResponseHeader('bad name', 'a'))).toBe('Invalid response header name: bad name');
  });

  it('keeps all custom headers of a request within 4 KB', () => {
    const { util, instance } = freshRuntime();
    instance.beginRequest();
    instance.beginInvocation({ fieldName: 'f', parentTypeName: 'Query' });
    util.http.addResponseHeader('a', 'x'.repeat(4000));
    instance.endInvocation();
    instance.beginInvocation({ fieldName: 'g', parentTypeName: 'Query' });
    expect(messageOf(() => util.http.addResponseHeader('b', 'y'.repeat(100)))).toBe('Custom response headers exceed the 4096 byte limit');
    util.http.addResponseHeader('a', 'short');
    util.http.addResponseHeader('b', 'y'.repeat(100));
    expect(instance.endInvocation().responseHeaders).toEqual({ a: 'short', b: 'y'.repeat(100) });
  });
});
