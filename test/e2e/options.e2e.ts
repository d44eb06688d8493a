/// <reference types="chrome" />
/**
 * The options page in the built extension: its changes reach the background
 * and the content scripts (resolver host, inline badges, disabled sites,
 * cache), and it passes axe in light and dark.
 */
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { STATE_STYLE } from '../../lib/states';
import { seriousViolations } from './axe';
import { openTab, type World } from './setup';
import { startWorld } from './setup';

const SHOTS = new URL('./__screenshots__/', import.meta.url).pathname;

let world: World;
beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  world = await startWorld();
});
afterAll(async () => {
  await world?.stop();
});

const settled = (t: string) => t !== '' && t !== STATE_STYLE.pending.badge;

async function openOptions(): Promise<Page> {
  const page = await world.browser.context.newPage();
  await page.setViewportSize({ width: 800, height: 1000 });
  await page.goto(`chrome-extension://${world.browser.extensionId}/options.html`);
  await page.waitForSelector('#base-url');
  return page;
}

async function stored(page: Page): Promise<Record<string, unknown>> {
  const o = await page.evaluate(() => chrome.storage.local.get('settings'));
  return ((o as { settings?: Record<string, unknown> }).settings ?? {}) as Record<string, unknown>;
}

/** Waits until the stored settings hold `value` under `key` (compared as JSON). */
async function waitForSetting(page: Page, key: string, value: unknown) {
  await page.waitForFunction(
    async ([k, v]) => {
      const o = await chrome.storage.local.get('settings');
      const s = (o.settings ?? {}) as Record<string, unknown>;
      return JSON.stringify(s[k as string]) === v;
    },
    [key, JSON.stringify(value)] as const,
  );
}

/** Looks an id up from an extension page, as the popup does. */
async function lookup(page: Page, id: string) {
  return page.evaluate((arxiv) => chrome.runtime.sendMessage({ type: 'lookup', id: { kind: 'arxiv', id: arxiv }, force: true }), id);
}

describe('options page', () => {
  test('is accessible in light and dark, and shows the pinned key', async () => {
    const page = await openOptions();
    expect(await page.textContent('[data-key="pith-v1-2026-05"]')).toContain('8d4b5ee74e4693bcd1df2446408b0d54');
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      expect(await seriousViolations(page), colorScheme).toEqual([]);
      await page.screenshot({ path: `${SHOTS}options-${colorScheme}.png`, fullPage: true });
    }
    await page.close();
  });

  test('test connection reaches the resolver', async () => {
    const page = await openOptions();
    await page.click('button:has-text("Test connection")');
    await page.waitForSelector('text=/^Connected: /', { timeout: 30_000 });
    await page.close();
  });

  test('an invalid resolver address is refused inline and not stored', async () => {
    const page = await openOptions();
    await page.fill('#base-url', 'http://resolver.example.org');
    await page.click('button:has-text("Save resolver")');
    expect(await page.getAttribute('#base-url', 'aria-invalid')).toBe('true');
    expect(await page.textContent('#base-url-error')).toMatch(/https:\/\//);
    expect((await stored(page)).baseUrl).toBeUndefined();
    await page.close();
  });

  test('changing the resolver takes effect in the background', async () => {
    const page = await openOptions();
    // www.pith.science is a built-in host: no permission prompt (which automation cannot answer).
    await page.fill('#base-url', 'https://www.pith.science');
    await page.click('button:has-text("Save resolver")');
    await page.waitForSelector('text=Saved.');
    expect((await stored(page)).baseUrl).toBe('https://www.pith.science');
    world.mirror.requests.reset();
    const r = (await lookup(page, '2404.14294')) as { state: string; host?: string };
    expect(r.state).toBe('verified');
    expect(r.host).toBe('www.pith.science');
    expect(world.mirror.requests.entries.some((e) => e.host.startsWith('www.pith.science'))).toBe(true);
    await page.click('button:has-text("Use pith.science")');
    await page.click('button:has-text("Save resolver")');
    await waitForSetting(page, 'baseUrl', 'https://pith.science');
    await page.close();
  });

  test('inline badges off: the arXiv page gets no badge; on again: it does', async () => {
    const page = await openOptions();
    await page.uncheck('#inline-badges');
    await waitForSetting(page, 'inlineBadges', false);
    const off = await openTab(world, 'http://arxiv.org/abs/2404.14294');
    await world.browser.waitForBadge(off.tabId, settled, 30_000);
    expect(await off.page.$('[data-pith-lens]')).toBeNull();
    await off.page.close();

    await page.check('#inline-badges');
    await waitForSetting(page, 'inlineBadges', true);
    const on = await openTab(world, 'http://arxiv.org/abs/2404.14294');
    await on.page.waitForSelector('[data-pith-lens]', { state: 'attached', timeout: 30_000 });
    await on.page.close();
    await page.close();
  });

  test('a disabled site gets neither inline nor toolbar badge', async () => {
    const page = await openOptions();
    await page.fill('#site-input', 'arxiv.org');
    await page.click('button:has-text("Add site")');
    await page.waitForSelector('button[aria-label="Remove arxiv.org"]');
    expect((await stored(page)).disabledSites).toEqual(['arxiv.org']);
    const tab = await openTab(world, 'http://arxiv.org/abs/2404.14294');
    await tab.page.waitForTimeout(2500);
    expect(await tab.page.$('[data-pith-lens]')).toBeNull();
    expect((await world.browser.badge(tab.tabId)).text).toBe('');
    await tab.page.close();
    await page.click('button[aria-label="Remove arxiv.org"]');
    await waitForSetting(page, 'disabledSites', []);
    await page.close();
  });

  test('cache stats and clear cache', async () => {
    const page = await openOptions();
    await lookup(page, '2404.14294');
    await page.reload();
    await page.waitForSelector('text=/^[1-9]\\d* records? cached/');
    await page.click('button:has-text("Clear cache")');
    await page.waitForSelector('text=Cache cleared.');
    await page.waitForSelector('text=/^0 records cached/');
    await page.close();
  });

  test('keyboard: every control is reachable with a visible focus ring', async () => {
    const page = await openOptions();
    const seen = new Set<string>();
    for (let i = 0; i < 20; i++) {
      await page.keyboard.press('Tab');
      const f = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        if (el === document.body) return undefined;
        return { id: el.id || el.textContent?.trim() || el.tagName, outline: getComputedStyle(el).outlineStyle };
      });
      if (!f) continue;
      seen.add(f.id);
      expect(f.outline, f.id).toBe('solid');
    }
    for (const id of ['base-url', 'mirrors', 'inline-badges', 'other-sites', 'site-input', 'max-cache', 'Clear cache']) {
      expect(seen, id).toContain(id);
    }
    await page.close();
  });
});
