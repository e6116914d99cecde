import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { playgroundExamples } from '../../client/playground-examples.js';
import { startRoamTestServer, type RoamTestServer } from '../support/roam-server.js';
import { launchChromium } from '../support/chromium.js';

/** A phone's width: the walkthrough must work there. */
const PHONE = { width: 390, height: 844 };

let roam: RoamTestServer;
let scratch: string;
let context: BrowserContext;

const exampleName = (prefix: string) => {
  const found = playgroundExamples().find((example) => example.name.startsWith(prefix));
  if (!found) throw new Error(`no example ${prefix}`);
  return found.name;
};
const editor = (selector: string) =>
  `[...document.querySelectorAll(${JSON.stringify(`${selector} .CodeMirror`)})].map((e) => e.CodeMirror.getValue()).join('\\n')`;
const text = (page: Page, selector: string) => page.evaluate(editor(selector)) as Promise<string>;
const waitFor = (page: Page, selector: string, wanted: string) =>
  page.waitForFunction(`${editor(selector)}.includes(${JSON.stringify(wanted)})`, undefined, { timeout: 60_000 });

/** Opens the playground signed in as carol, as a person would, on a phone-sized window. */
async function openPlayground(): Promise<Page> {
  const page = await context.newPage();
  await page.setViewportSize(PHONE);
  await page.goto(`${roam.server.url}/`);
  await page.waitForSelector('#auth-choice', { timeout: 60_000 });
  await page.selectOption('#auth-choice', 'user:carol');
  await page.waitForSelector('.graphiql-query-editor .CodeMirror', { timeout: 60_000 });
  return page;
}

/** Picks a saved example and runs it; nothing typed. Returns the variables it ran with. */
async function runExample(page: Page, prefix: string, expectInAnswer: string): Promise<string> {
  await page.selectOption('#example-choice', exampleName(prefix));
  const operation = /^(query|mutation|subscription) (\w+)/m.exec(
    playgroundExamples().find((e) => e.name.startsWith(prefix))?.query ?? '',
  )?.[2];
  await waitFor(page, '.graphiql-query-editor', operation ?? '');
  // GraphiQL takes in the new document (and its operation name) after a short debounce, storing it then.
  await page.waitForFunction(`(localStorage.getItem('graphiql:query') ?? '').includes(${JSON.stringify(operation ?? '')})`, undefined, {
    timeout: 20_000,
  });
  const variables = await text(page, '.graphiql-editor-tool');
  await page.click('.graphiql-execute-button');
  await waitFor(page, '.graphiql-response', expectInAnswer).catch(async (error: Error) => {
    await page.screenshot({ path: join(tmpdir(), `roam-walkthrough-${prefix}png`) });
    throw new Error(`${prefix} did not answer ${expectInAnswer}: ${await text(page, '.graphiql-response')}\n${error.message}`);
  });
  return variables;
}

beforeAll(async () => {
  roam = await startRoamTestServer({ hotels: 60 });
  scratch = await mkdtemp(join(tmpdir(), 'roam-walkthrough-'));
  ({ context } = await launchChromium(join(scratch, 'profile')));
}, 240_000);

afterAll(async () => {
  await context?.close();
  await roam?.close();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

describe('The playground walkthrough in headless Chromium, at 390 px', () => {
  it('walks search → quote → book → watch → cancel without typing an id, the watch seeing the cancellation', async () => {
    const page = await openPlayground();
    expect(await text(page, '.graphiql-query-editor')).toContain("Roam's API, offline");
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(PHONE.width);

    await runExample(page, '1.', 'searchHotels');
    await page.waitForSelector('#trace .row.sql', { timeout: 30_000 });
    expect(await page.textContent('#trace')).toMatch(/Query\.searchHotels/);

    expect(await runExample(page, '2.', '"quote"')).not.toContain('PASTE');
    const booking = await runExample(page, '3.', 'CONFIRMED');
    expect(booking).not.toMatch(/PASTE|\{\{uuid\}\}/);
    const bookingId = JSON.parse(await text(page, '.graphiql-response')).data.createBooking.id as string;

    expect(await runExample(page, '4.', 'Subscribed')).not.toContain('PASTE');

    // A second tab continues the walkthrough from the same answers while the first one watches.
    const second = await openPlayground();
    const cancel = await runExample(second, '5.', 'CANCELLED');
    expect(cancel).toContain(bookingId);

    await waitFor(page, '.graphiql-response', 'CANCELLED');
    const watched = JSON.parse(await text(page, '.graphiql-response'));
    expect(watched.extensions.events[0]).toMatchObject({
      receivedAt: expect.any(String),
      data: { onBookingUpdated: { id: bookingId, status: 'CANCELLED' } },
    });
  }, 300_000);

  it('serves a favicon', async () => {
    const response = await fetch(`${roam.server.url}/favicon.ico`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/svg+xml');
  });
});
