/**
 * Firefox ESR, the Firefox build installed at run time, default settings: the
 * extension talks to https://pith.science and reads http://arxiv.org pages, both
 * reaching the local mirror through Firefox's own proxy settings (see firefox.ts).
 * Mirrors test/e2e/toolbar.e2e.ts and the listing/popup end-to-end tests.
 */
import type { Page } from 'puppeteer-core';
import type { Browser as WebExt } from 'webextension-polyfill';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { STATE_STYLE } from '../../lib/states';
import { EXTENSION_ORIGIN } from './firefox';
import { waitFor } from '../e2e/inpage-helpers';
import { startFirefoxWorld, type FirefoxWorld } from './setup';

const SEED = 'http://arxiv.org/abs/2404.14294';
const SEED_TITLE = 'A Survey on Efficient Inference for Large Language Models';
const SEED_NUMBER = 'pith:2024:7YXM6JRYOH4O5NBMCHKEPDPSW2';
const LISTING = 'http://arxiv.org/list/cs.CL/new';
const HOST = '[data-pith-lens="badge"]';

let world: FirefoxWorld;
beforeAll(async () => {
  world = await startFirefoxWorld();
});
afterAll(async () => {
  await world?.stop();
});

const settled = (t: string) => t !== '' && t !== STATE_STYLE.pending.badge;

async function openTab(url: string): Promise<{ page: Page; tabId: number }> {
  const page = await world.firefox.newPage(url);
  const tabId = await world.firefox.tabIdOf(url);
  return { page, tabId };
}

/** The background's per-tab state (what the popup and the badges are drawn from). */
function tabState(tabId: number) {
  return world.firefox.ext(async (id: number) => {
    const api = (globalThis as unknown as { browser: WebExt }).browser;
    return (await api.runtime.sendMessage({ type: 'tab-state', tabId: id })) as { kind: string; papers: { key: string; state: string }[] } | undefined | null;
  }, tabId);
}

/** Inline badge hosts in the page, as a page script sees them: `state` must stay null (the state lives in the closed shadow root). */
function inlineHosts(page: Page) {
  return page.evaluate(
    (sel) => [...document.querySelectorAll(sel)].map((h) => ({ state: h.getAttribute('data-state'), shadowless: h.childNodes.length === 0 })),
    HOST,
  );
}

describe('Firefox: the extension as installed', () => {
  test('is an MV3 event page with the pith.science host permission granted and arXiv access', async () => {
    const info = await world.firefox.ext(async () => {
      const api = (globalThis as unknown as { browser: WebExt }).browser;
      const m = api.runtime.getManifest() as { manifest_version: number; background?: { scripts?: string[] } };
      return {
        mv: m.manifest_version,
        background: m.background?.scripts,
        pith: await api.permissions.contains({ origins: ['https://pith.science/*'] }),
        arxiv: await api.permissions.contains({ origins: ['*://arxiv.org/*'] }),
        // Optional: asked for at run time (options page), not granted at install.
        anySite: await api.permissions.contains({ origins: ['*://*/*'] }),
      };
    }, 0);
    expect(world.firefox.addonId).toBe('pith-lens@pith.science');
    expect(info).toEqual({ mv: 3, background: [`${EXTENSION_ORIGIN}/background.js`], pith: true, arxiv: true, anySite: false });
  });
});

describe('Firefox: abstract page (seed record)', () => {
  test('toolbar badge verified and one inline badge host on the title', async () => {
    const { page, tabId } = await openTab(SEED);
    const badge = await world.firefox.waitForBadge(tabId, settled, 30_000);
    expect(badge.text).toBe(STATE_STYLE.verified.badge);
    expect(badge.title).toContain('Verified');

    const hosts = await waitFor(
      'inline badge hosts',
      () => inlineHosts(page),
      (h) => h.length >= 1,
      15_000,
    );
    expect(hosts).toHaveLength(1);
    // Closed shadow root: nothing of ours in the page's light DOM.
    expect(hosts[0]!.shadowless).toBe(true);
    // The page reads no state off our host; the badge's paper is verified in the background's state, which it is drawn from.
    expect(hosts[0]!.state).toBeNull();

    const state = await tabState(tabId);
    expect(state?.kind).toBe('abstract');
    expect(state?.papers.map((p) => p.state)).toEqual(['verified']);

    // The resolver was reached as https://pith.science through the proxy tunnel.
    expect(world.firefox.proxy.seen).toContain('CONNECT pith.science:443');
    await page.close();
  });
});

describe('Firefox: listing page', () => {
  test('25 rows get 25 inline badges, every paper settled (option "Check every paper on listing pages")', async () => {
    // By default a listing checks only the rows near the viewport (Chromium's e2e covers that); every row here.
    await world.firefox.ext(async () => {
      await (globalThis as unknown as { browser: { storage: { local: { set(o: object): Promise<void> } } } }).browser.storage.local.set({
        settings: { checkAllListings: true },
      });
    }, undefined);
    const { page, tabId } = await openTab(LISTING);
    const hosts = await waitFor(
      'inline badge hosts',
      () => inlineHosts(page),
      (h) => h.length >= 25,
      30_000,
    );
    expect(hosts).toHaveLength(25);

    const state = await waitFor(
      'listing tab state',
      () => tabState(tabId),
      (s) => !!s && s.papers.length === 25 && s.papers.every((p) => p.state !== 'pending'),
      45_000,
    );
    expect(state?.kind).toBe('listing');
    expect(state?.papers).toHaveLength(25);
    expect(state?.papers.some((p) => p.state === 'verified')).toBe(true);
    // No host tells the page its badge's state (it lives in the closed shadow root).
    expect((await inlineHosts(page)).every((h) => h.state === null && h.shadowless)).toBe(true);
    await page.close();
    await world.firefox.ext(async () => {
      await (globalThis as unknown as { browser: { storage: { local: { set(o: object): Promise<void> } } } }).browser.storage.local.set({ settings: {} });
    }, undefined);
  });
});

