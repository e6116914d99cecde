/**
 * Random and malformed input against every surface of the offline server: GraphQL bodies, queries
 * and variables over HTTP, AppSync's scalars, WebSocket frames and handshake headers, auth headers,
 * the Data API (unsigned and signed) and the token issuer. Whatever arrives: no crash, no 5xx, no
 * stack trace or SQL text in an answer, memory bounded.
 *
 * Seeded and bounded in `npm test`; `npm run fuzz` runs many more (ROAM_FUZZ_RUNS, ROAM_FUZZ_SEED).
 */
import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import fc from 'fast-check';
import { GraphQLError } from 'graphql';
import { WebSocket } from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appSyncScalars } from '../../../local/plugins/graphql/scalars/index.js';
import { API_KEY, apiKeyHeaders, startRealtimeFixture, type RealtimeFixtureServer } from '../plugins/realtime/support/realtime-server.js';

const RUNS = Number(process.env.ROAM_FUZZ_RUNS ?? 60);
const SEED = Number(process.env.ROAM_FUZZ_SEED ?? 1414);
const settings = (factor = 1) => ({ numRuns: Math.max(1, Math.round(RUNS * factor)), seed: SEED, endOnFailure: true });

let fixture: RealtimeFixtureServer;
/** Inputs sent per surface, printed at the end so a run says how much it tried. */
const counts: Record<string, number> = {};
const count = (surface: string) => (counts[surface] = (counts[surface] ?? 0) + 1);
let heapBefore = 0;

/** What no answer may contain: a stack trace or a file path of ours. */
const TRACES = /\n\s+at |at [\w.<>]+ \(|node_modules|\/work\/|\.ts:\d+/;
/** ...nor, outside the Data API (whose DatabaseErrorException carries PostgreSQL's message, as in AWS), SQL or PostgreSQL's words. */
const INTERNALS = new RegExp(`${TRACES.source}|SQLState|syntax error at or near|INSERT INTO|SELECT .* FROM`);

async function post(path: string, body: string | Uint8Array, headers: Record<string, string>): Promise<{ status: number; text: string }> {
  const response = await fetch(`${fixture.server.url}${path}`, { method: 'POST', headers, body });
  return { status: response.status, text: await response.text() };
}

function expectSafe(answer: { status: number; text: string }, surface: string, forbidden: RegExp = INTERNALS): void {
  count(surface);
  expect(answer.status, answer.text).toBeLessThan(500);
  expect(answer.text).not.toMatch(forbidden);
}

async function expectAlive(): Promise<void> {
  const { data } = await fixture.graphql('{ ping }');
  expect(data).toEqual({ ping: expect.any(String) });
}

beforeAll(async () => {
  fixture = await startRealtimeFixture();
  heapBefore = process.memoryUsage().heapUsed;
});

afterAll(async () => {
  const heapAfter = process.memoryUsage().heapUsed;
  console.log(
    `fuzz (seed ${SEED}, runs ${RUNS}): ${Object.entries(counts)
      .map(([surface, n]) => `${surface} ${n}`)
      .join(', ')}; heap ${Math.round(heapBefore / 1e6)} → ${Math.round(heapAfter / 1e6)} MB`,
  );
  await fixture?.stop();
});

const fieldNames = fc.constantFrom('ping', 'postMessage', 'onMessage', 'id', 'body', '__typename', '__schema', 'types', 'nope', 'room');
const token = fc.oneof(
  fieldNames,
  fc.constantFrom(
    '{',
    '}',
    '(',
    ')',
    ':',
    '$',
    '...',
    '@',
    '!',
    '[',
    ']',
    '"',
    'query',
    'mutation',
    'subscription',
    'fragment',
    'on',
    ',',
    '=',
  ),
  fc.string({ maxLength: 8 }),
  fc.integer().map(String),
);
/** Text that looks like GraphQL often enough to get past the parser now and then. */
const queryLike = fc.array(token, { maxLength: 40 }).map((parts) => parts.join(' '));
const variables = fc.dictionary(fc.string({ maxLength: 10 }), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 5 });

