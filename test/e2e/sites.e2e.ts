/// <reference types="chrome" />
/**
 * Sites beyond arXiv (lib/sites) in Chromium, every site's host mapped to the
 * local mirror (setup.ts mirrorHosts; pages from test/fixtures/pages/<host>/).
 *
 * Permissions: Chromium under automation cannot answer a permission prompt,
 * so the "enabled" world grants the hosts before launch (its copy of the
 * build lists them as install-time host permissions, setup.ts `grantHosts`);
 * the background then registers each site's script exactly as after a
 * reader's click (permissions.contains → registerContentScripts). The click
 * itself (popup button, options switch) runs in Firefox
 * (test/firefox/sites.firefox.ts), whose test switch grants without a prompt.
 */
import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { STATE_STYLE } from '../../lib/states';
import { MENU_ID } from '../../lib/browser/context-menu';
import { cdpFor, readBadges, waitFor } from './inpage-helpers';
import { openTab, startWorld, type World } from './setup';

const HOST = '[data-pith-lens="badge"]';
const settled = (t: string) => t !== '' && t !== STATE_STYLE.pending.badge;
const SCHOLAR = 'http://scholar.google.com/scholar?hl=en&q=efficient+inference';

let plain: World;
let enabled: World;
beforeAll(async () => {
  [plain, enabled] = await Promise.all([
    startWorld(),
    // Four sites of lib/sites, one origin each (alphaXiv left off).
    startWorld({ grantHosts: ['*://scholar.google.com/*', '*://www.semanticscholar.org/*', '*://huggingface.co/*', '*://ar5iv.labs.arxiv.org/*'] }),
  ]);
}, 120_000);
afterAll(async () => {
  await Promise.all([plain?.stop(), enabled?.stop()]);
});

const sw = (w: World): Worker => w.browser.context.serviceWorkers()[0] ?? w.browser.worker;

/** Badges in page order: the state (inside the closed shadow root, read through the DevTools protocol) and the text just before each (the title it follows). */
async function badges(page: Page) {
  const cdp = await cdpFor(page);
  try {
    return (await readBadges(cdp)).map((b) => ({ state: b.state, after: b.after }));
  } finally {
    await cdp.detach();
  }
}
const settledBadges = (page: Page, n: number) =>
  waitFor(
    'settled badges',
    () => badges(page),
    (bs) => bs.length === n && bs.every((b) => b.state !== 'pending'),
  );

function tabState(w: World, tabId: number) {
  return sw(w).evaluate(async (id) => {
    const o = await chrome.storage.session.get(`tab:${id}`);
    return (o[`tab:${id}`] as { url?: string; papers: { key: string; state: string; role?: string }[] } | undefined) ?? null;
  }, tabId);
}
const registered = (w: World) => sw(w).evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).map((s) => s.id));

describe('a site not enabled', () => {
  test('Google Scholar: no script registered, no badge, no paper for the tab', async () => {
    // The positive signal first: the extension runs and follows this tab (an arXiv page's badges, then the
    // toolbar badge cleared when the tab navigates to Scholar).
    const { page, tabId } = await openTab(plain, 'http://arxiv.org/abs/2404.14294');
    await plain.browser.waitForBadge(tabId, settled);
    await page.waitForSelector(HOST, { state: 'attached' });
    await page.goto(SCHOLAR);
    await plain.browser.waitForBadge(tabId, (t) => t === '');
    await page.waitForFunction(() => document.readyState === 'complete');
    expect((await registered(plain)).filter((id) => id.startsWith('pith-lens-site-'))).toEqual([]);
    // Give a script that should not be there time to have run: 1 s, then look.
    await page.waitForTimeout(1000);
    expect(await page.$$(HOST)).toHaveLength(0);
    // No paper of the Scholar page reached the background. (A late write of the arXiv page's own
    // papers after the navigation can still be there: the background's navigation clearing, not ours.)
    const state = await tabState(plain, tabId);
    expect(state?.url ?? '').not.toContain('scholar.google.com');
    expect((await plain.browser.badge(tabId)).text).toBe('');
    await page.close();
  });
});

