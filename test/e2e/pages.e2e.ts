/// <reference types="chrome" />
/**
 * In-page badges and the overlay card, end to end: the built extension in
 * Chromium, arXiv pages and Pith records from the local mirror (pith.science
 * and arxiv.org mapped to it). Badges sit in closed shadow roots, read here
 * through the DevTools protocol (inpage-helpers.ts).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CDPSession, Page } from 'playwright-core';
import { STATE_STYLE, type State } from '../../lib/states';
import { PAGES_DIR } from '../mirror/server';
import { LISTING_IDS_25, listingIds } from '../fixtures/pages/generate-listing';
import type { World } from './setup';
import { startWorld } from './setup';
import {
  badgeLook,
  cardState,
  cdpFor,
  clickBadge,
  drawnLog,
  mainThreadTasks,
  readBadges,
  rgb,
  waitFor,
  type BadgeInfo,
  type TraceEvent,
} from './inpage-helpers';

const SHOTS = fileURLToPath(new URL('./__screenshots__/', import.meta.url));
const SEED = '2404.14294';
const SEED_TITLE = 'A Survey on Efficient Inference for Large Language Models';
const SEED_SUFFIX = '7YXM6JRYOH4O5NBMCHKEPDPSW2';
const HOSTILE = '2404.77777';
const ERROR_ID = '2404.12346';

const labelOf = (s: State) => STATE_STYLE[s].label;
const settledLabel = (l: string) => l !== '' && l !== labelOf('pending');

/**
 * The mirror's pages: the repo's fixtures, the hostile page over arxiv.org,
 * and abstract pages made from the seed's for the other states (same markup,
 * another id or title).
 */
function makePagesDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pith-lens-pages-'));
  cpSync(PAGES_DIR, dir, { recursive: true });
  cpSync(join(PAGES_DIR, 'hostile', 'arxiv.org'), join(dir, 'arxiv.org'), { recursive: true });
  const seed = readFileSync(join(PAGES_DIR, 'arxiv.org', 'abs', `${SEED}.html`), 'utf8');
  const abs = join(dir, 'arxiv.org', 'abs');
  mkdirSync(abs, { recursive: true });
  const variant = (id: string, title = SEED_TITLE) => seed.split(SEED).join(id).split(SEED_TITLE).join(title);
  // Tampered record (one canonical leaf changed) → invalid.
  writeFileSync(join(abs, '2404.99998.html'), variant('2404.99998'));
  // Pith has nothing → not-found.
  writeFileSync(join(abs, '2404.99999.html'), variant('2404.99999', 'An Unregistered Placeholder Paper for Not-Found Lookups'));
  // Resolver faulted for this id → error.
  writeFileSync(join(abs, `${ERROR_ID}.html`), variant(ERROR_ID, 'A Paper Whose Resolver Is Down'));
  // A synthetic record, looked up while the service worker is stopped.
  writeFileSync(join(abs, '2404.12347.html'), variant('2404.12347', 'A Paper Looked Up Twice'));
  // The seed's id with another title, asking for v2 → mismatch, "record is for v3".
  writeFileSync(join(abs, `${SEED}v2.html`), seed.split(SEED_TITLE).join('Efficient Inference Is All You Need: A Different Paper'));
  return dir;
}

let world: World;
let pagesDir: string;

