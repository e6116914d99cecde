import { cp, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalServer, type LocalServer } from '../../../local/server.js';
import { basicApi } from '../../fixtures/apis/basic/config.js';

const API_KEY = 'da2-watchfixturewatchfixturewa';
const FIXTURE = 'test/fixtures/apis/basic';
let server: LocalServer;
let rootDir: string;
const logLines: string[] = [];

/** Polls `check` until it returns a value (bounded: a reload that never lands fails the test). */
async function eventually<T>(check: () => Promise<T | undefined>, what: string): Promise<T> {
  for (let attempt = 0; attempt < 600; attempt += 1) {
    const value = await check();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Gave up waiting for ${what}`);
}

async function graphql(query: string): Promise<any> {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': API_KEY },
    body: JSON.stringify({ query }),
  });
  return response.json();
}

const fixtureFile = (path: string) => join(rootDir, FIXTURE, path);
const logged = (pattern: RegExp) => async () => logLines.find((line) => pattern.test(line));
const answers = (query: string, expected: unknown) => async () => {
  const body = await graphql(query);
  return JSON.stringify(body) === JSON.stringify(expected) ? body : undefined;
};

beforeAll(async () => {
  // A copy of the fixture API, so the test can edit its files; the same relative paths resolve in it.
  rootDir = await mkdtemp(join(tmpdir(), 'roam-watch-'));
  await cp(FIXTURE, join(rootDir, FIXTURE), { recursive: true });
  await symlink(join(process.cwd(), 'node_modules'), join(rootDir, 'node_modules'), 'dir');
  server = await startLocalServer(basicApi, {
    rootDir,
    dataDir: join(rootDir, '.data'),
    port: 0,
    host: '127.0.0.1',
    apiKey: API_KEY,
    watch: true,
    log: (line) => logLines.push(line),
  });
});

afterAll(async () => {
  await server?.close();
  await rm(rootDir, { recursive: true, force: true });
});

describe('Watch mode', () => {
  it('picks up a changed resolver without a restart', async () => {
    expect(await graphql('{ echo(message: "hi") }')).toEqual({ data: { echo: 'hi' } });
    const source = await readFile(fixtureFile('js/Query.echo.ts'), 'utf8');
    await writeFile(
      fixtureFile('js/Query.echo.ts'),
      source.replace('payload: ctx.arguments.message', 'payload: ctx.arguments.message.toUpperCase()'),
    );
    await eventually(answers('{ echo(message: "hi") }', { data: { echo: 'HI' } }), 'the changed resolver');
  });

  it('keeps serving the last good resolver when a change is broken, and says where', async () => {
    await writeFile(
      fixtureFile('js/Query.echo.ts'),
      'export function request() {\n  while (true) {}\n}\nexport function response(ctx) {\n  return ctx.result;\n}\n',
    );
    const line = await eventually(logged(/Reload failed/), 'the reload error');
    expect(line).toMatch(/ResolverCodeError: .*Query\.echo\.ts:2:\d+/);
    expect(await graphql('{ echo(message: "still") }')).toEqual({ data: { echo: 'STILL' } });

    // Fixed again: the next reload succeeds.
    await writeFile(
      fixtureFile('js/Query.echo.ts'),
      (await readFile(join(FIXTURE, 'js/Query.echo.ts'), 'utf8')).replace(
        'payload: ctx.arguments.message',
        'payload: `${ctx.arguments.message}?`',
      ),
    );
    await eventually(answers('{ echo(message: "fixed") }', { data: { echo: 'fixed?' } }), 'the fixed resolver');
  });

  it('picks up a changed Lambda handler, and keeps the last good one when the change does not build', async () => {
    expect(await graphql('{ shout(message: "a") }')).toEqual({ data: { shout: 'A' } });
    const source = await readFile(fixtureFile('lambda/text.ts'), 'utf8');
    await writeFile(fixtureFile('lambda/text.ts'), source.replace('return message.toUpperCase();', 'return `${message.toUpperCase()}!`;'));
    await eventually(answers('{ shout(message: "a") }', { data: { shout: 'A!' } }), 'the changed Lambda');

    await writeFile(fixtureFile('lambda/text.ts'), 'export async function handler(event: {) {\n');
    await eventually(logged(/Lambda text did not build/), 'the Lambda build error');
    expect(await graphql('{ shout(message: "b") }')).toEqual({ data: { shout: 'B!' } });
  });

  it('follows imports: a change to a helper outside the handler folder reloads the Lambda that uses it', async () => {
    await mkdir(fixtureFile('shared'), { recursive: true });
    await writeFile(fixtureFile('shared/suffix.ts'), "export const SUFFIX = '~';\n");
    await writeFile(
      fixtureFile('lambda/text.ts'),
      (await readFile(join(FIXTURE, 'lambda/text.ts'), 'utf8'))
        .replace('return message.toUpperCase();', 'return `${message.toUpperCase()}${SUFFIX}`;')
        .replace(/^/, "import { SUFFIX } from '../shared/suffix.js';\n"),
    );
    await eventually(answers('{ shout(message: "c") }', { data: { shout: 'C~' } }), 'the Lambda importing the helper');
    await eventually(logged(/Watching imported files in .*shared/), 'the helper folder being watched');
    await writeFile(fixtureFile('shared/suffix.ts'), "export const SUFFIX = '+';\n");
    await eventually(answers('{ shout(message: "c") }', { data: { shout: 'C+' } }), 'the changed helper');
  });

  it('picks up a schema change, and keeps the last good schema when one is broken', async () => {
    const query = '{ direct(value: "v") { fieldName extra } }';
    expect((await graphql(query)).errors[0].message).toMatch(/Field 'extra' in type 'DirectInfo' is undefined/);
    const schema = await readFile(fixtureFile('schema.graphql'), 'utf8');
    await writeFile(fixtureFile('schema.graphql'), schema.replace('identityIsNull: Boolean', 'identityIsNull: Boolean\n  extra: String'));
    await eventually(answers(query, { data: { direct: { fieldName: 'direct', extra: null } } }), 'the new field');

    const before = logLines.filter((line) => /Reload failed/.test(line)).length;
    await writeFile(fixtureFile('schema.graphql'), `${schema}\ntype Broken {\n`);
    await eventually(
      async () => (logLines.filter((line) => /Reload failed/.test(line)).length > before ? true : undefined),
      'the schema error',
    );
    expect(await graphql(query)).toEqual({ data: { direct: { fieldName: 'direct', extra: null } } });
  });
});