describe('sites enabled (host permission granted before launch)', () => {
  test('each granted site has its script registered, and only those', async () => {
    const ids = await waitFor(
      'site registrations',
      () => registered(enabled),
      (v) => v.includes('pith-lens-site-scholar'),
    );
    expect(ids.filter((id) => id.startsWith('pith-lens-site-')).sort()).toEqual([
      'pith-lens-site-ar5iv',
      'pith-lens-site-huggingface',
      'pith-lens-site-scholar',
      'pith-lens-site-semantic-scholar',
    ]);
    expect(ids).not.toContain('pith-lens-publisher');
  });

  test('Google Scholar results: a badge after each title with an id, in page order and in its state; no-id rows none', async () => {
    const { page, tabId } = await openTab(enabled, SCHOLAR);
    const bs = await settledBadges(page, 5);
    expect(bs.map((b) => b.after)).toEqual(
      [
        'A survey on efficient inference for large language models',
        'On the dangers of stochastic parrots: Can language models be too big?🦜',
        'Inference at scale: a journal version',
        'A preprint known by its byline',
        'A paper linked by its arXiv DOI',
      ].map((t) => t.slice(0, 60)),
    );
    // The seed record is verified; the real canonical records unsigned; the publisher DOI unknown to the mirror.
    expect(bs.map((b) => b.state)).toEqual(['verified', 'not-found', 'unsigned', 'unsigned', 'unsigned']);
    const badge = await enabled.browser.waitForBadge(tabId, settled);
    expect(badge.title).toContain('5 papers');
    // Nothing was asked of Google: the mirror saw the page itself for this host (and the browser's own favicon request), nothing else.
    const toGoogle = enabled.mirror.requests.entries.filter((e) => e.host === 'scholar.google.com').map((e) => e.path.split('?')[0]);
    expect(toGoogle.filter((p) => p !== '/favicon.ico')).toEqual(['/scholar']);
    await page.close();
  });

  test('Google Scholar profile: rows added by "Show more" get their badges too', async () => {
    const { page, tabId } = await openTab(enabled, 'http://scholar.google.com/citations?user=EXAMPLE&hl=en');
    await settledBadges(page, 2);
    await page.click('#gsc_bpf_more');
    const bs = await settledBadges(page, 4);
    expect(bs.map((b) => b.after)).toEqual([
      'A survey on efficient inference for large language models',
      'A second preprint',
      'An older preprint',
      'A future preprint',
    ]);
    const state = await waitFor(
      'tab state',
      () => tabState(enabled, tabId),
      (s) => (s?.papers.length ?? 0) === 4 && s!.papers.every((p) => p.state !== 'pending'),
    );
    expect(state!.papers.map((p) => p.key)).toEqual(['arxiv:2404.14294', 'arxiv:2302.14782', 'arxiv:1306.0013', 'arxiv:2605.00424']);
    await page.close();
  });

  test('Semantic Scholar: rows rendered later, then an in-app navigation to a paper page: one page paper, references mentioned', async () => {
    const { page, tabId } = await openTab(enabled, 'http://www.semanticscholar.org/search?q=efficient%20inference');
    // Two rows at load, a third rendered 400 ms later.
    await settledBadges(page, 3);
    await page.click('a[data-test-id="title-link"] >> nth=0');
    await page.waitForURL(/\/paper\/A-Survey/);
    // The paper view: one badge, on its title; the toolbar speaks for that paper alone.
    const bs = await settledBadges(page, 1);
    expect(bs[0]!.state).toBe('verified');
    const badge = await enabled.browser.waitForBadge(tabId, (t) => t === STATE_STYLE.verified.badge);
    expect(badge.title).toContain('Verified');
    const state = await waitFor(
      'tab state after navigation',
      () => tabState(enabled, tabId),
      (s) => !!s?.url?.includes('/paper/'),
    );
    expect(state!.papers.map((p) => `${p.role ?? 'about'} ${p.key}`)).toEqual([
      'about arxiv:2404.14294',
      'mentioned arxiv:1903.07835',
      'mentioned arxiv:2302.14782',
      'mentioned arxiv:2304.01373',
    ]);
    await page.close();
  });

  test('Hugging Face daily list: one badge per paper card, after its title', async () => {
    const { page } = await openTab(enabled, 'http://huggingface.co/papers');
    const bs = await settledBadges(page, 5);
    expect(bs.map((b) => b.state)).toEqual(['verified', 'unsigned', 'unsigned', 'unsigned', 'not-found']);
    await page.close();
  });

  test('ar5iv, a paper with references: one page paper; the popup lists the rest under "Also on this page", looked up only there', async () => {
    enabled.mirror.requests.reset();
    const { page, tabId } = await openTab(enabled, 'http://ar5iv.labs.arxiv.org/html/2404.14294');
    const bs = await settledBadges(page, 1);
    expect(bs[0]!.state).toBe('verified');
    const badge = await enabled.browser.waitForBadge(tabId, settled);
    expect(badge.text).toBe(STATE_STYLE.verified.badge);
    const state = await tabState(enabled, tabId);
    expect(state!.papers.filter((p) => p.role === 'mentioned').map((p) => p.key)).toEqual([
      'arxiv:1903.07835',
      'arxiv:2302.14782',
      'arxiv:1306.0013',
      'arxiv:2304.01373',
    ]);
    // Not looked up with the page: the mirror saw no request for any reference.
    const asked = () => enabled.mirror.requests.entries.map((e) => e.path).join(' ');
    for (const id of ['1903.07835', '2302.14782', '1306.0013', '2304.01373']) expect(asked()).not.toContain(id);

    const popup = await enabled.browser.context.newPage();
    await popup.goto(`chrome-extension://${enabled.browser.extensionId}/popup.html?tab=${tabId}`);
    await popup.waitForSelector('[data-screen="verified"]');
    // No picker: the page has one paper.
    expect(await popup.$('#paper-picker')).toBeNull();
    await popup.waitForSelector('[data-section="also-on-page"]');
    const rows = await waitFor(
      'mentions with their states',
      () => popup.$$eval('[data-section="also-on-page"] li', (lis) => lis.map((li) => `${li.getAttribute('data-key')} ${li.getAttribute('data-state')}`)),
      (v) => v.length === 4 && v.every((x) => !x.endsWith('pending')),
    );
    expect(rows).toEqual(['arxiv:1903.07835 unsigned', 'arxiv:2302.14782 unsigned', 'arxiv:1306.0013 unsigned', 'arxiv:2304.01373 unsigned']);
    // One of them opens in the popup, and back.
    await popup.click('[data-section="also-on-page"] li >> nth=1 >> button');
    await popup.waitForSelector('text=arXiv:2302.14782');
    await popup.click('text=Back to the papers on this page');
    await popup.waitForSelector('[data-section="also-on-page"]');
    await popup.close();
    await page.close();
  });
});

