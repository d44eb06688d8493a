/// <reference types="chrome" />
/**
 * Issue 13's attacks against the built extension in Chromium, with default
 * settings (pith.science mapped to the local mirror): a dishonest resolver,
 * a tab that leaves its paper, and a content script (standing for a page
 * whose renderer is compromised) that writes storage or sends messages. Each
 * must end in a state that says no more than was checked.
 */
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { STATE_STYLE } from '../../lib/states';
import { cdpFor, inContentScript, readBadges } from './inpage-helpers';
import { openTab, startWorld, type World } from './setup';

let world: World;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(async () => {
  await world?.stop();
});
afterEach(() => world.mirror.clearFaults());

const FOREIGN_DOI = '10.1145/3442188.3445922';
const settled = (t: string) => t !== '' && t !== STATE_STYLE.pending.badge;

async function extensionPage(path = 'popup.html'): Promise<Page> {
  const page = await world.browser.context.newPage();
  await page.setViewportSize({ width: 380, height: 600 });
  await page.goto(`chrome-extension://${world.browser.extensionId}/${path}`);
  return page;
}

async function lookUp(popup: Page, text: string) {
  await popup.fill('#lookup-input', text);
  await popup.press('#lookup-input', 'Enter');
}

describe('a dishonest resolver', () => {
  test('the real signed record served for a foreign DOI with that DOI as an alias: the lookup box says unconfirmed, never verified', async () => {
    world.mirror.setFault({ answerWith: '2404.14294', extraAliases: [{ alias_kind: 'doi', alias_value: FOREIGN_DOI }] }, FOREIGN_DOI);
    const popup = await extensionPage();
    await lookUp(popup, FOREIGN_DOI);
    await popup.waitForSelector('[data-screen="unconfirmed"]', { timeout: 30_000 });
    expect(await popup.$('[data-screen="verified"]')).toBeNull();
    expect(await popup.textContent('.banner')).toContain(STATE_STYLE.unconfirmed.label);
    expect(await popup.textContent('.summary-box')).toContain('resolver');
    await popup.close();
  });

  test('a forged served title: the state stays verified, the header labels the title as served and not matching', async () => {
    world.mirror.setFault({ paper: { title: 'Retracted: fabricated results', authors_text: 'Nobody' } }, '2404.14294');
    const popup = await extensionPage();
    // Forced past the cache: the forged text must come from the resolver.
    const answer = (await popup.evaluate(() => chrome.runtime.sendMessage({ type: 'lookup', id: { kind: 'arxiv', id: '2404.14294' }, force: true }))) as {
      state: string;
    };
    expect(answer.state).toBe('verified');
    await lookUp(popup, '2404.14294');
    await popup.waitForSelector('[data-screen="verified"]', { timeout: 30_000 });
    expect(await popup.textContent('#paper-title')).toBe('Retracted: fabricated results');
    expect(await popup.getAttribute('#paper-title', 'data-title-signed')).toBe('false');
    expect(await popup.textContent('[data-title="served"]')).toContain('does not match the signed title');
    await popup.close();
  });

  test('an oversized record is verified and shown, but not cached', async () => {
    world.mirror.setFault({ padToBytes: 300 * 1024 }, '2404.14294');
    const popup = await extensionPage();
    const ask = () =>
      popup.evaluate(() => chrome.runtime.sendMessage({ type: 'lookup', id: { kind: 'arxiv', id: '2404.14294' }, force: true })) as Promise<{
        state: string;
        recordText?: string;
      }>;
    const first = await ask();
    expect(first.state).toBe('verified');
    expect(first.recordText!.length).toBeGreaterThan(300 * 1024);
    const stats = (await popup.evaluate(() => chrome.runtime.sendMessage({ type: 'cache-stats' }))) as { tooLarge: number };
    expect(stats.tooLarge).toBeGreaterThanOrEqual(1);
    await popup.close();
  });
});

