/// <reference types="chrome" />
/**
 * The in-browser figures: abstract page, 2,000-row listing, popup, worker
 * heap. Chromium with the extension and the local mirror come from
 * test/e2e/setup.ts; the baseline is a second Chromium without the extension
 * (same flags, same host mapping, same probe).
 */
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM, CHROMIUM_ARGS } from '../test/e2e/browser';
import type { World } from '../test/e2e/setup';
import { STATE_STYLE, type State } from '../lib/states';
import { probeScript, type ProbeData } from './probe';

export const ABSTRACT_URL = 'http://arxiv.org/abs/2404.14294';
export const LISTING_URL = 'http://arxiv.org/list/cs.CL/pastweek?show=2000';
export const LISTING_ROWS = 2000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const LABEL_STATE = new Map<string, State>(Object.entries(STATE_STYLE).map(([s, st]) => [st.label, s as State]));

export async function installProbe(context: BrowserContext): Promise<void> {
  await context.addInitScript({ content: await probeScript() });
}

export async function readProbe(page: Page): Promise<ProbeData> {
  const probe = (await page.evaluate('__pithBenchRead()')) as ProbeData;
  const drawn = /^https?:/.test(page.url()) ? await drawnSummary(page, probe.titleFrame?.t ?? null) : undefined;
  if (drawn) {
    probe.stateAttr = drawn.counts;
    probe.finalAt = drawn.finalAt;
    // Badge hosts may be placed ahead of their badges (reserved, empty, while the page parses): a host's first
    // layout says nothing about its badge. The last drawing is the frame after the last state went into the DOM.
    if (drawn.lastAt !== null) probe.last = frameAfter(probe.frames, drawn.lastAt);
    if (probe.titleFrame) probe.titleFrame.state = drawn.titleState;
  }
  return probe;
}

/** The first animation frame at or after `t` (the one that draws a change made at `t`); `t` when none was seen yet. */
function frameAfter(frames: readonly number[], t: number): number {
  for (const f of frames) if (f >= t) return f;
  return t;
}

/**
 * The page cannot read a badge's state (it lives in the closed shadow root);
 * the content script logs each drawing, with performance.now() on the page's
 * clock, in its own world (components/inpage/badge.ts DRAWN_LOG). The bench
 * reads a summary of it there through the DevTools protocol: the latest state
 * of each badge, when the last badge became final, the last drawing, and the
 * state drawn before a given time (the first frame with the title).
 */
const worlds = new WeakMap<Page, Promise<{ cdp: CDPSession; contextId: () => number | undefined }>>();
async function drawnSummary(
  page: Page,
  before: number | null,
): Promise<{ counts: Record<string, number>; finalAt: number | null; lastAt: number | null; titleState: string | null } | undefined> {
  let world = worlds.get(page);
  if (!world) {
    world = (async () => {
      const cdp = await page.context().newCDPSession(page);
      let id: number | undefined;
      cdp.on('Runtime.executionContextCreated', (e) => {
        if (e.context.auxData?.type === 'isolated' && e.context.name === 'Pith Lens') id = e.context.id;
      });
      cdp.on('Runtime.executionContextsCleared', () => (id = undefined));
      await cdp.send('Runtime.enable');
      return { cdp, contextId: () => id };
    })();
    worlds.set(page, world);
  }
  const { cdp, contextId } = await world;
  const id = contextId();
  if (id === undefined) return undefined;
  const expression = `(() => {
    const log = globalThis[Symbol.for('pith-lens.drawn')] ?? [];
    const latest = new Map(), firstFinal = new Map();
    let lastAt = null, titleState = null;
    for (const d of log) {
      latest.set(d.key, d.state);
      if (d.state !== 'pending' && !firstFinal.has(d.key)) firstFinal.set(d.key, d.at);
      if (lastAt === null || d.at > lastAt) lastAt = d.at;
      if (${before === null ? 'false' : `d.at <= ${before}`}) titleState = d.state;
    }
    const counts = {};
    for (const s of latest.values()) counts[s] = (counts[s] ?? 0) + 1;
    const finals = [...firstFinal.values()];
    return { counts, finalAt: finals.length ? Math.max(...finals) : null, lastAt, titleState };
  })()`;
  const r = await cdp.send('Runtime.evaluate', { expression, contextId: id, returnByValue: true }).catch(() => undefined);
  return r?.result?.value as { counts: Record<string, number>; finalAt: number | null; lastAt: number | null; titleState: string | null } | undefined;
}