beforeAll(async () => {
  pagesDir = makePagesDir();
  world = await startWorld({ pagesDir });
  mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => {
  await world?.stop();
  if (pagesDir) rmSync(pagesDir, { recursive: true, force: true });
});

async function open(url: string, height = 800): Promise<{ page: Page; cdp: CDPSession }> {
  const page = await world.browser.context.newPage();
  await page.setViewportSize({ width: 1280, height });
  // Sizes of the title and listing rows as the page laid them out, before our script ran.
  await page.addInitScript(() => {
    document.addEventListener('DOMContentLoaded', () => {
      const h = (e: Element) => e.getBoundingClientRect().height;
      (window as unknown as { __before: unknown }).__before = {
        title: [...document.querySelectorAll('h1.title')].map(h),
        rows: [...document.querySelectorAll('dl dt')].map(h),
      };
    });
  });
  await page.goto(url);
  return { page, cdp: await cdpFor(page) };
}

/** How much the title and each listing row grew once the badges were in (a badge is 18 px tall). */
async function growth(page: Page): Promise<number[]> {
  return page.evaluate(() => {
    const before = (window as unknown as { __before: { title: number[]; rows: number[] } }).__before;
    const h = (e: Element) => e.getBoundingClientRect().height;
    const now = [...[...document.querySelectorAll('h1.title')].map(h), ...[...document.querySelectorAll('dl dt')].map(h)];
    return [...before.title, ...before.rows].map((b, i) => Math.round((now[i]! - b) * 100) / 100);
  });
}

async function settledBadges(cdp: CDPSession, n: number, timeoutMs = 30_000): Promise<BadgeInfo[]> {
  return waitFor(
    'settled badges',
    () => readBadges(cdp),
    (bs) => bs.length === n && bs.every((b) => settledLabel(b.label)),
    timeoutMs,
  );
}

async function setSettings(s: Record<string, unknown>): Promise<void> {
  const sw = world.browser.context.serviceWorkers()[0] ?? world.browser.worker;
  await sw.evaluate((v) => chrome.storage.local.set({ settings: v }), s);
}

async function tabPapers(page: Page): Promise<{ key: string; state: string; unchecked?: boolean }[]> {
  const tabId = await world.browser.tabIdOf(page);
  const sw = world.browser.context.serviceWorkers()[0] ?? world.browser.worker;
  return sw.evaluate(async (id) => {
    const o = await chrome.storage.session.get(`tab:${id}`);
    return ((o[`tab:${id}`] as { papers?: { key: string; state: string; unchecked?: boolean }[] } | undefined)?.papers ?? []).map((p) => ({
      key: p.key,
      state: p.state,
      ...(p.unchecked ? { unchecked: true } : {}),
    }));
  }, tabId);
}

describe('abstract pages', () => {
  test('verified: one badge at the end of h1.title, in a closed shadow root, in the state’s colour', async () => {
    const { page, cdp } = await open(`http://arxiv.org/abs/${SEED}`);
    const [b] = await settledBadges(cdp, 1);
    expect(b!.parentTag).toBe('h1');
    expect(b!.shadowRootType).toBe('closed');
    expect([b!.prefix, b!.symbol, b!.label]).toEqual(['Pith', STATE_STYLE.verified.badge, 'Verified']);
    expect(b!.ariaLabel).toBe(`Pith Lens: Verified. Show details for arXiv:${SEED}v3`);
    const look = await badgeLook(cdp, b!);
    expect(look.button['background-color']).toBe(rgb(STATE_STYLE.verified.color));
    expect(look.button.color).toBe('rgb(255, 255, 255)');
    expect(look.host.display).toBe('inline-flex');
    // One size in every state, contained (inpage.css): 18 px of button, 4 px around it for the focus ring.
    expect(look.host.height).toBe('18px');
    expect(look.host.boxHeight).toBe(26);
    expect(look.button.boxHeight).toBe(18);
    expect(look.host.contain).toBe('strict');
    expect(b!.state).toBe('verified');
    // The page reads no state off our host.
    expect(await page.evaluate(() => document.querySelector('[data-pith-lens]')!.getAttribute('data-state'))).toBeNull();
    // The title's text is untouched (the host has no light-DOM text), and the page cannot see inside.
    expect(await page.evaluate(() => document.querySelector('h1.title')!.textContent)).toBe(`Title:${SEED_TITLE}`);
    expect(await page.evaluate(() => (document.querySelector('[data-pith-lens]') as HTMLElement).shadowRoot)).toBeNull();
    // No layout shift beyond the badge: the title line does not grow by more than the badge's height (here: not at all).
    const grew = await growth(page);
    expect(grew.length).toBe(1);
    expect(grew[0]).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(SHOTS, 'inpage-abstract.png') });
    await page.close();
  });

  test.each<[string, string, State]>([
    ['invalid (tampered record)', 'http://arxiv.org/abs/2404.99998', 'invalid'],
    ['not-found', 'http://arxiv.org/abs/2404.99999', 'not-found'],
    ['mismatch (another title, v2 of a v3 record)', `http://arxiv.org/abs/${SEED}v2`, 'mismatch'],
  ])('%s', async (_name, url, state) => {
    const { page, cdp } = await open(url);
    const [b] = await settledBadges(cdp, 1);
    expect(b!.label).toBe(labelOf(state));
    expect(b!.symbol).toBe(STATE_STYLE[state].badge);
    expect((await badgeLook(cdp, b!)).button['background-color']).toBe(rgb(STATE_STYLE[state].color));
    if (state === 'mismatch') {
      await clickBadge(page, cdp, b!);
      const card = await waitFor(
        'card',
        () => cardState(cdp, b!),
        (c) => c.open,
      );
      expect(card.text).toContain(STATE_STYLE.mismatch.sentence);
      expect(card.text).toContain('Record is for v3');
    }
    await page.close();
  });

  test.each<[string, string, State]>([
    ['verified', `http://arxiv.org/abs/${SEED}`, 'verified'],
    ['a title mismatch', `http://arxiv.org/abs/${SEED}v2`, 'mismatch'],
  ])('cached record: the badge is final in the first frame that shows the title (%s)', async (_name, url, state) => {
    // Prime the cache (and the worker's memory of it, and the script's compile cache).
    for (let i = 0; i < 2; i++) {
      const primed = await open(url);
      await settledBadges(primed.cdp, 1);
      await primed.page.close();
    }
    // The answer races the page's first frame: nothing holds the page's rendering for us, the page's
    // stylesheet comes from the local mirror at once, and on this machine the round trip to the
    // service worker is often longer than the page's way from DOMContentLoaded to its first frame
    // (bench/README.md, "Issue 15, second pass"). So: the badge is final in that first frame in several
    // loads (the early answer works; without it, never). How often is the bench's to measure
    // (bench/budgets.json: at least 4 of 5 loads), with the frames each load was late, logged here.
    const LOADS = 8;
    const runs: { badge: string | null; framesLate: number }[] = [];
    for (let i = 0; i < LOADS; i++) {
      const page = await world.browser.context.newPage();
      await page.setViewportSize({ width: 1280, height: 800 });
      // In the page, before its own scripts: the time of each animation frame from the one that first
      // has the title on (requestAnimationFrame callbacks run before that frame's layout and paint).
      // The page cannot read the badge's state (closed shadow root); the content script logs each
      // drawing in its own world, read afterwards: the state a frame drew is the last one drawn before it.
      await page.addInitScript(() => {
        const w = window as unknown as { __frames?: number[] };
        const frames: number[] = (w.__frames = []);
        const tick = () => {
          if (frames.length > 0 || document.querySelector('h1.title')) frames.push(performance.now());
          if (frames.length < 12) requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      });
      await page.goto(url);
      const cdp = await cdpFor(page);
      const [b] = await settledBadges(cdp, 1);
      expect(b!.label).toBe(labelOf(state));
      const frames = await page.evaluate(() => (window as unknown as { __frames: number[] }).__frames);
      const log = await drawnLog(page);
      const finalAt = log.find((d) => d.state === state)!.at;
      runs.push({
        badge: log.filter((d) => d.at <= frames[0]!).at(-1)?.state ?? null,
        framesLate: frames.findIndex((t) => t >= finalAt),
      });
      await page.close();
    }
    console.log(`first frame with the title, ${state}: ${JSON.stringify(runs)}`);
    expect(runs.filter((r) => r.badge === state).length).toBeGreaterThanOrEqual(2);
    // Never another final state in that frame.
    expect(runs.filter((r) => r.badge !== null && r.badge !== state)).toEqual([]);
  });

  test('error: the resolver fails (mirror fault 500 for this id)', async () => {
    world.mirror.setFault({ status: 500 }, ERROR_ID);
    try {
      const { page, cdp } = await open(`http://arxiv.org/abs/${ERROR_ID}`);
      const [b] = await settledBadges(cdp, 1, 45_000);
      expect(b!.label).toBe(labelOf('error'));
      expect((await badgeLook(cdp, b!)).button['background-color']).toBe(rgb(STATE_STYLE.error.color));
      await page.close();
    } finally {
      world.mirror.clearFaults();
    }
  });
});

