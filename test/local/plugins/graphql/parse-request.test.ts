import { describe, expect, it } from 'vitest';
import { parseGraphqlRequest } from '../../../../local/plugins/graphql/request/parse-request.js';

const post = new Request('http://local/graphql', { method: 'POST', headers: { 'content-type': 'application/json' } });

describe('Function: parseGraphqlRequest', () => {
  it('reads query, variables and operation name from a POST body', () => {
    const params = parseGraphqlRequest(post, JSON.stringify({ query: '{ a }', variables: { x: 1 }, operationName: 'A' }));
    expect(params).toEqual({ query: '{ a }', variables: { x: 1 }, operationName: 'A' });
  });

  it('reads them from a GET query string', () => {
    const url = `http://local/graphql?query=${encodeURIComponent('{ a }')}&variables=${encodeURIComponent('{"x":2}')}`;
    expect(parseGraphqlRequest(new Request(url), '')).toEqual({ query: '{ a }', variables: { x: 2 }, operationName: undefined });
  });

  it.each([
    ['an empty body', '', 'Request body is empty.'],
    ['a blank body', '  \n', 'Request body is empty.'],
    ['a body that is not JSON', 'meow', 'Unable to parse GraphQL query.'],
    ['an empty object', '{}', 'Unable to parse GraphQL query.'],
    ['an array', '[]', 'Unable to parse GraphQL query.'],
    ['variables that are not an object', '{"query":"{ a }","variables":[1]}', 'Unable to parse GraphQL query.'],
  ])('refuses %s with a 400 in AppSync words', (_what, body, message) => {
    expect(() => parseGraphqlRequest(post, body)).toThrow(
      expect.objectContaining({
        status: 400,
        errorType: 'MalformedHttpRequestException',
        message,
      }),
    );
  });
});
