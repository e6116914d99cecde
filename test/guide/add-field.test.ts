/**
 * CONTRIBUTING.md, followed once and mechanically: its marked code blocks (`<!-- guide: ... -->`:
 * the migration, the schema fields and type, the APPSYNC_JS resolver, the Lambda handler and the
 * manifest entries) are applied to a copy of the fixture API, and the offline server must then
 * answer both new fields over /graphql, and a subscriber to the new subscription gets what the
 * Lambda posts. The guide's warning holds too: a field added to the
 * schema without a manifest entry stops start-up, naming the field. The blocks are read from the
 * guide itself, so the guide and this test cannot drift apart.
 */
import { cp, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../../api.config.js';
import { migrate } from '../../db/migrate/index.js';
import { buildResolverCode, ResolverCodeError } from '../../local/appsync-js/index.js';
import type { LocalProjectConfig } from '../../local/config/project.js';
import { startLocalServer, type LocalServer } from '../../local/server.js';
import { mergeManifests, type ManifestPart } from '../../platform/manifest/index.js';
import { basicApi } from '../fixtures/apis/basic/config.js';
import { RealtimeTestClient } from '../local/plugins/realtime/support/ws-client.js';

const FIXTURE = 'test/fixtures/apis/basic';
const API_KEY = 'da2-guideguideguideguideguidegu';
/** What a Roam checkout already holds and the guide's Lambda builds on: copied as they are. */
const ROAM_FILES = ['resolvers/functions/invokeLambda.ts', 'resolvers/lambda/shared', 'platform'];

interface GuideBlock {
  readonly kind: string;
  readonly target: string;
  readonly code: string;
}

/** The fenced blocks of CONTRIBUTING.md preceded by `<!-- guide: KIND [TARGET] -->`, list indentation removed. */
function guideBlocks(markdown: string): GuideBlock[] {
  const pattern = /^( *)<!-- guide: (\S+)(?: (\S+))? -->\n\1```\w*\n([\s\S]*?)\n\1```/gm;
  return [...markdown.matchAll(pattern)].map(([, indent = '', kind = '', target = '', body = '']) => ({
    kind,
    target,
    code: `${body
      .split('\n')
      .map((line) => (line.startsWith(indent) ? line.slice(indent.length) : line))
      .join('\n')}\n`,
  }));
}

function theBlock(blocks: readonly GuideBlock[], kind: string, target = ''): GuideBlock {
  const found = blocks.filter((block) => block.kind === kind && block.target === target);
  if (found.length !== 1) throw new Error(`CONTRIBUTING.md has ${found.length} blocks marked "guide: ${kind} ${target}", not one`);
  return found[0] as GuideBlock;
}

/** Adds field definitions at the end of `type <name> { ... }` (the fixture's root types hold no braces inside). */
function addFields(schema: string, typeName: string, fields: string): string {
  const pattern = new RegExp(`(type ${typeName}\\b[^{]*\\{[^}]*?)\\n\\}`);
  if (!pattern.test(schema)) throw new Error(`The schema has no type ${typeName}`);
  const indented = fields
    .trimEnd()
    .split('\n')
    .map((line) => (line ? `  ${line}` : line))
    .join('\n');
  return schema.replace(pattern, (_match, body: string) => `${body}\n\n${indented}\n}`);
}

async function writeProjectFile(rootDir: string, path: string, text: string): Promise<string> {
  const file = join(rootDir, path);
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, text);
  return file;
}

let rootDir: string;
let blocks: GuideBlock[];
let config: LocalProjectConfig;
let server: LocalServer;
const logLines: string[] = [];

async function graphql(query: string, headers: Record<string, string> = { 'x-api-key': API_KEY }): Promise<{ status: number; body: any }> {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, body: await response.json() };
}

async function partner(): Promise<Record<string, string>> {
  const { idToken } = await server.auth.userPool.mint({ username: 'guide-partner', groups: ['partners'] });
  return { Authorization: idToken };
}

