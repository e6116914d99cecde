/**
 * The playground as a newcomer meets it, in headless Chromium at a phone's width: Roam's welcome
 * text, then the saved walkthrough (search → quote → book → watch → cancel) without typing an id,
 * the booking's events collecting under "Events" while the next step runs.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../support/chromium.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRoamTestServer, type RoamTestServer } from '../support/roam-server.js';

/** An iPhone 14's viewport in CSS pixels. */
const PHONE = { width: 390, height: 844 };

let roam: RoamTestServer;
let scratch: string;
let context: BrowserContext;
let page: Page;

const editorValue = (selector: string) =>
  `(document.querySelector(${JSON.stringify(`${selector} .CodeMirror`)})?.CodeMirror?.getValue() ?? '')`;

/** The variables editor's text (GraphiQL gives it no class of its own: it is the visible editor among the tools). */
const variablesValue = `([...document.querySelectorAll('.graphiql-editor-tool .CodeMirror')].find((e) => e.offsetParent !== null)?.CodeMirror?.getValue() ?? '')`;

async function editorText(selector: string): Promise<string> {
  return (await page.evaluate(editorValue(selector))) as string;
}

async function editorContains(selector: string, text: string): Promise<void> {
  await page.waitForFunction(`${editorValue(selector)}.includes(${JSON.stringify(text)})`, undefined, { timeout: 60_000 });
}

/** Picks a saved example by the start of its name and runs it; answers the response editor's JSON once it shows `answered`. */
async function runStep(prefix: string, field: string, answered = `"${field}"`): Promise<any> {
  const name = (await page.evaluate(
    `[...document.querySelectorAll('#example-choice option')].map((o) => o.value).find((v) => v.startsWith(${JSON.stringify(prefix)}))`,
  )) as string;
  await page.selectOption('#example-choice', name);
  await editorContains('.graphiql-query-editor', field);
  await page.waitForFunction(`${variablesValue}.length > 0 && !${variablesValue}.includes('{{')`, undefined, { timeout: 20_000 });
  await page.click('.graphiql-execute-button');
  await editorContains('.graphiql-response', answered);
  return JSON.parse(await editorText('.graphiql-response'));
}

beforeAll(async () => {
  roam = await startRoamTestServer({ hotels: 30 });
  scratch = await mkdtemp(join(tmpdir(), 'roam-walkthrough-'));
  ({ context, page } = await launchChromium(join(scratch, 'profile'), { viewport: PHONE }));
}, 180_000);

afterAll(async () => {
  await context?.close();
  await roam?.close();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

describe('The playground walkthrough in headless Chromium at 390 px', () => {
  it("opens on Roam's welcome text, with an icon, and nothing wider than the screen", async () => {
    await page.goto(`${roam.server.url}/`);
    await page.waitForSelector('#auth-choice', { timeout: 60_000 });
    await editorContains('.graphiql-query-editor', "Roam's API, offline");
    const icon = await fetch(`${roam.server.url}/favicon.ico`);
    expect([icon.status, icon.headers.get('content-type')]).toEqual([200, 'image/svg+xml']);
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(PHONE.width);
    const execute = await page.locator('.graphiql-execute-button').boundingBox();
    expect(execute && execute.x + execute.width).toBeLessThanOrEqual(PHONE.width);
  }, 120_000);

  it('walks search → quote → book → watch → cancel without typing an id', async () => {
    await page.selectOption('#auth-choice', 'user:carol');
    // Open the variables pane, so each step's check that no placeholder is left reads real text.
    await page.click('.graphiql-editor-tools button:has-text("Variables")');
    await page.waitForSelector('.graphiql-editor-tool .CodeMirror', { state: 'visible', timeout: 20_000 });
    const found = await runStep('1.', 'searchHotels');
    const hotel = found.data.searchHotels.items[0];
    expect(hotel).toBeDefined();

    const quoted = await runStep('2.', 'quote');
    expect(quoted.data.quote.hotel.id).toBe(hotel.hotel.id);

    const booked = await runStep('3.', 'createBooking');
    expect(booked.data.createBooking.status).toBe('CONFIRMED');

    await runStep('4.', 'onBookingUpdated', 'Watching');
    expect(await editorText('.graphiql-response')).toContain('Watching OnBookingUpdated');
    await page.waitForSelector('#events .watch-status:has-text("watching")', { timeout: 30_000 });

    const cancelled = await runStep('5.', 'cancelBooking');
    expect(cancelled.data.cancelBooking).toMatchObject({ id: booked.data.createBooking.id, status: 'CANCELLED' });

    // The subscription kept watching while step 5 ran: the cancellation is listed with its time.
    const event = page.locator('#events .watch-event').first();
    await event.waitFor({ timeout: 30_000 });
    expect(await event.locator('time').textContent()).toMatch(/\d{1,2}:\d{2}:\d{2}/);
    const published = JSON.parse((await event.locator('pre').textContent()) ?? '{}');
    expect(published.data.onBookingUpdated).toMatchObject({ id: booked.data.createBooking.id, status: 'CANCELLED' });
    await page.screenshot({ path: join(tmpdir(), 'roam-playground-walkthrough.png'), fullPage: true });
  }, 300_000);

  it('gives the booking step a new idempotency key at every pick', async () => {
    const key = async () => JSON.parse((await page.evaluate(variablesValue)) as string).input.idempotencyKey as string;
    const name = (await page.evaluate(
      `[...document.querySelectorAll('#example-choice option')].map((o) => o.value).find((v) => v.startsWith('3.'))`,
    )) as string;
    await page.selectOption('#example-choice', name);
    await page.waitForFunction(`${variablesValue}.includes('idempotencyKey')`, undefined, { timeout: 20_000 });
    const first = await key();
    await page.click('#example-refill');
    await page.waitForFunction(`!${variablesValue}.includes(${JSON.stringify(first)})`, undefined, {
      timeout: 20_000,
    });
    expect(await key()).toMatch(/^[0-9a-f-]{36}$/);
  }, 120_000);
});