describe('any page, with "Detect papers on other sites" (all-sites permission granted before launch)', () => {
  let everywhere: World;
  beforeAll(async () => {
    everywhere = await startWorld({ grantHosts: ['*://*/*'] });
  }, 60_000);
  afterAll(async () => {
    await everywhere?.stop();
  });

  test('200 arXiv links: a badge after each; 5 more added later get theirs', async () => {
    await sw(everywhere).evaluate(() => chrome.storage.local.set({ settings: { detectOtherSites: true } }));
    await waitFor(
      'publisher registration',
      () => registered(everywhere),
      (v) => v.includes('pith-lens-publisher'),
    );
    const { page, tabId } = await openTab(everywhere, 'http://links.example/thread');
    await waitFor(
      '200 badges',
      () => badges(page),
      (bs) => bs.length === 200,
      60_000,
    );
    const first = (await badges(page)).slice(0, 2).map((b) => b.after);
    expect(first).toEqual(['this paper', 'arXiv:2304.01373']);
    await page.click('#more');
    await waitFor(
      '205 badges',
      () => badges(page),
      (bs) => bs.length === 205,
      30_000,
    );
    const state = await waitFor(
      'tab state',
      () => tabState(everywhere, tabId),
      (s) => (s?.papers.length ?? 0) === 205,
    );
    expect(state!.papers.slice(-5).map((p) => p.key)).toEqual([
      'arxiv:2404.00400',
      'arxiv:2404.00401',
      'arxiv:2404.00402',
      'arxiv:2404.00403',
      'arxiv:2404.00404',
    ]);
    expect(state!.papers.every((p) => p.role === undefined)).toBe(true);
    await page.close();
  });
});

describe('reader shortcuts', () => {
  test('Alt+Shift+L opens the popup (_execute_action): the browser kept the key (it drops one that clashes with its own, as it does Alt+Shift+P)', async () => {
    // A headless browser cannot press a browser-level shortcut: the command's registration is checked instead.
    const cmds = await sw(plain).evaluate(() => chrome.commands.getAll());
    const action = cmds.find((c) => c.name === '_execute_action');
    expect(action?.shortcut).toBe('Alt+Shift+L');
  });

  test('the context menu item exists; its report view shows the report for a link, and says so when the text holds no id', async () => {
    // update() rejects for an item that does not exist.
    await expect(sw(plain).evaluate((id) => chrome.contextMenus.update(id, {}).then(() => 'exists'), MENU_ID)).resolves.toBe('exists');
    const { page, tabId } = await openTab(plain, 'http://arxiv.org/abs/2304.01373');
    // What the menu's click handler opens (lib/browser/context-menu.ts reportPathFor), for a link to the seed paper.
    const view = await plain.browser.context.newPage();
    await view.goto(`chrome-extension://${plain.browser.extensionId}/popup.html?tab=${tabId}&q=${encodeURIComponent('https://arxiv.org/abs/2404.14294v3')}`);
    await view.waitForSelector('[data-screen="verified"]');
    expect(await view.textContent('.paper-title')).toBe('A Survey on Efficient Inference for Large Language Models');
    await view.goto(`chrome-extension://${plain.browser.extensionId}/popup.html?tab=${tabId}&q=${encodeURIComponent('see the appendix')}`);
    const note = await view.waitForSelector('[data-query-note]');
    expect(await note.textContent()).toContain('No arXiv id, DOI or Pith Number in “see the appendix”');
    await view.close();
    await page.close();
  });
});
