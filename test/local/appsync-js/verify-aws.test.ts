// npm run verify:aws end to end against a stand-in for AWS's EvaluateCode endpoint (AWS is the one
// thing we stand in for): contexts recorded offline with credentials redacted, every manifest
// file evaluated and compared, answers saved as cases that the conformance run replays, and a
// clear refusal without credentials.
import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadResolverCode, recordHandlerCalls, runUnitResolver, stopRecording } from '../../../local/appsync-js/index.js';
import { fieldContext, fixture, resolveOptions } from './helpers.js';

interface StandInCall {
  path: string;
  signed: boolean;
  body: { code: string; context: string; function: string; runtime: unknown };
}

const calls: StandInCall[] = [];
let server: Server;
let endpoint: string;
let dir: string;

/** Answers echo.ts as AWS would (same logic as the file) and everything else with an error. */
function standInAnswer(body: StandInCall['body']): unknown {
  const context = JSON.parse(body.context) as { arguments?: { id?: string }; result?: { id?: string } };
  if (!body.code.includes('handler:'))
    return { error: { message: 'code.js:4:3: TypeError: stand-in disagrees', codeErrors: [] }, logs: [] };
  const value =
    body.function === 'request'
      ? { id: context.arguments?.id ?? null, handler: 'request' }
      : { id: context.result?.id, handler: 'response' };
  return { evaluationResult: JSON.stringify(value), logs: [] };
}

const run = promisify(execFile);
const cli = path.resolve('local/appsync-js/verify/cli.ts');

function verifyAws(args: string[], credentials: boolean) {
  const env: Record<string, string | undefined> = {
    ...process.env,
    HOME: dir,
    AWS_PROFILE: undefined,
    AWS_REGION: 'eu-west-1',
    AWS_EC2_METADATA_DISABLED: 'true',
  };
  env.AWS_ACCESS_KEY_ID = credentials ? 'AKIDSTANDIN000000000' : undefined;
  env.AWS_SECRET_ACCESS_KEY = credentials ? 'stand-in-secret' : undefined;
  return run('npx', ['tsx', cli, ...args], { env: env as NodeJS.ProcessEnv });
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'verify-aws-'));
  server = createServer((request, response) => {
    let text = '';
    request.on('data', (chunk: Buffer) => {
      text += chunk.toString();
    });
    request.on('end', () => {
      const body = JSON.parse(text) as StandInCall['body'];
      calls.push({ path: request.url ?? '', signed: String(request.headers.authorization).startsWith('AWS4-HMAC-SHA256'), body });
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(standInAnswer(body)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  await writeFile(
    path.join(dir, 'verify.config.mjs'),
    `export const config = { manifest: {
    dataSources: {}, lambdaFunctions: {},
    functions: { other: { code: 'test/fixtures/appsync-js/verify/other.ts', dataSource: 'none' } },
    resolvers: { 'Query.echo': { kind: 'JS_UNIT', code: 'test/fixtures/appsync-js/verify/echo.ts', dataSource: 'none' } },
  } };\n`,
  );
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

describe('npm start -- --record', () => {
  it('writes each handler call ctx with tokens, keys and signatures redacted', async () => {
    const records = path.join(dir, 'records');
    recordHandlerCalls(records);
    try {
      const code = await loadResolverCode(fixture('verify/echo.ts'));
      const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhIn0.c2lnbmF0dXJl';
      const field = fieldContext(
        { id: 'h1' },
        { request: { headers: { authorization: jwt, 'x-api-key': 'da2-secret', accept: '*/*' }, domainName: null } },
      );
      await runUnitResolver(code, field, async (request) => ({ result: request }), resolveOptions());
    } finally {
      stopRecording();
    }
    const files = (await readdir(records)).sort();
    expect(files).toHaveLength(2);
    const first = JSON.parse(await readFile(path.join(records, files[0] as string), 'utf8'));
    expect(first).toMatchObject({
      file: 'test/fixtures/appsync-js/verify/echo.ts',
      handler: 'request',
      context: { arguments: { id: 'h1' } },
    });
    expect(first.context.request.headers).toEqual({ authorization: 'REDACTED', 'x-api-key': 'REDACTED', accept: '*/*' });
    expect(JSON.stringify(first)).not.toContain('eyJ');
  });
});

describe('npm run verify:aws', () => {
  it('evaluates every manifest file on the endpoint, prints matches and differences, and saves the answers as cases', async () => {
    const saved = path.join(dir, 'team-cases.json');
    const args = [
      '--config',
      path.join(dir, 'verify.config.mjs'),
      '--records',
      path.join(dir, 'records'),
      '--save',
      saved,
      '--endpoint',
      endpoint,
    ];
    const failure = await verifyAws(args, true).then(
      () => undefined,
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
    expect({ code: failure?.code, stderr: failure?.stderr.replace(/^[\s\S]*?warning was created\)\n/, '') }).toEqual({
      code: 1,
      stderr: '',
    });
    const lines = failure?.stdout.trimEnd().split('\n') ?? [];
    expect(lines).toContain('DIFFERENT  other request (empty)');
    expect(lines.some((line) => /^Query\.echo +request +record 1 +same$/.test(line))).toBe(true);
    expect(lines.some((line) => /^Query\.echo +response +record 2 +same$/.test(line))).toBe(true);
    expect(lines.at(-2)).toBe('2 same, 1 different');
    expect(lines.at(-1)).toBe(`Saved 3 AWS answers as cases in ${saved}`);
    expect(calls).toHaveLength(3);
    expect(calls.every((call) => call.path === '/v1/dataplane-evaluatecode' && call.signed)).toBe(true);
    expect(calls[0]?.body.runtime).toEqual({ name: 'APPSYNC_JS', runtimeVersion: '1.0.0' });

    const cases = JSON.parse(await readFile(saved, 'utf8'));
    expect(cases.cases.map((entry: { expected: unknown }) => entry.expected)).toEqual([
      { value: { id: 'h1', handler: 'request' } },
      { value: { id: 'h1', handler: 'response' } },
      { error: 'TypeError: stand-in disagrees' },
    ]);
    const replay = await run('npx', ['tsx', 'local/appsync-js/conformance/cli.ts', saved]).then(
      () => undefined,
      (error: { code: number; stdout: string }) => error,
    );
    expect(replay?.code).toBe(1);
    expect(replay?.stdout.trimEnd().split('\n').at(-1)).toBe('2 passed, 1 failed');
  }, 120_000);

  it('refuses clearly without AWS credentials and calls nothing', async () => {
    const before = calls.length;
    const failure = await verifyAws(['--config', path.join(dir, 'verify.config.mjs'), '--endpoint', endpoint], false).then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).toBe(2);
    expect(failure?.stderr).toContain('No AWS credentials');
    expect(failure?.stderr).toContain('appsync:EvaluateCode');
    expect(calls.length).toBe(before);
  }, 60_000);
});
