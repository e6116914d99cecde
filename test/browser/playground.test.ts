import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/chromium.js';

let cli: ChildProcess;
let baseUrl: string;
let scratch: string;
let context: BrowserContext;
let page: Page;
const output: string[] = [];
const requested: string[] = [];

/** Starts `npm start`'s entry point with the auth fixture config and reads the playground URL from its banner. */
async function startCli(dataDir: string): Promise<string> {
  cli = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'local/cli.ts',
      '--config',
      'test/fixtures/apis/auth/config.ts',
      '--port',
      '0',
      '--data-dir',
      dataDir,
      '--no-watch',
    ],
    { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'pipe'] },
  );
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output.push(chunk.toString());
      const text = output.join('');
      const url = /Playground\s+(http:\/\/\S+?)\/\s/.exec(text)?.[1];
      if (url && text.includes('Ready in')) resolve(url);
    };
    cli.stdout?.on('data', onData);
    cli.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    cli.once('exit', (code) => reject(new Error(`npm start exited with ${code}:\n${output.join('')}`)));
  });
}

/** Browser-side expression for the text of one of GraphiQL's CodeMirror editors (the test's tsconfig has no DOM types). */
const editorValue = (selector: string) =>
  `(document.querySelector(${JSON.stringify(`${selector} .CodeMirror`)})?.CodeMirror?.getValue() ?? '')`;

function editorText(selector: string): Promise<string> {
  return page.evaluate(editorValue(selector)) as Promise<string>;
}

/** Waits until the editor's text contains `text`. */
async function editorContains(selector: string, text: string, timeout: number): Promise<void> {
  await page.waitForFunction(`${editorValue(selector)}.includes(${JSON.stringify(text)})`, undefined, { timeout });
}

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'roam-browser-'));
  baseUrl = await startCli(join(scratch, 'data'));
  ({ context, page } = await launchChromium(join(scratch, 'profile')));
  page.on('request', (request) => requested.push(request.url()));
}, 180_000);

afterAll(async () => {
  await context?.close();
  cli?.kill('SIGTERM');
  if (cli && cli.exitCode === null) await new Promise((resolve) => cli.once('exit', resolve));
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

describe('Playground in headless Chromium', () => {
  it('runs a saved example as a signed-in user and shows the result', async () => {
    await page.goto(`${baseUrl}/`);
    await page.waitForSelector('#auth-choice', { timeout: 60_000 });
    await page.selectOption('#auth-choice', 'user:alice');
    await page.selectOption('#example-choice', 'Who am I');
    await editorContains('.graphiql-query-editor', 'whoami', 30_000);
    await page.click('.graphiql-execute-button');
    await editorContains('.graphiql-response', 'whoami', 60_000);

    const result = JSON.parse(await editorText('.graphiql-response'));
    const seen = JSON.parse(result.data.whoami);
    expect(seen.authType).toBe('User Pool Authorization');
    expect(seen.identity).toMatchObject({ username: 'alice', groups: ['admins'] });
    expect(await page.textContent('#auth-status')).toMatch(/^Signed in as alice through the user pool \(InitiateAuth\)/);
    expect(requested).toContain(`${baseUrl}/cognito-idp`);
    await page.screenshot({ path: join(tmpdir(), 'roam-playground.png') });
  }, 180_000);

  it('signs in as any other user typed in, with the groups typed in', async () => {
    await page.selectOption('#auth-choice', 'other-user');
    await page.fill('#other-user-name', 'zoe');
    await page.fill('#other-user-groups', 'admins, beta');
    await page.click('.graphiql-execute-button');
    await editorContains('.graphiql-response', 'zoe', 60_000);
    const seen = JSON.parse(JSON.parse(await editorText('.graphiql-response')).data.whoami);
    expect(seen.identity).toMatchObject({ username: 'zoe', groups: ['admins', 'beta'] });
    expect(await page.textContent('#auth-status')).toMatch(/^Signed in as zoe through a minted token/);
  }, 120_000);

  it('signs the request with the local IAM credentials when IAM is picked', async () => {
    await page.selectOption('#auth-choice', 'iam');
    await page.click('.graphiql-execute-button');
    await editorContains('.graphiql-response', 'IAM Authorization', 60_000);
    const seen = JSON.parse(JSON.parse(await editorText('.graphiql-response')).data.whoami);
    expect(seen.identity).toMatchObject({ userArn: 'arn:aws:iam::123456789012:user/offline-developer' });
  }, 120_000);

  it('loaded the schema docs by introspection', async () => {
    await page.click('[aria-label="Show Documentation Explorer"]');
    await page.waitForSelector('.graphiql-doc-explorer', { timeout: 30_000 });
    await page.click('.graphiql-doc-explorer a:has-text("Query")');
    await page.waitForSelector('.graphiql-doc-explorer :text("adminsOnly")', { timeout: 30_000 });
  }, 120_000);

  it('loaded nothing from outside the local server', () => {
    expect(requested.length).toBeGreaterThan(0);
    expect(requested.filter((url) => !url.startsWith(`${baseUrl}/`) && !url.startsWith('data:'))).toEqual([]);
  });
});