describe('overlay card', () => {
  test('mouse: opens anchored under the badge with number, state, claims and links; Escape and an outside click close it', async () => {
    const { page, cdp } = await open(`http://arxiv.org/abs/${SEED}`);
    const [b] = await settledBadges(cdp, 1);
    await clickBadge(page, cdp, b!);
    const card = await waitFor(
      'card open',
      () => cardState(cdp, b!),
      (c) => c.open,
    );
    expect(card.role).toBe('dialog');
    expect(card.labelText).toBe(`arXiv:${SEED}v3`);
    expect(card.expanded).toBe('true');
    expect(card.controls).toBe('pith-lens-card');
    expect(card.text).toContain(`pith:2024:${SEED_SUFFIX}`);
    expect(card.text).toContain(STATE_STYLE.verified.sentence);
    expect(card.text).toMatch(/Headline and summary are served beside the signed record/);
    const links = Object.fromEntries(card.links.map((l) => [l.text, l]));
    expect(links['Open on pith.science ↗']!.href).toBe(`https://pith.science/pith/${SEED_SUFFIX}`);
    expect(links['Full report']!.href).toBe(`chrome-extension://${world.browser.extensionId}/popup.html?key=arxiv%3A${SEED}`);
    // Anchored: just below the badge, inside the viewport.
    expect(card.rect!.y).toBeGreaterThanOrEqual(card.anchor.y + card.anchor.height);
    expect(card.rect!.y - (card.anchor.y + card.anchor.height)).toBeLessThan(20);
    expect(card.rect!.x + card.rect!.width).toBeLessThanOrEqual(1280);
    // Focus moved into the card (the Copy button).
    expect(card.active).toBe('copy');
    await page.screenshot({ path: join(SHOTS, 'inpage-card.png') });

    // Copy: this http: test page has no async clipboard, so the number is
    // selected and copied with execCommand (or left selected for Ctrl+C).
    await page.keyboard.press('Enter');
    const copied = await waitFor(
      'copied',
      () => cardState(cdp, b!),
      (c) => c.copyText !== 'Copy',
    );
    expect(['Copied', 'Press Ctrl+C']).toContain(copied.copyText);
    expect(await page.evaluate(() => getSelection()?.toString())).toBe(`pith:2024:${SEED_SUFFIX}`);

    // Escape closes and focus returns to the badge.
    await page.keyboard.press('Escape');
    const closed = await waitFor(
      'card closed',
      () => cardState(cdp, b!),
      (c) => !c.open,
    );
    expect(closed.text).toBeNull();
    expect(closed.expanded).toBe('false');
    expect(closed.active).toBe('b');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-pith-lens'))).toBe('badge');

    // Clicking the badge again opens; clicking outside closes.
    await clickBadge(page, cdp, b!);
    await waitFor(
      'card open',
      () => cardState(cdp, b!),
      (c) => c.open,
    );
    await page.mouse.click(640, 700);
    await waitFor(
      'card closed by outside click',
      () => cardState(cdp, b!),
      (c) => !c.open,
    );
    // Clicking the badge while open toggles it shut.
    await clickBadge(page, cdp, b!);
    await waitFor(
      'card open',
      () => cardState(cdp, b!),
      (c) => c.open,
    );
    await clickBadge(page, cdp, b!);
    await waitFor(
      'card toggled shut',
      () => cardState(cdp, b!),
      (c) => !c.open,
    );
    await page.close();
  });

  test('keyboard: Tab reaches the badge; Enter and Space open; Tab moves through the card; Escape closes back to the badge', async () => {
    const { page, cdp } = await open(`http://arxiv.org/abs/${SEED}`);
    const [b] = await settledBadges(cdp, 1);
    // The last link before the title is the dateline's "v1"; the next Tab stop is the badge.
    await page.focus('.dateline a');
    await page.keyboard.press('Tab');
    expect((await cardState(cdp, b!)).active).toBe('b');
    await page.keyboard.press('Enter');
    let card = await waitFor(
      'open by Enter',
      () => cardState(cdp, b!),
      (c) => c.open,
    );
    expect(card.active).toBe('copy');
    await page.keyboard.press('Tab');
    card = await cardState(cdp, b!);
    expect(card.open).toBe(true);
    expect(card.active).toBe('a'); // "Full report"
    await page.keyboard.press('Escape');
    card = await waitFor(
      'closed by Escape',
      () => cardState(cdp, b!),
      (c) => !c.open,
    );
    expect(card.active).toBe('b');
    await page.keyboard.press('Space');
    card = await waitFor(
      'open by Space',
      () => cardState(cdp, b!),
      (c) => c.open,
    );
    await page.keyboard.press('Escape');
    card = await waitFor(
      'closed',
      () => cardState(cdp, b!),
      (c) => !c.open,
    );
    expect(card.active).toBe('b');
    await page.close();
  });
});

