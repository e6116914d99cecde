import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalServer, type LocalServer } from '../../../local/server.js';
import { config } from '../../fixtures/apis/logs/config.js';

const API_KEY = 'da2-logfixturelogfixturelogfix';
let server: LocalServer;
let dataDir: string;
const lines: string[] = [];

async function graphql(query: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': API_KEY, ...headers },
    body: JSON.stringify({ query }),
  });
  return { requestId: response.headers.get('x-amzn-requestid') ?? '', body: (await response.json()) as any };
}

/** The lines logged under a request id, waiting a little for a Lambda's output, which arrives on its own pipe. */
async function linesOf(requestId: string, until: RegExp): Promise<string[]> {
  const mine = () => lines.filter((line) => line.startsWith(`[${requestId.slice(0, 8)}] `));
  for (let attempt = 0; attempt < 100 && !mine().some((line) => until.test(line)); attempt += 1)
    await new Promise((resolve) => setTimeout(resolve, 50));
  return mine();
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'roam-logs-'));
  server = await startLocalServer(config, {
    rootDir: process.cwd(),
    dataDir,
    port: 0,
    host: '127.0.0.1',
    apiKey: API_KEY,
    log: (line) => lines.push(line),
  });
});

afterAll(async () => {
  await server?.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('The request log', () => {
  it("prints a resolver's console lines with file and handler, and its SQL, under the response's request id", async () => {
    const { requestId, body } = await graphql('query One { note(id: 1) }');
    expect(body).toEqual({ data: { note: 'first note' } });
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);

    const mine = await linesOf(requestId, /^\[\w+\] 200 /);
    const prefix = `[${requestId.slice(0, 8)}] `;
    expect(mine[0]?.startsWith(prefix)).toBe(true);
    expect(mine).toEqual([
      expect.stringMatching(/^\[\w{8}\] {3}SQL {3}\d+\.\dms select text from log_notes where id = \$1::int8 \(1 row\)$/),
      `${prefix}  INFO  test/fixtures/apis/logs/js/Query.note.ts request: looking up note 1`,
      expect.stringMatching(/^\[\w+\] 200 query One auth=API_KEY \d+\.\dms resolvers=1 errors=0$/),
    ]);
  });

  it("lists the errors' types and messages on the request's line", async () => {
    const { requestId, body } = await graphql('query Missing { note(id: 7) }');
    expect(body.errors[0]).toMatchObject({ errorType: 'NotFound', message: 'No note 7' });
    const mine = await linesOf(requestId, / 200 /);
    expect(mine).toContain(`[${requestId.slice(0, 8)}]   ERROR test/fixtures/apis/logs/js/Query.note.ts response: no note 7`);
    expect(mine.at(-1)).toMatch(/ 200 query Missing auth=API_KEY \S+ resolvers=1 errors=1: NotFound "No note 7"$/);
  });

  it("prints a Lambda's own lines under the request id of the GraphQL request that called it", async () => {
    const { requestId, body } = await graphql('{ shout(message: "hi") }');
    expect(body).toEqual({ data: { shout: 'HI' } });
    const mine = await linesOf(requestId, /\[shout\] .*shouting hi/);
    expect(mine.some((line) => /^\[\w{8}\] \[shout\] .*shouting hi/.test(line))).toBe(true);
  });
});

describe('The trace in extensions', () => {
  it('is absent unless asked for', async () => {
    const { body } = await graphql('{ note(id: 1) }');
    expect(body.extensions).toBeUndefined();
  });

  it('lists the resolver with its data source, the SQL with its duration, the console line and the Lambda call', async () => {
    const { requestId, body } = await graphql('{ note(id: 1) shout(message: "hey") }', { 'x-appsync-local-trace': '1' });
    expect(body.data).toEqual({ note: 'first note', shout: 'HEY' });
    const trace = body.extensions.trace;
    expect(trace.requestId).toBe(requestId);
    expect(trace.durationMs).toBeGreaterThan(0);
    expect(trace.events).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'resolver', field: 'Query.note', path: 'note', dataSources: ['db (RDS)'] }),
        expect.objectContaining({ kind: 'resolver', field: 'Query.shout', path: 'shout', dataSources: ['shouter (LAMBDA)'] }),
        expect.objectContaining({
          kind: 'sql',
          sql: 'select text from log_notes where id = $1::int8',
          rows: 1,
          durationMs: expect.any(Number),
        }),
        expect.objectContaining({ kind: 'log', level: 'INFO', handler: 'request', message: 'looking up note 1' }),
        expect.objectContaining({ kind: 'lambda', functionName: 'shout', durationMs: expect.any(Number) }),
      ]),
    );
    const starts = trace.events.map((event: { startMs: number }) => event.startMs);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });
});
