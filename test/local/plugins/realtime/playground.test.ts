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
  it('starts a subscription with the API key, then lists each event a mutation publishes, newest first with its time', async () => {
    await page.goto(`${fixture.server.url}/`);
    await page.waitForSelector('#auth-choice', { timeout: 60_000 });
    await page.selectOption('#auth-choice', 'api-key');
    await page.waitForSelector('.graphiql-query-editor .CodeMirror', { timeout: 60_000 });
    await page.evaluate(setEditor('.graphiql-query-editor', 'subscription Watch { onMessage(room: "browser") { room body } }'));
    await page.click('.graphiql-execute-button');
    await responseContains('Watching Watch');
    await page.waitForSelector('#events .watch-status:has-text("watching")', { timeout: 20_000 });

    await fixture.graphql('mutation { postMessage(input: { room: "browser", body: "first event" }) { id room body } }');
    await page.waitForSelector('#events .watch-event:has-text("first event")', { timeout: 20_000 });
    await fixture.graphql('mutation { postMessage(input: { room: "browser", body: "second event" }) { id room body } }');
    await page.waitForSelector('#events .watch-event:has-text("second event")', { timeout: 20_000 });

    const events = page.locator('#events .watch-event');
    expect(await events.count()).toBe(2);
    expect(JSON.parse((await events.nth(0).locator('pre').textContent()) ?? '')).toEqual({
      data: { onMessage: { room: 'browser', body: 'second event' } },
    });
    expect(JSON.parse((await events.nth(1).locator('pre').textContent()) ?? '')).toEqual({
      data: { onMessage: { room: 'browser', body: 'first event' } },
    });
    expect(await events.nth(1).locator('time').textContent()).toMatch(/\d{1,2}:\d{2}:\d{2}/);
  }, 180_000);

  it('stops a watch with its Stop button, and then lists no more events', async () => {
    await page.click('#events .watch button:has-text("Stop")');
    await page.waitForSelector('#events .watch-status:has-text("stopped")', { timeout: 20_000 });
    await fixture.graphql('mutation { postMessage(input: { room: "browser", body: "third event" }) { id room body } }');
    // The API answered the mutation; a stopped watch would have listed its event by the time a fresh page round trip ends.
    await page.evaluate('new Promise((resolve) => setTimeout(resolve, 500))');
    expect(await page.locator('#events .watch-event').count()).toBe(2);
  }, 120_000);

  it('shows a refusal from the realtime endpoint as the result', async () => {
    await page.evaluate(setEditor('.graphiql-query-editor', 'subscription Members { onMembersOnly { body } }'));
    // GraphiQL takes in an edit (and the operation name with it) after a short debounce; it stores the query then.
    await page.waitForFunction(`(localStorage.getItem('graphiql:query') ?? '').includes('onMembersOnly')`, undefined, { timeout: 20_000 });
    await page.click('.graphiql-execute-button');
    await responseContains('Not Authorized to access onMembersOnly on type Subscription');
  }, 120_000);
});
