/// <reference types="chrome" />
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { STATE_STYLE } from '../../lib/states';
import { openTab, startWorld, type World } from './setup';

let world: World;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(async () => {
  await world?.stop();
});

const settled = (t: string) => t !== '' && t !== STATE_STYLE.pending.badge;

describe('toolbar badge, default settings (pith.science mapped to the local mirror)', () => {
  test('verified for the seed record on its arXiv abstract page', async () => {
    const { page, tabId } = await openTab(world, 'http://arxiv.org/abs/2404.14294');
    const badge = await world.browser.waitForBadge(tabId, settled);
    expect(badge.text).toBe(STATE_STYLE.verified.badge);
    expect(badge.title).toContain('Verified');
    await page.close();
  });

  test('invalid for a tampered record', async () => {
    const { page, tabId } = await openTab(world, 'http://arxiv.org/abs/2404.99998');
    expect((await world.browser.waitForBadge(tabId, settled)).text).toBe(STATE_STYLE.invalid.badge);
    await page.close();
  });

  test('not-found for an id Pith does not know', async () => {
    const { page, tabId } = await openTab(world, 'http://arxiv.org/abs/2404.99999');
    expect((await world.browser.waitForBadge(tabId, settled)).text).toBe(STATE_STYLE['not-found'].badge);
    await page.close();
  });

  test('PDF pages get the toolbar badge from their URL', async () => {
    const { page, tabId } = await openTab(world, 'http://arxiv.org/pdf/2404.14294v3');
    expect((await world.browser.waitForBadge(tabId, settled)).text).toBe(STATE_STYLE.verified.badge);
    await page.close();
  });

  test('the badge is cleared when the tab navigates away from a paper', async () => {
    const { page, tabId } = await openTab(world, 'http://arxiv.org/abs/2404.14294');
    await world.browser.waitForBadge(tabId, settled);
    await page.goto('http://publisher.example/article/none.html');
    expect((await world.browser.waitForBadge(tabId, (t) => t === '')).text).toBe('');
    // Chrome resets the badge text of a tab that navigates by itself: what counts is
    // that the extension dropped the old page's state, which the popup would show.
    const sw = world.browser.context.serviceWorkers()[0] ?? world.browser.worker;
    const stored = () => sw.evaluate(async (id) => (await chrome.storage.session.get(`tab:${id}`))[`tab:${id}`] ?? null, tabId);
    for (let i = 0; i < 100 && (await stored()) !== null; i++) await new Promise((ok) => setTimeout(ok, 50));
    expect(await stored()).toBeNull();
    expect((await world.browser.badge(tabId)).title).not.toContain(STATE_STYLE.verified.label);
    await page.close();
  });

  test('error, not a blank, when the resolver is down (mirror faults every request)', async () => {
    world.mirror.setFault({ status: 500 });
    try {
      // An id never looked up before, so no cache can answer.
      const { page, tabId } = await openTab(world, 'http://arxiv.org/abs/2404.12345');
      const badge = await world.browser.waitForBadge(tabId, settled, 30_000);
      expect(badge.text).toBe(STATE_STYLE.error.badge);
      await page.close();
    } finally {
      world.mirror.clearFaults();
    }
  });

  test('with the mirror stopped: a cached record is served stale with state error', async () => {
    const other = await startWorld();
    try {
      const first = await openTab(other, 'http://arxiv.org/abs/2404.14294');
      await other.browser.waitForBadge(first.tabId, settled);
      await first.page.close();
      await other.mirror.stop();
      // The page itself can no longer be served either: probe with a forced lookup from an extension page.
      const ext = await other.browser.context.newPage();
      await ext.goto(`chrome-extension://${other.browser.extensionId}/popup.html`);
      const result = await ext.evaluate(() => chrome.runtime.sendMessage({ type: 'lookup', id: { kind: 'arxiv', id: '2404.14294' }, force: true }));
      expect(result.state).toBe('error');
      expect(result.stale).toBe(true);
      expect(result.report.state).toBe('verified');
    } finally {
      await other.browser.close().catch(() => undefined);
    }
  });
});