// In process and synchronous: first, so it holds no keep-alive connection idle past the server's timeout.
describe("AppSync's scalars", () => {
  it('parse and serialize any value by returning or by a GraphQL error, never another exception', () => {
    const anything = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.jsonValue({ maxDepth: 3 }),
      fc.double(),
      fc.bigInt(),
      fc.date({ noInvalidDate: false }),
    );
    fc.assert(
      fc.property(fc.constantFrom(...Object.values(appSyncScalars)), anything, (scalar, value) => {
        count('scalar');
        for (const phase of [() => scalar.parseValue(value), () => scalar.serialize(value)]) {
          try {
            phase();
          } catch (error) {
            expect(error).toBeInstanceOf(GraphQLError);
          }
        }
      }),
      settings(20),
    );
  });
});

describe('GraphQL over HTTP', () => {
  it('answers any body, with any content type, without a 5xx or internals', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ maxLength: 300 }),
          fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify(value)),
        ),
        fc.constantFrom('application/json', 'text/plain', 'application/graphql', 'multipart/form-data', ''),
        async (body, type) => expectSafe(await post('/graphql', body, { 'content-type': type, 'x-api-key': API_KEY }), 'graphql body'),
      ),
      settings(),
    );
    await expectAlive();
  });

  it('answers random queries and variables without a 5xx or internals', async () => {
    await fc.assert(
      fc.asyncProperty(queryLike, variables, fc.option(fc.string({ maxLength: 12 })), async (query, vars, operationName) => {
        const body = JSON.stringify({ query, variables: vars, operationName });
        expectSafe(await post('/graphql', body, { 'content-type': 'application/json', 'x-api-key': API_KEY }), 'graphql query');
      }),
      settings(),
    );
  });

  it('answers random inputs of a real mutation (strings, NUL, huge numbers, wrong types) without a 5xx or internals', async () => {
    const input = fc.record(
      {
        room: fc.oneof(fc.string({ maxLength: 30 }), fc.integer(), fc.constant(null)),
        body: fc.oneof(fc.string({ unit: 'binary', maxLength: 60 }), fc.jsonValue({ maxDepth: 2 })),
        priority: fc.oneof(fc.integer(), fc.double(), fc.bigInt().map(String), fc.constant(2 ** 31)),
        tags: fc.oneof(fc.array(fc.string({ maxLength: 5 }), { maxLength: 4 }), fc.string()),
        author: fc.oneof(fc.record({ name: fc.string(), level: fc.integer() }), fc.jsonValue({ maxDepth: 2 })),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(input, async (value) => {
        const body = JSON.stringify({
          query: 'mutation($input: MessageInput!) { postMessage(input: $input) { id room body priority tags } }',
          variables: { input: value },
        });
        expectSafe(await post('/graphql', body, { 'content-type': 'application/json', 'x-api-key': API_KEY }), 'graphql variables');
      }),
      settings(),
    );
    await expectAlive();
  });
});

describe('Auth headers', () => {
  const jwtish = fc
    .tuple(fc.base64String({ maxLength: 60 }), fc.base64String({ maxLength: 120 }), fc.base64String({ maxLength: 60 }))
    .map((parts) => parts.join('.'));
  const sigv4ish = fc
    .tuple(
      fc.string({ maxLength: 30 }),
      fc.string({ maxLength: 30 }),
      fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), maxLength: 64 }),
    )
    .map(
      ([credential, headers, signature]) => `AWS4-HMAC-SHA256 Credential=${credential}, SignedHeaders=${headers}, Signature=${signature}`,
    );

  it('refuses any Authorization or x-api-key value with 401/403 in AppSync shape, never a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          jwtish,
          sigv4ish,
          fc.string({ maxLength: 80 }).filter((text) => /^[\x21-\x7e ]*$/.test(text)),
        ),
        fc.boolean(),
        async (value, asApiKey) => {
          const headers: Record<string, string> = { 'content-type': 'application/json', 'x-amz-date': '20270101T000000Z' };
          headers[asApiKey ? 'x-api-key' : 'authorization'] = value.trim() || 'x';
          const answer = await post('/graphql', JSON.stringify({ query: '{ ping }' }), headers);
          expectSafe(answer, 'auth header');
          expect([401, 403]).toContain(answer.status);
        },
      ),
      settings(),
    );
  });

  it('mints or refuses any username at the token helper, and the token issuer never answers 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 40 }), fc.string({ maxLength: 20 }), async (user, groups) => {
        const response = await fetch(
          `${fixture.server.url}/playground/token?user=${encodeURIComponent(user)}&groups=${encodeURIComponent(groups)}`,
        );
        expectSafe({ status: response.status, text: await response.text() }, 'token issuer');
      }),
      settings(0.5),
    );
    await expectAlive();
  });
});