describe('listings', () => {
  test('25 rows: 25 badges, one after each abstract link, each in its own record’s state', async () => {
    // A window tall enough for every row: a listing checks the rows near the viewport (see below for one that is not).
    const { page, cdp } = await open('http://arxiv.org/list/cs.CL/new', 4000);
    const badges = await settledBadges(cdp, 25, 45_000);
    expect(badges.map((b) => b.absId)).toEqual([...LISTING_IDS_25]);
    const states = new Map((await tabPapers(page)).map((p) => [p.key, p.state as State]));
    expect(states.size).toBe(25);
    for (const b of badges) {
      const state = states.get(`arxiv:${b.absId}`)!;
      expect(b.label, b.absId).toBe(labelOf(state));
      expect(b.symbol).toBe(STATE_STYLE[state].badge);
    }
    expect(badges[0]!.label).toBe('Verified');
    expect(badges[LISTING_IDS_25.indexOf('2404.99999')]!.label).toBe(labelOf('not-found'));
    // Colours too, for one badge of each state on the page.
    const seen = new Set<string>();
    for (const b of badges) {
      if (seen.has(b.label)) continue;
      seen.add(b.label);
      const state = states.get(`arxiv:${b.absId}`)!;
      expect((await badgeLook(cdp, b)).button['background-color']).toBe(rgb(STATE_STYLE[state].color));
    }
    // Every state gets the same box, so a state change never moves the row's text; the widest label fits.
    const looks = await Promise.all(badges.map((b) => badgeLook(cdp, b)));
    expect(new Set(looks.map((l) => l.host.boxWidth)).size).toBe(1);
    for (const l of looks) expect(l.button.clipped).toBe(false);
    // Each row grows by less than the badge's own height (a pixel or two where the line was shorter than 18 px).
    const grew = await growth(page);
    expect(grew.length).toBe(25);
    for (const g of grew) expect(g).toBeLessThan(18);
    console.log(`25-row listing: rows grew by at most ${Math.max(...grew)} px`);
    await page.screenshot({ path: join(SHOTS, 'inpage-listing.png'), fullPage: true });
    await page.close();
  });
});

