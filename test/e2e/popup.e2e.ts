/// <reference types="chrome" />
/**
 * The popup against the built extension and the local mirror: opened as a page
 * (`popup.html?tab=ID`) for a tab on a fixture page, or with no tab for lookups.
 */
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { STATE_STYLE } from '../../lib/states';
import { seriousViolations } from './axe';
import { openTab, type World } from './setup';
import { startWorld } from './setup';

const SHOTS = new URL('./__screenshots__/', import.meta.url).pathname;
const SEED_TITLE = 'A Survey on Efficient Inference for Large Language Models';
const SEED_NUMBER = 'pith:2024:7YXM6JRYOH4O5NBMCHKEPDPSW2';
const CHECKS = ['schema', 'canonical-hash', 'pith-number', 'aliases', 'key', 'signature', 'binding', 'title'];

let world: World;
beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  world = await startWorld();
});
afterAll(async () => {
  await world?.stop();
});

const settled = (t: string) => t !== '' && t !== STATE_STYLE.pending.badge;

/** A tab on a fixture page, its toolbar badge settled. */
async function paperTab(url: string) {
  const tab = await openTab(world, url);
  await world.browser.waitForBadge(tab.tabId, settled, 30_000);
  return tab;
}

async function openPopup(tabId?: number): Promise<Page> {
  const page = await world.browser.context.newPage();
  await page.setViewportSize({ width: 380, height: 600 });
  await page.goto(`chrome-extension://${world.browser.extensionId}/popup.html${tabId === undefined ? '' : `?tab=${tabId}`}`);
  return page;
}

async function screen(page: Page, name: string, timeout = 30_000) {
  await page.waitForSelector(`[data-screen="${name}"]`, { timeout });
}

async function shoot(page: Page, name: string) {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.screenshot({ path: `${SHOTS}popup-${name}-${colorScheme}.png` });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

async function expectAccessible(page: Page) {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    expect(await seriousViolations(page), colorScheme).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

async function lookUp(page: Page, text: string) {
  await page.fill('#lookup-input', text);
  await page.press('#lookup-input', 'Enter');
}

describe('popup on the fixture abstract page (seed record, pinned key)', () => {
  test('shows the paper, the Pith Number, the claims and every check', async () => {
    const { page: tab, tabId } = await paperTab('http://arxiv.org/abs/2404.14294');
    const popup = await openPopup(tabId);
    await screen(popup, 'verified');
    expect(await popup.textContent('.banner')).toContain(STATE_STYLE.verified.label);
    expect(await popup.textContent('.paper-title')).toBe(SEED_TITLE);
    expect(await popup.textContent('.paper')).toContain('2404.14294v3');
    expect(await popup.textContent('.pith-number')).toContain(SEED_NUMBER);
    expect(await popup.textContent('.pith-number')).toContain('pith:7YXM6JRY');

    const kinds = await popup.$$eval('.claim', (els) => els.map((e) => (e as HTMLElement).dataset.kind));
    expect(kinds).toEqual(['headline', 'one_line_summary', 'strongest_claim', 'weakest_assumption']);
    expect(await popup.textContent('.claims')).toContain('machine extracted');
    expect(await popup.textContent('.counts')).toMatch(/298[\s\S]*36/);

    const checks = await popup.$$eval('.checks .check', (els) =>
      els.map((e) => [(e as HTMLElement).dataset.check, e.classList.contains('check-pass'), e.querySelector('.check-detail')?.textContent ?? '']),
    );
    expect(checks.map((c) => c[0])).toEqual(CHECKS);
    expect(checks.every((c) => c[1] === true && (c[2] as string).length > 10)).toBe(true);
    expect(await popup.isVisible('.checks')).toBe(true);

    await popup.click('details.more summary');
    const details = await popup.textContent('.vdetails');
    expect(details).toContain('fe2ecf263871f8eeb42c11d4478df2b69b77748d33f8d92acab2b44d81666059');
    expect(details).toContain('(equal)');
    expect(details).toContain('8d4b5ee74e4693bcd1df2446408b0d54');
    expect(await popup.textContent('.scope')).toContain('canonical record');
    expect(await popup.$$eval('.status-words li', (els) => els.map((e) => e.textContent))).toEqual([
      'not attested',
      'not anchored',
      'not stored',
      'refs resolved',
    ]);
    expect(await popup.$$eval('.ladder li', (els) => els.length)).toBe(5);
    expect(await popup.getAttribute('a:has-text("Open on pith.science")', 'href')).toBe('https://pith.science/pith/7YXM6JRYOH4O5NBMCHKEPDPSW2');

    await popup.click('details.more summary');
    await popup.evaluate(() => window.scrollTo(0, 0));
    await shoot(popup, 'verified');
    await expectAccessible(popup);
    await popup.close();
    await tab.close();
  });

  test('is keyboard usable: Tab reaches the actions with a visible focus ring', async () => {
    const { page: tab, tabId } = await paperTab('http://arxiv.org/abs/2404.14294');
    const popup = await openPopup(tabId);
    await screen(popup, 'verified');
    const seen: string[] = [];
    for (let i = 0; i < 14; i++) {
      await popup.keyboard.press('Tab');
      const f = await popup.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        if (el === document.body) return undefined;
        const cs = getComputedStyle(el);
        return { text: (el.getAttribute('aria-label') ?? el.textContent ?? '').trim(), outline: cs.outlineStyle, width: cs.outlineWidth };
      });
      if (!f) continue;
      seen.push(f.text);
      expect(f.outline, f.text).toBe('solid');
      expect(f.width).toBe('3px');
    }
    expect(seen).toContain('Copy full Pith Number');
    expect(seen).toContain('Copy LaTeX');
    expect(seen).toContain('Re-verify now');
    await popup.close();
    await tab.close();
  });

  test('Copy LaTeX writes \\pithnumber{SUFFIX} to the clipboard', async () => {
    const { page: tab, tabId } = await paperTab('http://arxiv.org/abs/2404.14294');
    const popup = await openPopup(tabId);
    await screen(popup, 'verified');
    // Chromium grants no clipboard-read to extension origins under automation: record the write instead.
    await popup.evaluate(() => {
      const w = window as unknown as { copied: string[] };
      w.copied = [];
      navigator.clipboard.writeText = async (t: string) => void w.copied.push(t);
    });
    await popup.click('button:has-text("Copy LaTeX")');
    await popup.waitForSelector('text=Copied LaTeX.');
    expect(await popup.evaluate(() => (window as unknown as { copied: string[] }).copied)).toEqual(['\\pithnumber{7YXM6JRYOH4O5NBMCHKEPDPSW2}']);
    await popup.close();
    await tab.close();
  });
});