describe('a tab that leaves its paper leaves its state', () => {
  test('navigating to another site clears the stored state, and the popup shows no paper', async () => {
    const { page, tabId } = await openTab(world, 'http://arxiv.org/abs/2404.14294');
    expect((await world.browser.waitForBadge(tabId, settled)).text).toBe(STATE_STYLE.verified.badge);
    const ext = await extensionPage('options.html');
    const stored = () => ext.evaluate(async (id) => (await chrome.storage.session.get(`tab:${id}`))[`tab:${id}`] ?? null, tabId);
    expect(await stored()).not.toBeNull();

    await page.goto('http://publisher.example/article/none.html');
    // Not Chrome's own reset of the badge text: the extension's stored state is gone.
    const deadline = Date.now() + 10_000;
    while ((await stored()) !== null && Date.now() < deadline) await new Promise((ok) => setTimeout(ok, 50));
    expect(await stored()).toBeNull();
    // What the popup asks for that tab, with the address it sees there and without one.
    const withUrl = (await ext.evaluate(([id, url]) => chrome.runtime.sendMessage({ type: 'tab-state', tabId: id, withResult: true, url }), [
      tabId,
      page.url(),
    ] as const)) as { papers: unknown[] };
    expect(withUrl.papers).toEqual([]);
    const popup = await extensionPage(`popup.html?tab=${tabId}&url=${encodeURIComponent(page.url())}`);
    await popup.waitForSelector('#lookup-input');
    expect(await popup.$('[data-screen="verified"]')).toBeNull();
    expect(await popup.$('.banner')).toBeNull();
    await Promise.all([popup.close(), ext.close(), page.close()]);
  });

  test('back to the paper (from the back/forward cache or reloaded): its state is there again', async () => {
    const { page, tabId } = await openTab(world, 'http://arxiv.org/abs/2404.14294');
    await world.browser.waitForBadge(tabId, settled);
    await page.goto('http://publisher.example/article/none.html');
    await world.browser.waitForBadge(tabId, (t) => t === '');
    await page.goBack();
    expect((await world.browser.waitForBadge(tabId, settled)).text).toBe(STATE_STYLE.verified.badge);
    const ext = await extensionPage('options.html');
    const state = (await ext.evaluate(([id, url]) => chrome.runtime.sendMessage({ type: 'tab-state', tabId: id, url }), [tabId, page.url()] as const)) as {
      papers: { state: string }[];
    };
    expect(state.papers.map((p) => p.state)).toEqual(['verified']);
    await Promise.all([ext.close(), page.close()]);
  });

  test('a stored state for another document is not shown: the popup checks the address now in the tab', async () => {
    const { page, tabId } = await openTab(world, 'http://arxiv.org/abs/2404.14294');
    await world.browser.waitForBadge(tabId, settled);
    const ext = await extensionPage('options.html');
    const ask = (url: string) =>
      ext.evaluate(([id, u]) => chrome.runtime.sendMessage({ type: 'tab-state', tabId: id, url: u }), [tabId, url] as const) as Promise<{ papers: unknown[] }>;
    expect((await ask('http://arxiv.org/abs/2404.14294#section')).papers).toHaveLength(1);
    expect((await ask('https://example.org/elsewhere')).papers).toEqual([]);
    await Promise.all([ext.close(), page.close()]);
  });
});