describe('a hostile page', () => {
  test('cannot restyle our badge, reach into it, change its state, or reach the extension', async () => {
    // The control: the same page and record, without the attacks (?calm).
    const calm = await open(`http://arxiv.org/abs/${HOSTILE}?calm`);
    const [c] = await settledBadges(calm.cdp, 1);
    const calmLook = await badgeLook(calm.cdp, c!);
    await calm.page.close();

    world.mirror.requests.reset();
    const { page, cdp } = await open(`http://arxiv.org/abs/${HOSTILE}`);
    const [h] = await settledBadges(cdp, 1);
    await page.waitForFunction(() => (window as unknown as { __hostile: { attacked: number } }).__hostile.attacked >= 1);
    // More forged traffic, this time with the extension's id in WXT's event names.
    await page.evaluate((extId) => {
      const detail = { contentScriptName: 'arxiv', messageId: 'forged' };
      for (const name of [
        `${extId}:arxiv:wxt:content-script-started`,
        `${extId}:content-scripts/arxiv.js:wxt:content-script-started`,
        'wxt:content-script-started',
      ]) {
        document.dispatchEvent(new CustomEvent(name, { detail }));
        window.postMessage({ type: name, ...detail }, '*');
      }
    }, world.browser.extensionId);
    await page.waitForTimeout(1000);

    const log = await page.evaluate(() => (window as unknown as { __hostile: Record<string, unknown> }).__hostile);
    // attachShadow was replaced by the page before we ran, yet our calls never went through it.
    expect(log.shadowCalls).toBe(0);
    expect(log.shadowRootSeen).toEqual(['null']);
    expect(log.reattach).toEqual(['NotSupportedError']);
    expect(log.errors).toEqual([]);
    expect((log.posted as number) > 0).toBe(true);

    // Ours, and only ours, holds a closed shadow root; the fake badge is just the page's span.
    const badges = await readBadges(cdp);
    expect(badges.length).toBe(1);
    expect(badges[0]!.shadowRootType).toBe('closed');
    expect(await page.evaluate(() => document.querySelectorAll('[data-pith-lens]').length)).toBe(2);

    // Same state as on the calm page (the forged "verified" results were ignored).
    expect(h!.label).toBe(c!.label);
    expect(badges[0]!.label).toBe(c!.label);
    expect(c!.label).toBe(labelOf('unsigned'));
    // Same look: computed style and box of host and button, despite `*`, `span`, `[data-pith-lens]` and inline `!important` rules.
    expect(await badgeLook(cdp, badges[0]!)).toEqual(calmLook);
    // The synthetic clicks and key presses did not open the card.
    expect((await cardState(cdp, badges[0]!)).open).toBe(false);
    // Nothing the page posted reached the background: no lookup for the injected id, no extra papers in the tab.
    expect(Object.keys(world.mirror.requests.counts()).filter((p) => p.includes('2404.55555'))).toEqual([]);
    expect(world.mirror.requests.entries.filter((e) => e.path.includes('2404.55555'))).toEqual([]);
    expect((await tabPapers(page)).map((p) => p.key)).toEqual([`arxiv:${HOSTILE}`]);
    // A person can still use it: the page may draw over the badge (its fake,
    // scaled 3×, covers ours here), but keyboard focus + Enter opens the card.
    await cdp.send('DOM.focus', { backendNodeId: badges[0]!.button });
    await page.keyboard.press('Enter');
    await waitFor(
      'card open on the hostile page',
      () => cardState(cdp, badges[0]!),
      (s) => s.open,
    );
    await page.screenshot({ path: join(SHOTS, 'inpage-hostile.png') });
    await page.keyboard.press('Escape');
    expect(
      (
        await waitFor(
          'closed',
          () => cardState(cdp, badges[0]!),
          (s) => !s.open,
        )
      ).active,
    ).toBe('b');
    await page.close();
  });

  test('record text with markup is shown as text: no element is made from it and no script runs', async () => {
    const { page, cdp } = await open(`http://arxiv.org/abs/${HOSTILE}?calm`);
    const [b] = await settledBadges(cdp, 1);
    await clickBadge(page, cdp, b!);
    const card = await waitFor(
      'card',
      () => cardState(cdp, b!),
      (c) => c.open,
    );
    expect(card.text).toContain('<img src=x onerror="window.__xss=(window.__xss||0)+1">');
    expect(card.imgs).toBe(0);
    expect(card.scripts).toBe(0);
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    await page.close();
  });
});