describe('popup on a listing', () => {
  test('offers the page’s papers to pick from; picking one shows its screen', async () => {
    const tab = await openTab(world, 'http://arxiv.org/list/cs.CL/new');
    const popup = await openPopup(tab.tabId);
    await popup.waitForSelector('#paper-picker');
    const count = await popup.$$eval('#paper-picker option', (els) => els.length);
    expect(count).toBeGreaterThan(1);
    await popup.waitForSelector('[data-screen]:not([data-screen="loading"])', { timeout: 30_000 });
    await popup.selectOption('#paper-picker', String(count - 1));
    await popup.waitForSelector('[data-screen]:not([data-screen="loading"])', { timeout: 30_000 });
    expect(await popup.$eval('#paper-picker', (el) => (el as HTMLSelectElement).value)).toBe(String(count - 1));
    expect(await seriousViolations(popup)).toEqual([]);
    await popup.close();
    await tab.page.close();
  });
});

describe('lookups from the popup', () => {
  test('a page with no paper: the lookup box is focused', async () => {
    const popup = await openPopup();
    await screen(popup, 'non-paper');
    await popup.waitForFunction(() => document.activeElement?.id === 'lookup-input');
    await expectAccessible(popup);
    await popup.close();
  });

  test('a Pith Number, a DOI, and an inline error for anything else; lookups are remembered', async () => {
    const popup = await openPopup();
    await screen(popup, 'non-paper');
    await lookUp(popup, 'no such thing');
    expect(await popup.textContent('#lookup-error')).toMatch(/Not an arXiv id, DOI, Pith Number or paper link/);
    expect(await popup.getAttribute('#lookup-input', 'aria-invalid')).toBe('true');

    await lookUp(popup, SEED_NUMBER);
    await screen(popup, 'verified');
    expect(await popup.textContent('.paper-title')).toBe(SEED_TITLE);

    await lookUp(popup, 'https://doi.org/10.48550/arXiv.2404.14294');
    await popup.waitForFunction(
      () =>
        document.querySelector('.result')?.getAttribute('aria-label')?.includes('10.48550') ||
        document.querySelector('.result')?.getAttribute('aria-label')?.includes('2404.14294'),
    );
    await screen(popup, 'verified');

    await lookUp(popup, '10.1145/3442188.3445922');
    await screen(popup, 'not-found');
    expect(await popup.textContent('[data-screen="not-found"]')).toContain('doi:10.1145/3442188.3445922');
    expect(await popup.getAttribute('a:has-text("Search pith.science")', 'href')).toMatch(/^https:\/\/pith\.science\/search\?q=/);

    const stored = await popup.evaluate(() => chrome.storage.local.get('recentLookups'));
    const recent = (stored as { recentLookups: { id: { kind: string; id: string } }[] }).recentLookups;
    expect(recent.map((r) => r.id.kind)).toEqual(['doi', expect.any(String), 'pith']);
    expect(recent.length).toBeLessThanOrEqual(10);

    await popup.reload();
    await screen(popup, 'non-paper');
    expect(await popup.$$eval('.recent-item', (els) => els.length)).toBe(3);
    await popup.click('.recent-item >> nth=2');
    await screen(popup, 'verified');
    await popup.close();
  });
});