describe('WebSocket', () => {
  const open = (protocols: string[]) =>
    new Promise<{ socket: WebSocket | undefined; status: number | undefined }>((resolve) => {
      const socket = new WebSocket(`${fixture.server.url.replace(/^http/, 'ws')}/graphql/realtime`, protocols);
      socket.once('open', () => resolve({ socket, status: 101 }));
      socket.once('unexpected-response', (_request, response) => resolve({ socket: undefined, status: response.statusCode }));
      socket.once('error', () => resolve({ socket: undefined, status: undefined }));
    });
  const closed = (socket: WebSocket) =>
    new Promise<number>((resolve) => {
      if (socket.readyState === WebSocket.CLOSED) resolve(1006);
      socket.once('close', (code) => resolve(code));
    });

  it('answers random handshake headers by acknowledging, refusing or closing, never by failing', async () => {
    const header = fc.oneof(
      fc.jsonValue({ maxDepth: 2 }).map((value) => `header-${Buffer.from(JSON.stringify(value)).toString('base64url')}`),
      fc.string({ maxLength: 40 }).map((text) => `header-${text.replace(/[^A-Za-z0-9_-]/g, '')}`),
    );
    await fc.assert(
      fc.asyncProperty(header, async (protocol) => {
        count('ws handshake');
        const { socket, status } = await open(['graphql-ws', protocol]);
        expect(status === undefined || status < 500).toBe(true);
        if (!socket) return;
        const ended = closed(socket);
        socket.send(JSON.stringify({ type: 'connection_init' }));
        const first = await new Promise<string>((resolve) => {
          socket.once('message', (data) => resolve(String(data)));
          socket.once('close', () => resolve(''));
        });
        expect(first).not.toMatch(INTERNALS);
        socket.terminate();
        await ended;
      }),
      settings(0.5),
    );
  });

  it('answers or closes on any frame after the handshake (text, binary, huge, not UTF-8), and keeps serving', async () => {
    const frame = fc.oneof(
      fc.jsonValue({ maxDepth: 3 }).map((value) => ({ data: JSON.stringify(value), binary: false })),
      fc
        .record({
          type: fc.constantFrom('start', 'stop', 'connection_init', 'ka', 'data', 'nope'),
          id: fc.option(fc.string({ maxLength: 10 })),
          payload: fc.jsonValue({ maxDepth: 3 }),
        })
        .map((value) => ({ data: JSON.stringify(value), binary: false })),
      fc.uint8Array({ maxLength: 64 }).map((bytes) => ({ data: Buffer.from(bytes), binary: false })),
      fc.uint8Array({ maxLength: 64 }).map((bytes) => ({ data: Buffer.from(bytes), binary: true })),
      fc.constant({ data: Buffer.alloc(1024 * 1024 + 1, 0x61), binary: false }),
    );
    const headers = apiKeyHeaders(fixture.server);
    const protocol = `header-${Buffer.from(JSON.stringify(headers)).toString('base64url').replace(/=+$/, '')}`;
    await fc.assert(
      fc.asyncProperty(fc.array(frame, { minLength: 1, maxLength: 4 }), async (frames) => {
        count('ws frames');
        const { socket } = await open(['graphql-ws', protocol]);
        expect(socket).toBeDefined();
        const ended = closed(socket!);
        const answers: string[] = [];
        socket!.on('message', (data) => answers.push(String(data)));
        socket!.send(JSON.stringify({ type: 'connection_init' }));
        for (const { data, binary } of frames) if (socket!.readyState === WebSocket.OPEN) socket!.send(data, { binary });
        // A stop of an unknown id is answered with complete: every frame before it has been handled.
        if (socket!.readyState === WebSocket.OPEN) socket!.send(JSON.stringify({ type: 'stop', id: 'fuzz-barrier' }));
        await Promise.race([
          new Promise<void>((resolve) => socket!.on('message', (data) => String(data).includes('fuzz-barrier') && resolve())),
          ended,
        ]);
        expect(answers.join('\n')).not.toMatch(INTERNALS);
        socket!.terminate();
        const code = await ended;
        expect([1000, 1005, 1006, 1007, 1009]).toContain(code);
      }),
      settings(0.5),
    );
    await expectAlive();
  });
});