describe('the service worker', () => {
  test('stopped mid-lookup: the page reconnects once, sends its message again and the badge settles', async () => {
    const ext = await world.browser.context.newPage();
    await ext.goto(`chrome-extension://${world.browser.extensionId}/options.html`);
    const extCdp = await cdpFor(ext);
    await extCdp.send('ServiceWorker.enable');
    world.mirror.requests.reset();
    world.mirror.setFault({ latencyMs: 4000 }, '2404.12347');
    try {
      const { page, cdp } = await open('http://arxiv.org/abs/2404.12347');
      await waitFor(
        'a pending badge',
        () => readBadges(cdp),
        (bs) => bs.length === 1 && bs[0]!.label === labelOf('pending'),
      );
      await waitFor(
        'the lookup in flight',
        async () => world.mirror.requests.entries.filter((e) => e.path.includes('arxiv=2404.12347')).length,
        (n) => n >= 1,
      );
      await extCdp.send('ServiceWorker.stopAllWorkers');
      world.mirror.clearFaults();
      const [b] = await settledBadges(cdp, 1);
      expect(b!.label).not.toBe(labelOf('error'));
      // Looked up twice: once by the stopped worker, once after the page re-sent its message.
      expect(world.mirror.requests.entries.filter((e) => e.path.includes('resolve?arxiv=2404.12347')).length).toBe(2);
      await page.close();
    } finally {
      world.mirror.clearFaults();
      await ext.close();
    }
  });
});

describe('settings', () => {
  test('inlineBadges off: no inline badge, the toolbar badge still works; a disabled site: nothing at all', async () => {
    try {
      await setSettings({ inlineBadges: false });
      const off = await open(`http://arxiv.org/abs/${SEED}`);
      const tabId = await world.browser.tabIdOf(off.page);
      const badge = await world.browser.waitForBadge(tabId, (t) => t === STATE_STYLE.verified.badge);
      expect(badge.text).toBe(STATE_STYLE.verified.badge);
      expect(await readBadges(off.cdp)).toEqual([]);
      expect(await off.page.evaluate(() => document.querySelectorAll('[data-pith-lens]').length)).toBe(0);
      await off.page.close();

      await setSettings({ disabledSites: ['arxiv.org'] });
      world.mirror.requests.reset();
      const disabled = await open('http://arxiv.org/abs/2404.99999');
      await disabled.page.waitForTimeout(1500);
      expect(await readBadges(disabled.cdp)).toEqual([]);
      const id = await world.browser.tabIdOf(disabled.page);
      expect((await world.browser.badge(id)).text).toBe('');
      expect(world.mirror.requests.entries.filter((e) => e.path.includes('pith-number'))).toEqual([]);
      await disabled.page.close();
    } finally {
      await setSettings({});
    }
  });
});