describe('state screens through the mirror’s fault switches', () => {
  test('invalid: a tampered record says what failed', async () => {
    const { page: tab, tabId } = await paperTab('http://arxiv.org/abs/2404.99998');
    const popup = await openPopup(tabId);
    await screen(popup, 'invalid');
    const failed = await popup.$$eval('.summary-box li', (els) => els.map((e) => (e as HTMLElement).dataset.check));
    expect(failed).toContain('canonical-hash');
    expect(await popup.textContent('.summary-box')).toContain('Expected');
    expect(await popup.$$eval('.checks .check', (els) => els.length)).toBe(8);
    expect(await popup.$('.pith-number')).toBeNull();
    await shoot(popup, 'invalid');
    await expectAccessible(popup);
    await popup.close();
    await tab.close();
  });

  test('tampered on the wire (fault switch) is invalid too', async () => {
    world.mirror.setFault({ tampered: true }, '2404.14294');
    try {
      const popup = await openPopup();
      await lookUp(popup, '2404.14294');
      await screen(popup, 'verified'); // the cache still holds the good record …
      await popup.click('button:has-text("Re-verify now")');
      await screen(popup, 'invalid'); // … a forced lookup gets the tampered one
      world.mirror.clearFaults();
      await popup.click('button:has-text("Re-verify now")');
      await screen(popup, 'verified'); // and the good record replaces it in the cache
      await popup.close();
    } finally {
      world.mirror.clearFaults();
    }
  });

  test('unsigned: a record signed by a key we do not pin', async () => {
    const { page: tab, tabId } = await paperTab('http://arxiv.org/abs/2404.11111');
    const popup = await openPopup(tabId);
    await screen(popup, 'unsigned');
    expect(await popup.textContent('.summary-box')).toMatch(/Signing key|Signature/);
    await expectAccessible(popup);
    await popup.close();
    await tab.close();
  });

  test('not-found: 404 from the resolver', async () => {
    const { page: tab, tabId } = await paperTab('http://arxiv.org/abs/2404.99999');
    const popup = await openPopup(tabId);
    await screen(popup, 'not-found');
    await popup.close();
    await tab.close();
  });

  test('loading: a slow resolver shows the skeleton, then the result, without a height jump', async () => {
    world.mirror.setFault({ latencyMs: 2500 }, '2404.22222');
    try {
      const popup = await openPopup();
      await lookUp(popup, '2404.22222');
      await screen(popup, 'loading', 2000);
      const during = await popup.evaluate(() => document.querySelector('.popup')!.getBoundingClientRect().height);
      await screen(popup, 'unsigned');
      const after = await popup.evaluate(() => document.querySelector('.popup')!.getBoundingClientRect().height);
      expect(during).toBeGreaterThanOrEqual(560);
      expect(after).toBeGreaterThanOrEqual(during);
      await popup.close();
    } finally {
      world.mirror.clearFaults();
    }
  });

  test('error: resolver down, the cached record shown stale with its age, retry recovers', async () => {
    const { page: tab, tabId } = await paperTab('http://arxiv.org/abs/2404.14294');
    const popup = await openPopup(tabId);
    await screen(popup, 'verified');
    world.mirror.setFault({ status: 500 });
    try {
      await popup.click('button:has-text("Re-verify now")');
      await screen(popup, 'error');
      expect(await popup.textContent('[data-stale="true"]')).toMatch(/Showing the cached record from (just now|\d+ minutes? ago)/);
      expect(await popup.textContent('.paper-title')).toBe(SEED_TITLE);
      await shoot(popup, 'error');
      await expectAccessible(popup);
    } finally {
      world.mirror.clearFaults();
    }
    await popup.click('button:has-text("Retry")');
    await screen(popup, 'verified');
    await popup.close();
    await tab.close();
  });

  test('error without a cache: no record, a retry button', async () => {
    world.mirror.setFault({ status: 503 }, '2404.33333');
    try {
      const popup = await openPopup();
      await lookUp(popup, '2404.33333');
      await screen(popup, 'error');
      expect(await popup.textContent('[data-screen="error"]')).toContain('No cached copy');
      expect(await popup.isVisible('button:has-text("Retry")')).toBe(true);
      await popup.close();
    } finally {
      world.mirror.clearFaults();
    }
  });

  test('malformed JSON from the resolver is an error, not a crash', async () => {
    world.mirror.setFault({ malformed: true }, '2404.44444');
    try {
      const popup = await openPopup();
      await lookUp(popup, '2404.44444');
      await popup.waitForSelector('[data-screen="error"], [data-screen="invalid"]', { timeout: 30_000 });
      await popup.close();
    } finally {
      world.mirror.clearFaults();
    }
  });
});