beforeAll(async () => {
  blocks = guideBlocks(await readFile('CONTRIBUTING.md', 'utf8'));
  // A project folder: the fixture API at its usual relative paths, plus the Roam files the guide assumes.
  rootDir = await mkdtemp(join(tmpdir(), 'roam-guide-'));
  await cp(FIXTURE, join(rootDir, FIXTURE), { recursive: true });
  for (const path of ROAM_FILES) await cp(path, join(rootDir, path), { recursive: true });
  await symlink(join(process.cwd(), 'node_modules'), join(rootDir, 'node_modules'), 'dir');

  // Section 3: the migration, numbered after the last file (the copy has none).
  const migration = theBlock(blocks, 'file', 'db/migrations/NNNN_announcements.sql');
  await writeProjectFile(rootDir, migration.target.replace('NNNN', '0001'), migration.code);

  // Sections 1 and 2, step 1: the schema (the fixture's schema.graphql stands for Roam's).
  const schemaFile = join(rootDir, FIXTURE, 'schema.graphql');
  let schema = await readFile(schemaFile, 'utf8');
  schema = addFields(schema, 'Query', theBlock(blocks, 'schema-field', 'Query').code);
  schema = addFields(schema, 'Mutation', theBlock(blocks, 'schema-field', 'Mutation').code);
  // Section 4: the fixture has no subscriptions yet, so its Subscription type starts empty (Roam's has one).
  schema = addFields(`${schema}\ntype Subscription {\n}\n`, 'Subscription', theBlock(blocks, 'schema-field', 'Subscription').code);
  await writeFile(schemaFile, `${schema}\n${theBlock(blocks, 'schema-type').code}`);

  // The resolver, the Lambda handler and the new manifest part, at the paths the guide names.
  for (const block of blocks.filter((each) => each.kind === 'file' && each.target.startsWith('resolvers/'))) {
    await writeProjectFile(rootDir, block.target, block.code);
  }
  // Section 1, step 3: the entry goes into the reads part; here a reads part holding only it.
  const entry = theBlock(blocks, 'manifest-entry', 'resolvers/manifest/reads.ts');
  await writeProjectFile(rootDir, entry.target, `export const readsPart = {\n  resolvers: {\n    ${entry.code.trim()}\n  },\n};\n`);
  const { readsPart } = (await import(pathToFileURL(join(rootDir, entry.target)).href)) as { readsPart: ManifestPart };
  const { announcementsPart } = (await import(pathToFileURL(join(rootDir, 'resolvers/manifest/announcements.ts')).href)) as {
    announcementsPart: ManifestPart;
  };

  config = {
    ...basicApi,
    auth: api.auth, // Roam's modes, which the guide's directives name
    manifest: mergeManifests(basicApi.manifest, readsPart, announcementsPart),
    database: {
      ...basicApi.database,
      async prepare(target, log, flags) {
        await basicApi.database.prepare?.(target, log, flags);
        await migrate(target, { directory: join(rootDir, 'db/migrations'), log });
      },
    },
  };
  server = await startLocalServer(config, {
    rootDir,
    dataDir: join(rootDir, '.data'),
    port: 0,
    host: '127.0.0.1',
    apiKey: API_KEY,
    requireAllRootResolvers: true,
    log: (line) => logLines.push(line),
  });
  // As npm start does before its banner: the guide's first Lambda call then finds the table made.
  await server.prepareDatabase();
}, 120_000);

afterAll(async () => {
  await server?.close();
  if (rootDir) await rm(rootDir, { recursive: true, force: true });
});