describe('Firefox: a 2,000-row listing, default settings', () => {
  test('the rows near the viewport are checked first (read as the page parses); the last ones once scrolled to', async () => {
    const { page, tabId } = await openTab('http://arxiv.org/list/cs.CL/pastweek?skip=0&show=2000');
    type Paper = { key: string; state: string; unchecked?: boolean };
    const papers = async () => ((await tabState(tabId))?.papers ?? []) as Paper[];
    const first = await waitFor('the first rows checked', papers, (ps) => ps.length === 2000 && ps[0]!.state !== 'pending' && !ps[0]!.unchecked, 60_000);
    // Visible first: every row checked comes before every row not yet checked, and most are not.
    const checked = first.map((p, i) => (p.unchecked ? -1 : i)).filter((i) => i >= 0);
    const unchecked = first.map((p, i) => (p.unchecked ? i : -1)).filter((i) => i >= 0);
    expect(unchecked.length).toBeGreaterThan(1800);
    expect(Math.max(...checked)).toBeLessThan(Math.min(...unchecked));

    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await waitFor('the last row checked', papers, (ps) => ps[1999]!.state !== 'pending' && !ps[1999]!.unchecked, 60_000);
    await page.close();
  });
});

describe('Firefox: popup as a page', () => {
  test('moz-extension://UUID/popup.html?tab=ID renders the verified view', async () => {
    const { page, tabId } = await openTab(SEED);
    await world.firefox.waitForBadge(tabId, settled, 30_000);
    const popup = await world.firefox.newPage(`${EXTENSION_ORIGIN}/popup.html?tab=${tabId}`);
    await waitFor(
      'verified screen',
      () => popup.evaluate(() => document.querySelector('[data-screen]')?.getAttribute('data-screen') ?? null),
      (s) => s === 'verified',
      30_000,
    );
    const text = (sel: string) => popup.evaluate((s) => document.querySelector(s)?.textContent ?? null, sel);
    expect(await text('.banner')).toContain(STATE_STYLE.verified.label);
    expect(await text('.paper-title')).toBe(SEED_TITLE);
    expect(await text('.pith-number')).toContain(SEED_NUMBER);
    const checks = await popup.evaluate(() =>
      [...document.querySelectorAll('.checks .check')].map((e) => [(e as HTMLElement).dataset.check, e.classList.contains('check-pass')]),
    );
    expect(checks.length).toBeGreaterThanOrEqual(6);
    expect(checks.every((c) => c[1] === true)).toBe(true);
    await popup.close();
    await page.close();
  });
});

describe('Firefox: optional host permission asked for at run time', () => {
  test('refused without a user gesture; granted from a real click on the options page; the background follows', async () => {
    // Not from script: Firefox requires the call inside a user input handler.
    const scripted = await world.firefox.ext(async () => {
      const b = (globalThis as unknown as { browser: WebExt }).browser;
      return b.permissions.request({ origins: ['*://*/*'] }).then(
        (v) => `granted:${v}`,
        (e: Error) => `refused:${e.message}`,
      );
    }, 0);
    expect(scripted).toMatch(/^refused:.*user input/i);

    const options = await world.firefox.newPage(`${EXTENSION_ORIGIN}/options.html`);
    await waitFor(
      'options form',
      () => options.evaluate(() => !!document.querySelector('#other-sites')),
      (v) => v,
      15_000,
    );
    expect(await options.evaluate(() => (document.querySelector('#other-sites') as HTMLInputElement).checked)).toBe(false);
    await options.click('#other-sites'); // BiDi input actions: a trusted click
    const held = await waitFor(
      'all-sites permission',
      () =>
        world.firefox.ext(async () => {
          const b = (globalThis as unknown as { browser: WebExt }).browser;
          return b.permissions.contains({ origins: ['*://*/*'] });
        }, 0),
      (v) => v === true,
      15_000,
    );
    expect(held).toBe(true);
    expect(await options.evaluate(() => (document.querySelector('#other-sites') as HTMLInputElement).checked)).toBe(true);
    // The event-page background registers the publisher content script once the grant is there.
    const ids = await waitFor(
      'registered content scripts',
      () =>
        world.firefox.ext(async () => {
          const b = (globalThis as unknown as { browser: WebExt }).browser;
          return (await b.scripting.getRegisteredContentScripts()).map((s) => s.id);
        }, 0),
      (v) => v.includes('pith-lens-publisher'),
      15_000,
    );
    expect(ids).toContain('pith-lens-publisher');
    await options.close();
  });
});