// Last: 2,000 lookups keep the background's resolver busy for a while after the test.
describe('a 2,000-row listing', () => {
  const LISTING_2000 = 'http://arxiv.org/list/cs.CL/pastweek?skip=0&show=2000';
  const IDS = listingIds(2000);
  const pithRequests = () => world.mirror.requests.entries.filter((e) => /^(www\.)?pith\.science/.test(e.host));

  async function clearCache(): Promise<void> {
    const page = await world.browser.context.newPage();
    await page.goto(`chrome-extension://${world.browser.extensionId}/popup.html?tab=999999999`);
    expect(await page.evaluate("chrome.runtime.sendMessage({ type: 'clear-cache' })")).toEqual({ ok: true });
    await page.close();
  }

  /** The rows whose abstract link is within the viewport and one screen above and below it (the extension's margin). */
  function rowsNear(page: Page): Promise<{ screen: string[]; margin: string[] }> {
    return page.evaluate(() => {
      const h = window.innerHeight;
      const rows = [...document.querySelectorAll('dl dt a[title="Abstract"]')].map((a) => ({ id: a.id, r: a.getBoundingClientRect() }));
      return {
        screen: rows.filter(({ r }) => r.bottom > 0 && r.top < h).map((x) => x.id),
        margin: rows.filter(({ r }) => r.bottom >= -h && r.top <= 2 * h).map((x) => x.id),
      };
    });
  }

  const settledIds = async (cdp: CDPSession) => new Set((await readBadges(cdp)).filter((b) => settledLabel(b.label) && b.absId).map((b) => b.absId!));
  /** Waits until every one of `ids` has a badge in a final state. */
  const allSettled = (what: string, cdp: CDPSession, ids: readonly string[]) =>
    waitFor(
      what,
      () => settledIds(cdp),
      (have) => ids.every((id) => have.has(id)),
      60_000,
    );

  test('cold, not scrolled: only the rows near the viewport are looked up (counted at the mirror) and badged; the last rows once scrolled to', async () => {
    await clearCache();
    world.mirror.requests.reset();
    const { page, cdp } = await open(LISTING_2000);
    const first = await rowsNear(page);
    expect(first.screen.length).toBeGreaterThan(2);
    expect(first.margin.length).toBeLessThan(200);
    // The first screen: every row badged, in its final state.
    await allSettled('first screen badged', cdp, first.screen);
    // Quiet: no paper in flight for this tab.
    await waitFor(
      'nothing in flight',
      () => tabPapers(page),
      (ps) => ps.length === 2000 && ps.every((p) => p.state !== 'pending' || p.unchecked === true),
      30_000,
    );
    await page.waitForTimeout(1000);
    const requests = pithRequests().length;
    const badged = (await readBadges(cdp)).length;
    console.log(
      `2,000 rows, cold, not scrolled: ${first.screen.length} rows on screen, ${first.margin.length} within the margin; ${badged} badges; ${requests} Pith requests`,
    );
    // A lookup is at most two requests (resolve, then the record).
    expect(requests).toBeGreaterThan(0);
    expect(requests).toBeLessThanOrEqual(2 * first.margin.length);
    expect(badged).toBeLessThanOrEqual(first.margin.length);
    // The toolbar says how much of the page is checked.
    const tabId = await world.browser.tabIdOf(page);
    const title = await (world.browser.context.serviceWorkers()[0] ?? world.browser.worker).evaluate((id) => chrome.action.getTitle({ tabId: id }), tabId);
    expect(title).toMatch(/^Pith Lens — \d+ of 2,000 papers checked: /);

    // To the bottom, at once: the last screen is looked up and badged; the rows in between are not.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const last = await rowsNear(page);
    expect(last.screen).toContain(IDS[1999]);
    await allSettled('last screen badged', cdp, last.screen);
    const middle = IDS.slice(800, 1200);
    expect(pithRequests().filter((e) => middle.some((id) => e.path.includes(id)))).toEqual([]);
    expect(pithRequests().length).toBeLessThanOrEqual(2 * (first.margin.length + last.margin.length));
    await page.close();
  }, 180_000);

  test('warm: the first screen is badged while the page is still parsed, before DOMContentLoaded, each row drawn once and final', async () => {
    // The first screen's records in the cache (the test above, or this load).
    const warm = await open(LISTING_2000);
    const near = await rowsNear(warm.page);
    await allSettled('first screen badged', warm.cdp, near.screen);
    await warm.page.close();

    const { page, cdp } = await open(LISTING_2000);
    const first = await rowsNear(page);
    await allSettled('first screen badged', cdp, first.screen);
    const dcl = await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventStart);
    const keys = new Set(first.screen.map((id) => `arxiv:${id}`));
    const drawings = (await drawnLog(page)).filter((d) => keys.has(d.key));
    // Every row of the first screen: drawn final before the parser was done, never drawn "checking" first, never in another state after.
    for (const key of keys) {
      const mine = drawings.filter((d) => d.key === key);
      expect(mine.length, key).toBeGreaterThan(0);
      expect(mine[0]!.state, key).not.toBe('pending');
      expect(mine[0]!.at, key).toBeLessThan(dcl);
      expect(new Set(mine.map((d) => d.state)), key).toEqual(new Set([mine[0]!.state]));
    }
    // Every row has its host from the start (reserved as it was parsed): badges never move the rows.
    expect(await page.evaluate(() => document.querySelectorAll('dl dt [data-pith-lens="badge"]').length)).toBe(2000);
    await page.close();
  }, 120_000);

  test('"Check all papers on this page" (popup) badges every row', async () => {
    const { page, cdp } = await open(LISTING_2000);
    await waitFor(
      'first badges',
      () => readBadges(cdp),
      (bs) => bs.length > 0,
      60_000,
    );
    const tabId = await world.browser.tabIdOf(page);
    const popup = await world.browser.context.newPage();
    await popup.goto(`chrome-extension://${world.browser.extensionId}/popup.html?tab=${tabId}`);
    await popup.getByText(/of 2,000 checked so far/).waitFor({ timeout: 30_000 });
    await popup.getByRole('button', { name: 'Check all papers on this page' }).click();
    await popup.close();
    await page.bringToFront();
    // Cold: ≈2,000 lookups at the mirror (≈25 s on an idle 2-core machine, minutes on a loaded one).
    await waitFor(
      '2,000 badges',
      () => readBadges(cdp),
      (bs) => bs.length >= 2000,
      360_000,
    );
    const badges = await waitFor(
      '2,000 settled badges',
      () => readBadges(cdp),
      (bs) => bs.length === 2000 && bs.every((b) => settledLabel(b.label)),
      60_000,
    );
    expect(new Set(badges.map((b) => b.absId))).toEqual(new Set(IDS));
    // The tab state is written at most every 400 ms while answers stream, and once when none is left in flight.
    const papers = await waitFor(
      'tab state settled',
      () => tabPapers(page),
      (ps) => ps.length === 2000 && ps.every((p) => p.state !== 'pending'),
      60_000,
    );
    expect(papers.filter((p) => p.state === 'pending')).toEqual([]);
    await page.close();
  }, 480_000);

  test('the option "Check every paper on listing pages": 2,000 badges in page order at once, in many small tasks', async () => {
    await setSettings({ checkAllListings: true });
    const page = await world.browser.context.newPage();
    const cdp = await cdpFor(page);
    const events: TraceEvent[] = [];
    cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
    const traced = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
    await cdp.send('Tracing.start', { categories: 'toplevel,devtools.timeline,v8.execute,v8', transferMode: 'ReportEvents' });
    const t0 = Date.now();
    await page.goto('http://arxiv.org/list/cs.CL/pastweek?skip=0&show=2000');
    // Hosts are reserved while the page parses; a badge is drawn into each (readBadges sees drawn badges only).
    await waitFor(
      '2,000 badges',
      () => readBadges(cdp),
      (bs) => bs.length >= 2000,
      90_000,
    );
    const elapsed = Date.now() - t0;
    await page.waitForTimeout(1000);
    await cdp.send('Tracing.end');
    await traced;

    const badges = await readBadges(cdp);
    expect(badges.length).toBe(2000);
    expect(badges.every((b) => b.shadowRootType === 'closed')).toBe(true);
    expect(badges.map((b) => b.absId)).toEqual(listingIds(2000));
    // Every row has a badge; each shows a state of the vocabulary (answers stream in meanwhile).
    const labels = new Set(Object.values(STATE_STYLE).map((s) => s.label));
    expect(badges.every((b) => labels.has(b.label))).toBe(true);

    // Main-thread tasks from our script's first run on. The listing has no
    // scripts of its own, so the tasks that run JavaScript are ours (and the
    // test's small polls): each must stay under 50 ms of CPU. Rendering tasks
    // (style, layout, paint of this 2.7 MB page) are the page's cost, reported.
    const tasks = mainThreadTasks(events);
    const js = tasks.filter((t) => t.kinds.has('js') && !t.kinds.has('render') && !t.kinds.has('parse'));
    const render = tasks.filter((t) => t.kinds.has('render'));
    const ours = js.filter((t) => t.ours);
    const worst = [...js].sort((a, b) => b.cpu - a.cpu).slice(0, 4);
    console.log(
      `2,000 rows: badges in ${elapsed} ms; ${js.length} script tasks (${ours.length} with our script's frames), CPU max ${worst[0]?.cpu.toFixed(1)} ms ` +
        `[${worst.map((t) => `${t.cpu.toFixed(1)} ms: ${t.label}`).join('; ')}]; ` +
        `${render.length} rendering tasks, CPU max ${Math.max(0, ...render.map((t) => t.cpu)).toFixed(1)} ms / wall max ${Math.max(0, ...render.map((t) => t.wall)).toFixed(1)} ms`,
    );
    // Behaviour, not time: the work is chunked into many tasks, not one pass. How long each takes is
    // the bench's to measure (bench/budgets.json: no main-thread task > 50 ms after first paint).
    expect(ours.length).toBeGreaterThan(5);
    await page.close();
    await setSettings({});
  }, 300_000);
});