describe('CONTRIBUTING.md, followed on a copy of the fixture API', () => {
  it('marks every block the test follows', () => {
    expect(blocks.map((block) => `${block.kind} ${block.target}`.trim()).sort()).toEqual([
      'file db/migrations/NNNN_announcements.sql',
      'file resolvers/js/Query.announcements.ts',
      'file resolvers/lambda/announcements/handler.ts',
      'file resolvers/manifest/announcements.ts',
      'manifest-entry resolvers/manifest/reads.ts',
      'schema-field Mutation',
      'schema-field Query',
      'schema-field Subscription',
      'schema-type',
    ]);
  });

  it('serves the Lambda field: the back office posts an announcement through invokeLambda', async () => {
    const { status, body } = await graphql(
      'mutation { postAnnouncement(message: "  The pool opens at 8  ") { id message createdAt } }',
      await partner(),
    );
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data.postAnnouncement).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      message: 'The pool opens at 8',
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/),
    });
  });

  it("answers the Lambda's business error with its errorType, and the schema's directives keep others out", async () => {
    const empty = await graphql('mutation { postAnnouncement(message: "   ") { id } }', await partner());
    expect(empty.body.errors).toEqual([
      expect.objectContaining({ errorType: 'ValidationError', message: 'message must be 1-500 characters', path: ['postAnnouncement'] }),
    ]);
    const byApiKey = await graphql('mutation { postAnnouncement(message: "x") { id } }');
    expect(byApiKey.body.errors[0]).toMatchObject({ errorType: 'Unauthorized', path: ['postAnnouncement'] });
  });

  it('serves the JS-resolver field on the database: what was posted, newest first', async () => {
    await graphql('mutation { postAnnouncement(message: "Late checkout is free today") { id } }', await partner());
    const { status, body } = await graphql('{ announcements(limit: 2) { message createdAt } }');
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data.announcements.map((each: { message: string }) => each.message)).toEqual([
      'Late checkout is free today',
      'The pool opens at 8',
    ]);
    const one = await graphql('{ announcements(limit: 1) { message } }');
    expect(one.body.data.announcements).toEqual([{ message: 'Late checkout is free today' }]);
  });

  it("answers the resolver's ValidationError in AppSync's shape", async () => {
    const { body } = await graphql('{ announcements(limit: 0) { id } }');
    expect(body.data).toBeNull();
    expect(body.errors).toEqual([
      expect.objectContaining({ errorType: 'ValidationError', message: 'limit must be between 1 and 50', path: ['announcements'] }),
    ]);
  });

  it('delivers a posted announcement to a subscriber of the new subscription', async () => {
    const socket = await RealtimeTestClient.open(server.url, { host: new URL(server.url).host, 'x-api-key': API_KEY });
    try {
      expect((await socket.init()).type).toBe('connection_ack');
      const started = await socket.start(
        'posted',
        'subscription { onAnnouncementPosted { id message createdAt } }',
        {},
        { host: new URL(server.url).host, 'x-api-key': API_KEY },
      );
      expect(started).toEqual({ type: 'start_ack', id: 'posted' });
      const posted = await graphql(
        'mutation { postAnnouncement(message: "Breakfast until 11") { id message createdAt } }',
        await partner(),
      );
      expect(posted.body.errors).toBeUndefined();
      expect((await socket.nextOf('data', 'posted')).payload).toEqual({
        data: { onAnnouncementPosted: posted.body.data.postAnnouncement },
      });
    } finally {
      socket.close();
    }
  });

  it('writes a resolver file that passes the checks AppSync makes (the server refuses a file that does not)', async () => {
    const file = join(rootDir, 'resolvers/js/Query.announcements.ts');
    const checked = await buildResolverCode(file);
    expect([...checked.exports].sort()).toEqual(['request', 'response']);
    expect(checked.imports.every((specifier) => specifier.startsWith('@aws-appsync/utils'))).toBe(true);

    // The same file with an import outside @aws-appsync/utils is refused, naming the rule.
    const source = await readFile(file, 'utf8');
    const withNodeImport = await writeProjectFile(
      rootDir,
      'resolvers/js/Query.announcementsNode.ts',
      `import { randomUUID } from 'node:crypto';\n${source.replace('SELECT id,', 'SELECT ${randomUUID()} AS nonce, id,')}`,
    );
    const refused = await buildResolverCode(withNodeImport).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(ResolverCodeError);
    expect((refused as ResolverCodeError).rule).toBe('allowed-imports');
  });

  it('stops start-up, naming the fields, when the schema has them but the manifest does not', async () => {
    const withoutEntries: LocalProjectConfig = { ...config, manifest: basicApi.manifest, database: { name: 'fixture' } };
    const starting = startLocalServer(withoutEntries, {
      rootDir,
      dataDir: join(rootDir, '.data-refused'),
      port: 0,
      host: '127.0.0.1',
      apiKey: API_KEY,
      requireAllRootResolvers: true,
      log: () => {},
    });
    await expect(starting).rejects.toThrow(/field Query\.announcements has no resolver/);
    await expect(starting).rejects.toThrow(/field Mutation\.postAnnouncement has no resolver/);
    await expect(starting).rejects.toMatchObject({ name: 'ManifestError' });
  });
});