// ------------------------------------------------------------------ baseline

export interface Baseline {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Chromium without the extension: same flags and host mapping as test/e2e/browser.ts. */
export async function launchBaseline(mirrorPort: number): Promise<Baseline> {
  const profile = mkdtempSync(join(tmpdir(), 'pith-bench-base-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [...CHROMIUM_ARGS, `--host-resolver-rules=MAP arxiv.org 127.0.0.1:${mirrorPort}, EXCLUDE localhost`],
  });
  await installProbe(context);
  return {
    context,
    async close() {
      await context.close().catch(() => undefined);
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export interface PageLoad {
  dcl: number;
  fcp: number;
  load: number;
  longestTask: number;
  /** Longest task that starts at or after first contentful paint (the page's own, without the extension). */
  longestTaskAfterFcp: number;
}

/** Load a page without the extension: DOMContentLoaded, load end, longest task. */
export async function loadBaseline<T = undefined>(base: Baseline, url: string, after?: (page: Page) => Promise<T>): Promise<PageLoad & { after?: T }> {
  const page = await base.context.newPage();
  try {
    await page.goto(url, { waitUntil: 'load' });
    await sleep(300); // let trailing tasks report
    const p = await readProbe(page);
    return {
      dcl: p.nav.dcl,
      fcp: p.nav.fcp,
      load: p.nav.load,
      longestTask: Math.max(0, ...p.longtasks.map(([, d]) => d)),
      longestTaskAfterFcp: Math.max(0, ...p.longtasks.filter(([s]) => s >= p.nav.fcp).map(([, d]) => d)),
      after: await after?.(page),
    };
  } finally {
    await page.close();
  }
}

// ------------------------------------------------------------------ extension

/** Tell the background to drop its lookup cache (as the options page does). */
export async function clearCache(world: World): Promise<void> {
  const page = await world.browser.context.newPage();
  try {
    await page.goto(`chrome-extension://${world.browser.extensionId}/popup.html?tab=999999999`);
    const r = await page.evaluate("chrome.runtime.sendMessage({ type: 'clear-cache' })");
    if (!(r as { ok?: boolean })?.ok) throw new Error(`clear-cache answered ${JSON.stringify(r)}`);
  } finally {
    await page.close();
  }
}

function sw(world: World) {
  return world.browser.context.serviceWorkers()[0] ?? world.browser.worker;
}

/** Bytes the extension keeps in storage.local (the lookup cache lives there; Chrome's quota is 10 MiB without unlimitedStorage). */
export async function storageBytes(world: World): Promise<{ bytes: number; cacheEntries: number }> {
  return sw(world).evaluate(async () => {
    const bytes = await chrome.storage.local.getBytesInUse(null);
    const all = await chrome.storage.local.get(null);
    return { bytes, cacheEntries: Object.keys(all).filter((k) => k.startsWith('c:')).length };
  });
}

/** The background's view of a tab: papers, how many still pending. */
/** The tab's papers in the background: `pending` are in flight; `unchecked` the listing rows not asked for (not near the viewport). */
async function tabState(world: World, tabId: number): Promise<{ papers: number; pending: number; unchecked: number; states: Record<string, number> }> {
  return sw(world).evaluate(async (id) => {
    const o = await chrome.storage.session.get(`tab:${id}`);
    const papers = (o[`tab:${id}`] as { papers?: { state: string; unchecked?: boolean }[] } | undefined)?.papers ?? [];
    const states: Record<string, number> = {};
    let unchecked = 0;
    for (const p of papers) {
      if (p.unchecked) unchecked++;
      else states[p.state] = (states[p.state] ?? 0) + 1;
    }
    return { papers: papers.length, pending: states.pending ?? 0, unchecked, states };
  }, tabId);
}

/** Turn the option "Check every paper on listing pages" on or off (the stored settings, as the options page saves them). */
export async function setCheckAll(world: World, on: boolean): Promise<void> {
  await sw(world).evaluate(async (v) => {
    const o = await chrome.storage.local.get('settings');
    await chrome.storage.local.set({ settings: { ...((o.settings as object) ?? {}), checkAllListings: v } });
  }, on);
  await sleep(100);
}

/**
 * The state of every inline badge, read from its label inside the closed
 * shadow root through CDP (DOM.getDocument with pierce).
 */
export async function badgeStates(page: Page): Promise<Record<string, number>> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    const out: Record<string, number> = {};
    const visit = (n: DomNode) => {
      const attrs = n.attributes ?? [];
      let isHost = false;
      for (let i = 0; i < attrs.length; i += 2) if (attrs[i] === 'data-pith-lens' && attrs[i + 1] === 'badge') isHost = true;
      // A host reserved ahead of its badge (no button yet) is not a badge drawn.
      const label = isHost ? labelOf(n) : undefined;
      if (label !== undefined) {
        const state = LABEL_STATE.get(label) ?? `?${label}`;
        out[state] = (out[state] ?? 0) + 1;
      }
      for (const c of n.children ?? []) visit(c);
      for (const c of n.shadowRoots ?? []) if (!isHost) visit(c);
    };
    visit(root);
    return out;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}
interface DomNode {
  nodeName: string;
  nodeValue?: string;
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: DomNode[];
}
/** The badge's label: the third span of the button in its shadow root. */
function labelOf(host: DomNode): string | undefined {
  const shadow = host.shadowRoots?.[0];
  const button = shadow?.children?.find((c) => c.nodeName === 'BUTTON');
  if (!button) return undefined;
  const spans = button?.children?.filter((c) => c.nodeName === 'SPAN') ?? [];
  const text = (n: DomNode | undefined): string => (n ? (n.nodeValue ?? '') + (n.children ?? []).map(text).join('') : '');
  return text(spans[2]).trim();
}

export interface BadgeRun {
  /** Navigation start → last badge rendered in its final state. */
  lastBadge: number;
  /** First contentful paint of the page. */
  fcp: number;
  /** When the last badge became final in the DOM (drawn at the next frame: lastBadge). */
  finalAt: number;
  /** The first frame that has the abstract page's title, and the badge's state in it. */
  titleFrame: ProbeData['titleFrame'];
  /** Longest task that starts at or after first contentful paint, up to the last badge. */
  longestTaskAfterFcp: number;
  /** Listing rows whose abstract link is within the viewport and one screen above and below it, when the badges settled. */
  marginRows: number;
  firstBadge: number;
  dcl: number;
  load: number;
  badges: number;
  states: Record<string, number>;
  /** Longest task from navigation start to the last badge; and of those starting after the document was parsed. */
  longestTask: number;
  longestTaskAfterParse: number;
  longTasks: [number, number][];
  /** Long animation frames overlapping the badging, with their script attribution. */
  loaf: ProbeData['loaf'];
  pithRequests: Record<string, number>;
}

/**
 * Open `url` in a new tab and wait until every badge is in its final state:
 * the background has no pending paper left, `expect` hosts are laid out, no
 * badge has re-rendered for 300 ms and CDP reads no "Checking" label. Then
 * `after` runs on the settled page (a scroll measurement).
 */
export async function badgeRun<T = undefined>(
  world: World,
  url: string,
  expect: number | null,
  timeoutMs = 60_000,
  after?: (page: Page) => Promise<T>,
): Promise<BadgeRun & { after?: T }> {
  world.mirror.requests.reset();
  const page = await world.browser.context.newPage();
  try {
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    const tabId = await world.browser.tabIdOf(page);
    const deadline = Date.now() + timeoutMs;
    let lastSeen: number | null = -1;
    let stableSince = Date.now();
    let probe: ProbeData;
    let states: Record<string, number> = {};
    for (;;) {
      if (Date.now() > deadline) {
        throw new Error(
          `badges not final after ${timeoutMs} ms on ${url}: ${JSON.stringify({ hosts: (probe! ?? {}).hosts, states, bg: await tabState(world, tabId) })}`,
        );
      }
      await sleep(50);
      probe = await readProbe(page);
      if (probe.last !== lastSeen) {
        lastSeen = probe.last;
        stableSince = Date.now();
        continue;
      }
      // expect null (a listing checked near the viewport): whatever hosts there are, all laid out.
      if ((expect === null ? probe.hosts === 0 || probe.rendered < probe.hosts : probe.rendered < expect) || Date.now() - stableSince < 300) continue;
      const bg = await tabState(world, tabId);
      if (bg.papers === 0 || bg.pending > 0) continue;
      states = await badgeStates(page);
      if (states.pending || Object.keys(states).some((k) => k.startsWith('?'))) continue;
      // Every row's badge drawn (hosts may be in the page before their badges).
      if (expect !== null && Object.values(states).reduce((a, b) => a + b, 0) < expect) continue;
      probe = await readProbe(page);
      if (probe.last !== lastSeen) continue; // something re-rendered meanwhile
      break;
    }
    if (probe.nav.load === 0 || !Number.isFinite(probe.nav.load)) {
      await page.waitForLoadState('load');
      probe = await readProbe(page);
    }
    const end = probe.last ?? NaN;
    const during = probe.longtasks.filter(([s]) => s <= end);
    const marginRows = (await page.evaluate(`(() => {
      const h = innerHeight;
      return [...document.querySelectorAll('dl dt a[title="Abstract"], li.arxiv-result p.list-title')].filter((a) => { const r = a.getBoundingClientRect(); return r.bottom >= -h && r.top <= 2 * h; }).length;
    })()`)) as number;
    const counts = world.mirror.requests.counts();
    const pithRequests: Record<string, number> = {};
    for (const [path, n] of Object.entries(counts)) {
      const k = path.startsWith('/api/pith-number/resolve') ? 'resolve' : path.startsWith('/pith/') ? 'record' : path.startsWith('/pith-') ? path : undefined;
      if (k) pithRequests[k] = (pithRequests[k] ?? 0) + n;
    }
    return {
      lastBadge: end,
      fcp: probe.nav.fcp,
      finalAt: probe.finalAt ?? NaN,
      titleFrame: probe.titleFrame,
      longestTaskAfterFcp: Math.max(0, ...during.filter(([s]) => s >= probe.nav.fcp).map(([, d]) => d)),
      marginRows,
      firstBadge: probe.firstRender ?? NaN,
      dcl: probe.nav.dcl,
      load: probe.nav.load,
      badges: probe.hosts,
      states,
      longestTask: Math.max(0, ...during.map(([, d]) => d)),
      longestTaskAfterParse: Math.max(0, ...during.filter(([s]) => s >= probe.nav.interactive - 1).map(([, d]) => d)),
      longTasks: probe.longtasks.map(([s, d]) => [Math.round(s), Math.round(d)]),
      loaf: probe.loaf.filter((f) => f.start <= end && f.duration > 50),
      pithRequests,
      after: await after?.(page), // on the settled page, after everything above was read
    };
  } finally {
    await page.close();
  }
}

/**
 * On a settled listing: scroll to the bottom at once and time until the last
 * screen's badges are final (the probe's last badge render after the scroll),
 * from the moment of the scroll.
 */
export async function toBottom(world: World, page: Page): Promise<number> {
  const tabId = await world.browser.tabIdOf(page);
  const t0 = (await page.evaluate('(() => { window.scrollTo(0, document.documentElement.scrollHeight); return performance.now(); })()')) as number;
  const deadline = Date.now() + 60_000;
  let lastSeen: number | null = -1;
  let stableSince = Date.now();
  for (;;) {
    if (Date.now() > deadline) throw new Error('the last screen of the listing was not badged within 60 s');
    await sleep(50);
    const probe = await readProbe(page);
    if (probe.last !== lastSeen) {
      lastSeen = probe.last;
      stableSince = Date.now();
      continue;
    }
    if (probe.rendered < probe.hosts || Date.now() - stableSince < 300 || (probe.last ?? 0) <= t0) continue;
    // (Not every badge on the page: rows passed on the way whose lookups never started keep saying Checking until they come near again.)
    const bg = await tabState(world, tabId);
    if (bg.pending > 0) continue;
    return (probe.last ?? NaN) - t0;
  }
}

/** Open the popup for a tab as a page; time to the verified banner. */
export async function popupRun(world: World, tabId: number): Promise<number> {
  const page = await world.browser.context.newPage();
  try {
    await page.goto(`chrome-extension://${world.browser.extensionId}/popup.html?tab=${tabId}`, { waitUntil: 'commit' });
    const deadline = Date.now() + 15_000;
    for (;;) {
      const p = await readProbe(page).catch(() => undefined);
      if (p?.popupVerified != null) return p.popupVerified;
      if (Date.now() > deadline) throw new Error('popup: no verified banner after 15 s');
      await sleep(25);
    }
  } finally {
    await page.close();
  }
}

/** Open a page and leave it open (e.g. the tab the popup is about). */
export async function openAndSettle(world: World, url: string): Promise<{ page: Page; tabId: number }> {
  const page = await world.browser.context.newPage();
  await page.goto(url);
  const tabId = await world.browser.tabIdOf(page);
  for (let i = 0; i < 300; i++) {
    const bg = await tabState(world, tabId);
    if (bg.papers > 0 && bg.pending === 0) break;
    await sleep(50);
  }
  return { page, tabId };
}

/**
 * A CDP channel to the extension's service worker: its target is attached
 * from a page session (Target.attachToTarget, non-flat), and messages are
 * relayed with Target.sendMessageToTarget (Playwright has no CDP session for
 * a worker).
 */
export async function workerCdp(world: World): Promise<{ call(method: string, params?: object): Promise<Record<string, unknown>>; close(): Promise<void> }> {
  const page = await world.browser.context.newPage();
  const cdp = await world.browser.context.newCDPSession(page);
  const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: { targetId: string; type: string; url: string }[] };
  const target = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${world.browser.extensionId}/`));
  if (!target) throw new Error('no service worker target');
  const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false })) as { sessionId: string };
  let id = 0;
  const pending = new Map<number, (v: Record<string, unknown>) => void>();
  cdp.on('Target.receivedMessageFromTarget', (e: { sessionId: string; message: string }) => {
    if (e.sessionId !== sessionId) return;
    const m = JSON.parse(e.message) as { id?: number; result?: Record<string, unknown>; error?: unknown };
    if (m.id !== undefined) pending.get(m.id)?.(m.error ? { error: m.error } : (m.result ?? {}));
  });
  return {
    async call(method, params = {}) {
      const mid = ++id;
      const p = new Promise<Record<string, unknown>>((r) => pending.set(mid, r));
      await cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: mid, method, params }) });
      return p;
    },
    async close() {
      await cdp.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
      await cdp.detach().catch(() => undefined);
      await page.close().catch(() => undefined);
    },
  };
}

/** The service worker's JS heap (Runtime.getHeapUsage), and after a forced GC when asked. */
export async function workerHeap(world: World, gc: boolean): Promise<{ used: number; total: number; usedAfterGc?: number }> {
  const w = await workerCdp(world);
  try {
    const before = await w.call('Runtime.getHeapUsage');
    if (typeof before.usedSize !== 'number') throw new Error(`Runtime.getHeapUsage: ${JSON.stringify(before)}`);
    const out: { used: number; total: number; usedAfterGc?: number } = { used: before.usedSize, total: before.totalSize as number };
    if (gc) {
      await w.call('HeapProfiler.collectGarbage');
      out.usedAfterGc = (await w.call('Runtime.getHeapUsage')).usedSize as number;
    }
    return out;
  } finally {
    await w.close();
  }
}