describe('Data API', () => {
  const signer = () =>
    new SignatureV4({ credentials: fixture.server.auth.iam, region: fixture.server.auth.region, service: 'rds-data', sha256: Sha256 });
  const anyBody = fc.oneof(
    fc.string({ maxLength: 200 }),
    fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value)),
    fc
      .record(
        {
          resourceArn: fc.oneof(fc.constant('RESOURCE'), fc.string({ maxLength: 20 })),
          secretArn: fc.oneof(fc.constant('SECRET'), fc.string({ maxLength: 20 })),
          sql: fc.oneof(
            fc.constantFrom('select 1', 'select :a', "select 'x'; select 2", 'select * from nowhere', 'begin'),
            fc.string({ maxLength: 40 }),
          ),
          parameters: fc.array(fc.record({ name: fc.string({ maxLength: 4 }), value: fc.jsonValue({ maxDepth: 2 }) }), { maxLength: 3 }),
          transactionId: fc.string({ maxLength: 20 }),
          formatRecordsAs: fc.constantFrom('JSON', 'NONE', 'x'),
        },
        { requiredKeys: [] },
      )
      .map((value) =>
        JSON.stringify(value)
          .replaceAll('"RESOURCE"', JSON.stringify(fixture.server.dataApi.resourceArn))
          .replaceAll('"SECRET"', JSON.stringify(fixture.server.dataApi.secretArn)),
      ),
  );
  const operation = fc.constantFrom(
    'Execute',
    'BatchExecute',
    'BeginTransaction',
    'CommitTransaction',
    'RollbackTransaction',
    'ExecuteSql',
    'Nope',
  );

  it('refuses any unsigned request with 403, whatever its body', async () => {
    await fc.assert(
      fc.asyncProperty(operation, anyBody, async (name, body) => {
        const answer = await post(`/data-api/${name}`, body, { 'content-type': 'application/json' });
        expectSafe(answer, 'data api unsigned');
        expect([403, 404]).toContain(answer.status);
      }),
      settings(0.5),
    );
  });

  it('answers any signed request with a Data API error or a result, never a 5xx or internals', async () => {
    await fc.assert(
      fc.asyncProperty(operation, anyBody, async (name, body) => {
        const url = new URL(`${fixture.server.dataApi.url}/${name}`);
        const signed = await signer().sign({
          method: 'POST',
          protocol: 'http:',
          hostname: url.hostname,
          port: Number(url.port),
          path: url.pathname,
          headers: { host: url.host, 'content-type': 'application/json' },
          body,
        });
        const answer = await post(`/data-api/${name}`, body, signed.headers as Record<string, string>);
        expectSafe(answer, 'data api signed', TRACES);
      }),
      settings(),
    );
    await expectAlive();
  });

  it('holds memory: the heap after all of it is within 300 MB of where it started', () => {
    (globalThis as { gc?: () => void }).gc?.();
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(300 * 1024 * 1024);
  });
});