describe('a content script (a compromised page renderer) cannot make the extension vouch', () => {
  test('a forged "verified" cache entry written from the content-script world is never read: the unknown paper is asked for and not verified', async () => {
    const { page } = await openTab(world, 'http://arxiv.org/abs/2404.14294');
    const forged = {
      v: 1,
      kind: 'record',
      fetchedAt: Date.now(),
      host: 'pith.science',
      text: '{}',
      stamp: '1:default',
      report: { state: 'verified', checks: [], pithNumber: 'pith:2024:AAAAAAAAAAAAAAAAAAAAAAAAAA' },
      bind: { source: { id: '2404.99999', kind: 'arxiv' }, dois: [] },
      pithNumber: 'pith:2024:AAAAAAAAAAAAAAAAAAAAAAAAAA',
    };
    const wrote = await inContentScript(
      page,
      `(async () => {
        const forged = ${JSON.stringify(forged)};
        // Where the cache used to live (storage.local), under every key shape it used,
        await chrome.storage.local.set({ 'c:pl:c:arxiv:2404.99999': forged, 'pl:c:arxiv:2404.99999': forged,
          'c:pl:index': { v: 1, e: { 'pl:c:arxiv:2404.99999': Date.now() } } });
        // and the IndexedDB this world can open (the page's origin, not the extension's).
        await new Promise((ok, fail) => {
          const req = indexedDB.open('pith-lens-cache', 1);
          req.onupgradeneeded = () => req.result.createObjectStore('kv');
          req.onsuccess = () => {
            const tx = req.result.transaction('kv', 'readwrite');
            tx.objectStore('kv').put({ ...forged, v: 2 }, 'pl:c:arxiv:2404.99999');
            tx.oncomplete = ok; tx.onerror = fail;
          };
          req.onerror = fail;
        });
        return true;
      })()`,
    );
    expect(wrote).toBe(true);
    world.mirror.requests.reset();
    const other = await openTab(world, 'http://arxiv.org/abs/2404.99999');
    const badge = await world.browser.waitForBadge(other.tabId, settled, 30_000);
    expect(badge.text).toBe(STATE_STYLE['not-found'].badge);
    expect(badge.text).not.toBe(STATE_STYLE.verified.badge);
    expect(world.mirror.requests.total()).toBeGreaterThan(0);
    await Promise.all([page.close(), other.page.close()]);
  });

  test('every message beyond opening its own report is refused from a content script', async () => {
    const { page, tabId } = await openTab(world, 'http://arxiv.org/abs/2404.14294');
    await world.browser.waitForBadge(tabId, settled);
    const victim = await openTab(world, 'http://arxiv.org/abs/2404.99998');
    await world.browser.waitForBadge(victim.tabId, settled);
    const forbidden = [
      { type: 'tab-state', tabId: victim.tabId, withResult: true },
      { type: 'detect', tabId: victim.tabId },
      { type: 'lookup', id: { kind: 'arxiv', id: '2404.14294' } },
      { type: 'clear-cache' },
      { type: 'cache-stats' },
      { type: 'test-connection', baseUrl: 'https://evil.example/' },
    ];
    const answers = (await inContentScript(
      page,
      `Promise.all(${JSON.stringify(forbidden)}.map((m) => chrome.runtime.sendMessage(m).catch((e) => ({ thrown: String(e) }))))`,
    )) as { refused?: boolean; papers?: unknown; url?: string }[];
    expect(answers).toHaveLength(forbidden.length);
    for (const [i, a] of answers.entries()) {
      expect(a, JSON.stringify(forbidden[i])).toMatchObject({ refused: true });
      expect(a.papers).toBeUndefined();
      expect(a.url).toBeUndefined();
    }
    // The cache was not cleared: the seed is still answered without a request.
    world.mirror.requests.reset();
    const ext = await extensionPage('options.html');
    const again = (await ext.evaluate(() => chrome.runtime.sendMessage({ type: 'lookup', id: { kind: 'arxiv', id: '2404.14294' } }))) as { state: string };
    expect(again.state).toBe('verified');
    expect(world.mirror.requests.total()).toBe(0);
    // What a page does need still works: opening its own paper's report.
    const opened = await inContentScript(page, `chrome.runtime.sendMessage({ type: 'open-report', key: 'arxiv:2404.14294' })`);
    expect(opened).toEqual({ ok: true });
    await Promise.all([page.close(), victim.page.close(), ext.close()]);
  });

  test('the page learns nothing from our DOM but the badge’s presence: no state in any attribute it can read', async () => {
    const { page, tabId } = await openTab(world, 'http://arxiv.org/abs/2404.14294');
    await world.browser.waitForBadge(tabId, settled);
    const cdp = await cdpFor(page);
    for (let i = 0; i < 100 && (await readBadges(cdp))[0]?.state !== 'verified'; i++) await new Promise((ok) => setTimeout(ok, 50));
    expect((await readBadges(cdp))[0]?.state).toBe('verified');
    // What a page script sees of our host: one marker attribute, no shadow root, no children.
    const seen = await page.evaluate(() => {
      const host = document.querySelector('[data-pith-lens]') as HTMLElement;
      return { attrs: host.getAttributeNames().map((n) => `${n}=${host.getAttribute(n)}`), shadow: host.shadowRoot, children: host.childNodes.length };
    });
    expect(seen).toEqual({ attrs: ['data-pith-lens=badge'], shadow: null, children: 0 });
    expect(JSON.stringify(seen)).not.toMatch(/verified/i);
    await page.close();
  });
});
