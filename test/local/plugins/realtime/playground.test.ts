import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../../support/chromium.js';
import { startRealtimeFixture, type RealtimeFixtureServer } from './support/realtime-server.js';

let fixture: RealtimeFixtureServer;
let scratch: string;
let context: BrowserContext;
let page: Page;

/** Browser-side expression for the text of one of GraphiQL's CodeMirror editors (no DOM types here). */
const editorValue = (selector: string) =>
  `(document.querySelector(${JSON.stringify(`${selector} .CodeMirror`)})?.CodeMirror?.getValue() ?? '')`;
const setEditor = (selector: string, text: string) =>
  `document.querySelector(${JSON.stringify(`${selector} .CodeMirror`)}).CodeMirror.setValue(${JSON.stringify(text)})`;

async function responseContains(text: string): Promise<void> {
  try {
    await page.waitForFunction(`${editorValue('.graphiql-response')}.includes(${JSON.stringify(text)})`, undefined, { timeout: 20_000 });
  } catch (error) {
    throw new Error(
      `The response never contained ${JSON.stringify(text)}; it reads: ${String(await page.evaluate(editorValue('.graphiql-response')))}`,
      { cause: error },
    );
  }
}

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'roam-realtime-browser-'));
  fixture = await startRealtimeFixture();
  ({ context, page } = await launchChromium(join(scratch, 'profile')));
}, 180_000);

afterAll(async () => {
  await context?.close();
  await fixture?.stop();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

describe('Playground subscriptions in headless Chromium', () => {
  it('starts a subscription with the API key, then shows each event a mutation publishes', async () => {
    await page.goto(`${fixture.server.url}/`);
    await page.waitForSelector('#auth-choice', { timeout: 60_000 });
    await page.selectOption('#auth-choice', 'api-key');
    await page.waitForSelector('.graphiql-query-editor .CodeMirror', { timeout: 60_000 });
    await page.evaluate(setEditor('.graphiql-query-editor', 'subscription Watch { onMessage(room: "browser") { room body } }'));
    await page.click('.graphiql-execute-button');
    await responseContains('Subscribed');

    await fixture.graphql('mutation { postMessage(input: { room: "browser", body: "first event" }) { id room body } }');
    await responseContains('first event');
    expect(JSON.parse((await page.evaluate(editorValue('.graphiql-response'))) as string)).toEqual({
      data: { onMessage: { room: 'browser', body: 'first event' } },
      extensions: {
        realtime: '1 event so far, newest first',
        events: [{ receivedAt: expect.any(String), data: { onMessage: { room: 'browser', body: 'first event' } } }],
      },
    });
    await fixture.graphql('mutation { postMessage(input: { room: "browser", body: "second event" }) { id room body } }');
    await responseContains('second event');
    // Events accumulate, newest first, each with the time it arrived.
    const shown = JSON.parse((await page.evaluate(editorValue('.graphiql-response'))) as string);
    expect(shown.extensions.events.map((event: { data: { onMessage: { body: string } } }) => event.data.onMessage.body)).toEqual([
      'second event',
      'first event',
    ]);
    expect(shown.extensions.events[0].receivedAt).toMatch(/\d/);
  }, 180_000);

  it('shows a refusal from the realtime endpoint as the result', async () => {
    // The button reads "Stop" while the subscription runs; one click stops it, and only once it
    // reads "Execute" again does the next click start the new operation.
    await page.click('.graphiql-execute-button[aria-label^="Stop"]');
    await page.waitForSelector('.graphiql-execute-button[aria-label^="Execute"]', { timeout: 60_000 });
    await page.evaluate(setEditor('.graphiql-query-editor', 'subscription Members { onMembersOnly { body } }'));
    // GraphiQL takes in an edit (and the operation name with it) after a short debounce; it stores the query then.
    await page.waitForFunction(`(localStorage.getItem('graphiql:query') ?? '').includes('onMembersOnly')`, undefined, { timeout: 20_000 });
    await page.click('.graphiql-execute-button');
    await responseContains('Not Authorized to access onMembersOnly on type Subscription');
  }, 120_000);
});
