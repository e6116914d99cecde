import { describe, expect, it } from 'vitest';
import { createBufferedRequest } from '../../../local/adapters/buffered-request.js';
import { bufferedPartsOf, bufferedResponse } from '../../../local/adapters/buffered-response.js';

function request(body = '{"query":"{ a }"}', method = 'POST') {
  let made = 0;
  const controller = new AbortController();
  const made$ = () => made;
  const built = createBufferedRequest({
    url: 'http://127.0.0.1:4000/graphql?x=1',
    method,
    headers: { 'content-type': 'application/json', 'x-api-key': 'da2-k', 'set-cookie': ['a=1', 'b=2'] },
    body: Buffer.from(body),
    signal: () => {
      made += 1;
      return controller.signal;
    },
  });
  return { built, controller, made: made$ };
}

describe('a Request over an already read body', () => {
  it('is a Request, and answers method, url, headers and the body from what it holds', async () => {
    const { built } = request();
    expect(built).toBeInstanceOf(Request);
    expect(built.method).toBe('POST');
    expect(built.url).toBe('http://127.0.0.1:4000/graphql?x=1');
    expect(built.headers.get('x-api-key')).toBe('da2-k');
    expect(built.headers.getSetCookie()).toEqual(['a=1', 'b=2']);
    expect(await built.clone().json()).toEqual({ query: '{ a }' });
    expect(await built.text()).toBe('{"query":"{ a }"}');
    expect(built.bodyUsed).toBe(true);
  });

  it('refuses a second read of its body, as a Request does', async () => {
    const { built } = request();
    await built.text();
    expect(() => built.text()).toThrow(TypeError);
    expect(() => built.clone()).toThrow(TypeError);
  });

  it('makes its signal only when asked, and it is the adapter’s', () => {
    const { built, controller, made } = request();
    expect(made()).toBe(0);
    controller.abort();
    expect(built.signal.aborted).toBe(true);
    expect(made()).toBe(1);
  });

  it('answers every other Request member through a real Request with the same contents', async () => {
    const { built } = request('hello');
    expect(built.redirect).toBe('follow');
    expect(await new Response(built.body).text()).toBe('hello');
    const get = request('', 'GET').built;
    expect(get.body).toBeNull();
  });
});

describe('a Response over a body at hand', () => {
  it('is a Response whose parts the adapter writes directly', () => {
    const response = bufferedResponse('{"ok":true}', { status: 201, headers: { 'content-type': 'application/json' } });
    expect(response).toBeInstanceOf(Response);
    expect(response.status).toBe(201);
    expect(response.ok).toBe(true);
    expect(bufferedPartsOf(response)).toEqual({ status: 201, headers: { 'content-type': 'application/json' }, body: '{"ok":true}' });
    expect(bufferedPartsOf(new Response('x'))).toBeUndefined();
  });

  it('writes headers changed after it was made', () => {
    const response = bufferedResponse('x', { headers: { a: '1' } });
    response.headers.set('b', '2');
    const headers = bufferedPartsOf(response)?.headers as Headers;
    expect(Object.fromEntries(headers)).toEqual({ a: '1', b: '2' });
  });

  it('answers other members through a real Response, and is then written as one', async () => {
    const response = bufferedResponse('{"ok":true}', { status: 404, headers: { 'x-a': 'b' } });
    expect(await response.json()).toEqual({ ok: true });
    expect(response.bodyUsed).toBe(true);
    expect(bufferedPartsOf(response)).toBeUndefined();
    expect(response.headers.get('x-a')).toBe('b');
  });
});
