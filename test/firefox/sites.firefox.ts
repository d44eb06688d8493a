/**
 * Firefox ESR: the Google Scholar and any-page readers (lib/sites), each
 * enabled the way a reader enables it: a real click on the options page's
 * switch (Firefox's test switch `extensions.webextOptionalPermissionPrompts`
 * grants without the doorhanger, which BiDi cannot click; the call still
 * needs the click's user gesture). The background then registers the
 * script; the pages, served by the local mirror through the proxy, get their
 * badges.
 */
import type { Page } from 'puppeteer-core';
import type { Browser as WebExt } from 'webextension-polyfill';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { EXTENSION_ORIGIN } from './firefox';
import { waitFor } from '../e2e/inpage-helpers';
import { startFirefoxWorld, type FirefoxWorld } from './setup';

const HOST = '[data-pith-lens="badge"]';
const SCHOLAR = 'http://scholar.google.com/scholar?hl=en&q=efficient+inference';

let world: FirefoxWorld;
beforeAll(async () => {
  world = await startFirefoxWorld();
});
afterAll(async () => {
  await world?.stop();
});

/** How many badge hosts a page script sees (it sees no state: that lives in the closed shadow root). */
const hostCount = (page: Page) => page.evaluate((sel) => document.querySelectorAll(sel).length, HOST);
/** The states of a tab's papers in page order, from the background (what its badges are drawn from). */
const paperStates = (url: string) =>
  world.firefox.tabIdOf(url).then((tabId) =>
    world.firefox.ext(async (id: number) => {
      const b = (globalThis as unknown as { browser: WebExt }).browser;
      const s = (await b.runtime.sendMessage({ type: 'tab-state', tabId: id })) as { papers: { state: string }[] } | null;
      return (s?.papers ?? []).map((p) => p.state);
    }, tabId),
  );
const registered = () =>
  world.firefox.ext(async () => {
    const b = (globalThis as unknown as { browser: WebExt }).browser;
    return (await b.scripting.getRegisteredContentScripts()).map((s) => s.id);
  }, 0);

async function options(): Promise<Page> {
  const page = await world.firefox.newPage(`${EXTENSION_ORIGIN}/options.html`);
  await waitFor(
    'options form',
    () => page.evaluate(() => !!document.querySelector('#site-scholar:not([disabled])')),
    (v) => v,
    15_000,
  );
  return page;
}

describe('Firefox: Google Scholar', () => {
  test('not enabled: no script, no badge; the options switch (a real click) enables it; then each result with an id gets its badge', async () => {
    const before = await world.firefox.newPage(SCHOLAR);
    // The positive signal that the background is up and has synced its registrations: the list answers, without a site script.
    expect((await registered()).filter((id) => id.startsWith('pith-lens-site-'))).toEqual([]);
    await new Promise((r) => setTimeout(r, 1000));
    expect(await hostCount(before)).toBe(0);
    await before.close();

    const page = await options();
    expect(await page.evaluate(() => (document.querySelector('#site-scholar') as HTMLInputElement).checked)).toBe(false);
    await page.click('#site-scholar'); // BiDi input: a trusted click, so permissions.request may ask
    await waitFor('Scholar registration', registered, (ids) => ids.includes('pith-lens-site-scholar'), 15_000);
    expect(await page.evaluate(() => (document.querySelector('#site-scholar') as HTMLInputElement).checked)).toBe(true);
    await page.close();

    const after = await world.firefox.newPage(SCHOLAR);
    await waitFor(
      'Scholar badges',
      () => hostCount(after),
      (n) => n === 5,
    );
    const got = await waitFor(
      'Scholar papers',
      () => paperStates(SCHOLAR),
      (s) => s.length === 5 && s.every((x) => x !== 'pending'),
    );
    expect(got).toEqual(['verified', 'not-found', 'unsigned', 'unsigned', 'unsigned']);
    await after.close();
  });
});

describe('Firefox: any page', () => {
  test('with "Detect papers on other sites" (a real click): 200 links to arXiv papers, a badge after each; content added later followed', async () => {
    const page = await options();
    await page.click('#other-sites');
    await waitFor('any-page registration', registered, (ids) => ids.includes('pith-lens-publisher'), 15_000);
    await page.close();
    const thread = await world.firefox.newPage('http://links.example/thread');
    await waitFor(
      '200 badges',
      () => hostCount(thread),
      (n) => n === 200,
      60_000,
    );
    await thread.click('#more');
    await waitFor(
      '205 badges',
      () => hostCount(thread),
      (n) => n === 205,
      30_000,
    );
    // The header's image-only link to a paper got no badge; text links did.
    expect(await thread.evaluate((sel) => document.querySelector('header')!.querySelectorAll(sel).length, HOST)).toBe(0);
    await thread.close();
  });
});
