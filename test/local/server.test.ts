import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalServer, type LocalServer } from '../../local/server.js';
import { basicApi } from '../fixtures/apis/basic/config.js';

const API_KEY = 'da2-fixturefixturefixturefixt';
let server: LocalServer;
let dataDir: string;

async function graphql(body: unknown, headers: Record<string, string> = { 'x-api-key': API_KEY }) {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as any };
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'roam-server-'));
  server = await startLocalServer(basicApi, {
    rootDir: process.cwd(),
    dataDir,
    port: 0,
    host: '127.0.0.1',
    apiKey: API_KEY,
    log: () => {},
  });
});

afterAll(async () => {
  await server?.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('Offline server: resolvers and data sources', () => {
  it('serves a JS unit resolver on the NONE data source', async () => {
    const { status, body } = await graphql({ query: '{ echo(message: "hi") }' });
    expect(status).toBe(200);
    expect(body).toEqual({ data: { echo: 'hi' } });
  });

  it('writes and reads through the RDS data source', async () => {
    const added = await graphql({ query: 'mutation { addNote(text: "first") { id text } }' });
    expect(added.body.data.addNote).toMatchObject({ text: 'first' });
    const read = await graphql({ query: `{ note(id: ${added.body.data.addNote.id}) { id text createdAt } }` });
    expect(read.body.data.note).toMatchObject({ id: added.body.data.addNote.id, text: 'first' });
    expect(read.body.data.note.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
  });

  it('batches a nested Lambda field across a list with BatchInvoke', async () => {
    await graphql({ query: 'mutation { a: addNote(text: "abc") { id } b: addNote(text: "hello") { id } }' });
    const { body } = await graphql({ query: '{ notes { text length } }' });
    expect(body.errors).toBeUndefined();
    for (const note of body.data.notes) expect(note.length).toBe(note.text.length);
  });

  it('invokes a Lambda and surfaces its failure as Lambda:Unhandled', async () => {
    expect((await graphql({ query: '{ shout(message: "quiet") }' })).body).toEqual({ data: { shout: 'QUIET' } });
    const failed = await graphql({ query: '{ shout(message: "fail") }' });
    expect(failed.body.data).toEqual({ shout: null });
    expect(failed.body.errors).toEqual([
      {
        path: ['shout'],
        data: null,
        errorType: 'Lambda:Unhandled',
        errorInfo: null,
        locations: [{ line: 1, column: 3, sourceName: null }],
        message: 'the fixture was asked to fail',
      },
    ]);
  });

  it('runs a pipeline with a shared stash', async () => {
    expect((await graphql({ query: '{ pipelineGreeting(name: "Ada") }' })).body).toEqual({ data: { pipelineGreeting: 'Hello, Ada!' } });
  });

  it('hands a direct Lambda resolver the whole context', async () => {
    const { body } = await graphql({ query: '{ direct(value: "v") { fieldName argument identityIsNull } }' });
    expect(body).toEqual({ data: { direct: { fieldName: 'direct', argument: 'v', identityIsNull: true } } });
  });
});

describe('Offline server: auth, errors and status codes', () => {
  it('refuses a field the caller mode may not read, and still answers the others', async () => {
    const { status, body } = await graphql({ query: '{ echo(message: "x") secret }' });
    expect(status).toBe(200);
    expect(body.data).toEqual({ echo: 'x', secret: null });
    expect(body.errors[0]).toMatchObject({
      errorType: 'Unauthorized',
      message: 'Not Authorized to access secret on type Query',
      path: ['secret'],
    });
  });

  it.each([
    // The default mode is user pools here, so a request with no credentials misses its header.
    ['no credentials', {}, 'Valid authorization header not provided.'],
    ['a wrong API key', { 'x-api-key': 'da2-wrong' }, 'You are not authorized to make this call.'],
  ])('answers %s with a 401 in AppSync shape', async (_what, headers, message) => {
    const { status, headers: responseHeaders, body } = await graphql({ query: '{ echo(message: "x") }' }, headers);
    expect(status).toBe(401);
    expect(responseHeaders.get('x-amzn-errortype')).toBe('UnauthorizedException');
    expect(body).toEqual({ errors: [{ errorType: 'UnauthorizedException', message }] });
  });

  it('answers an empty body with a 400', async () => {
    const response = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'x-api-key': API_KEY } });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ errors: [{ errorType: 'MalformedHttpRequestException', message: 'Request body is empty.' }] });
  });

  it('answers a validation error with a 200 and no data', async () => {
    const { status, body } = await graphql({ query: '{ badfield }' });
    expect(status).toBe(200);
    expect(body).toEqual({
      data: null,
      errors: [
        {
          path: null,
          locations: [{ line: 1, column: 3, sourceName: null }],
          message: "Validation error of type FieldUndefined: Field 'badfield' in type 'Query' is undefined @ 'badfield'",
        },
      ],
    });
  });

  it('answers a missing non-null variable in graphql-java words', async () => {
    const { status, body } = await graphql({ query: 'query Echo($m: String!) { echo(message: $m) }' });
    expect(status).toBe(200);
    expect(body).toEqual({
      data: null,
      errors: [
        {
          path: null,
          locations: [{ line: 1, column: 12, sourceName: null }],
          message: "Variable 'm' has coerced Null value for NonNull type 'String!'",
        },
      ],
    });
  });

  it('serves GET with the query in the query string', async () => {
    const response = await fetch(`${server.url}/graphql?query=${encodeURIComponent('{ echo(message: "get") }')}`, {
      headers: { 'x-api-key': API_KEY },
    });
    expect(await response.json()).toEqual({ data: { echo: 'get' } });
  });

  it('answers /health with the URLs and ARNs scripts need', async () => {
    const health = await (await fetch(`${server.url}/health`)).json();
    expect(health).toMatchObject({
      status: 'ready',
      graphql: `${server.url}/graphql`,
      dataApi: { url: `${server.url}/data-api`, resourceArn: server.dataApi.resourceArn },
    });
  });
});
