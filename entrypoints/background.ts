/**
 * The background: wiring only. Messages in (validated), the resolver, per-tab
 * state in storage.session (the MV3 worker may be stopped at any moment), and
 * the toolbar badge. All logic lives in lib/.
 */
import type { Runtime } from 'webextension-polyfill';
import { createClient } from '@/lib/pith/client';
import { verify } from '@/lib/pith/verify';
import { createResolver, type Resolver } from '@/lib/resolver/resolver';
import {
  PageMessageSchema,
  RequestSchema,
  TabStateSchema,
  WantMessageSchema,
  type PaperResult,
  type Request,
  type TabState,
  toPaperResult,
} from '@/lib/messages';
import { createPageSession, type PageSession } from '@/lib/page-session';
import { parseSettings, isSiteDisabled, SETTINGS_KEY, type Settings } from '@/lib/settings';
import { toolbarBadgeFor } from '@/lib/toolbar';
import { storageAdapter } from '@/lib/browser/storage-adapter';
import { testConnection } from '@/lib/pith/connection';

const PUBLISHER_SCRIPT_ID = 'pith-lens-publisher';
const tabKey = (tabId: number) => `tab:${tabId}`;
/** How often a page's tab state (storage.session + toolbar badge) is rewritten while answers arrive. */
const TAB_WRITE_INTERVAL_MS = 400;

export default defineBackground(() => {
  let settingsPromise: Promise<Settings> | undefined;
  let resolverPromise: Promise<Resolver> | undefined;

  function settings(): Promise<Settings> {
    settingsPromise ??= browser.storage.local.get(SETTINGS_KEY).then((o) => parseSettings(o[SETTINGS_KEY]));
    return settingsPromise;
  }

  function resolver(): Promise<Resolver> {
    resolverPromise ??= settings().then((s) =>
      createResolver({
        client: createClient({ baseUrls: [s.baseUrl, ...s.mirrors], fetch: (...a) => fetch(...a) }),
        storage: storageAdapter(browser.storage.local, 'c:'),
        verify,
        now: () => Date.now(),
        maxEntries: s.maxCacheEntries,
      }),
    );
    return resolverPromise;
  }

  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local' || !(SETTINGS_KEY in changes)) return;
    settingsPromise = undefined;
    resolverPromise = undefined;
    void syncPublisherScript();
  });

  // ---- per-tab state and the toolbar badge -------------------------------

  async function readTab(tabId: number): Promise<TabState | undefined> {
    const o = await browser.storage.session.get(tabKey(tabId));
    const parsed = TabStateSchema.safeParse(o[tabKey(tabId)]);
    return parsed.success ? parsed.data : undefined;
  }

  async function writeTab(state: TabState): Promise<void> {
    await browser.storage.session.set({ [tabKey(state.tabId)]: state });
    const badge = toolbarBadgeFor(state.papers);
    await Promise.all([
      browser.action.setBadgeText({ tabId: state.tabId, text: badge.text }),
      browser.action.setBadgeBackgroundColor({ tabId: state.tabId, color: badge.color }),
      browser.action.setTitle({ tabId: state.tabId, title: badge.title }),
      browser.action.setIcon({ tabId: state.tabId, path: badge.icon }),
      // Chrome only: white text on our colours.
      (browser.action as { setBadgeTextColor?: (d: object) => Promise<void> }).setBadgeTextColor?.({ tabId: state.tabId, color: '#ffffff' }),
    ]).catch(() => undefined); // the tab may be gone
  }

  async function clearTab(tabId: number): Promise<void> {
    await browser.storage.session.remove(tabKey(tabId));
    await Promise.all([
      browser.action.setBadgeText({ tabId, text: '' }),
      browser.action.setTitle({ tabId, title: 'Pith Lens' }),
      browser.action.setIcon({ tabId, path: toolbarBadgeFor([]).icon }),
    ]).catch(() => undefined);
  }

  browser.tabs.onUpdated.addListener((tabId, change) => {
    // A new document: the old one's papers and badge no longer apply.
    if (change.status === 'loading' && change.url !== undefined) void clearTab(tabId);
  });
  browser.tabs.onRemoved.addListener((tabId) => void browser.storage.session.remove(tabKey(tabId)));

  // ---- content scripts: one port per page ----------------------------------

  /** The live page session of each tab (its latest `page` port): the popup's "Check all" reaches it. */
  const sessions = new Map<number, PageSession>();

  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== 'page') return;
    const tabId = port.sender?.tab?.id;
    if (tabId === undefined || port.sender?.id !== browser.runtime.id) return port.disconnect();
    let session: PageSession | undefined;
    // Messages are handled in order: the first waits for the settings and the resolver.
    let queue: Promise<void> = Promise.resolve();
    port.onMessage.addListener((raw) => {
      queue = queue.then(async () => {
        const [s, r] = await Promise.all([settings(), resolver()]);
        session ??= openSession(port, tabId, r);
        if (!session) return;
        const page = PageMessageSchema.safeParse(raw);
        if (page.success) {
          if (isSiteDisabled(s, hostOf(page.data.url))) return;
          return session.page(page.data);
        }
        const want = WantMessageSchema.safeParse(raw);
        if (want.success) session.want(want.data.keys);
      });
    });
    port.onDisconnect.addListener(() => {
      // Keep resolving only while someone waits: a closed listing must not hold up the next page.
      void queue.then(() => {
        session?.close();
        if (session && sessions.get(tabId) === session) sessions.delete(tabId);
      });
    });
    // Pages connect while they still parse: get the resolver ready meanwhile.
    void resolver();
  });

  function openSession(port: Runtime.Port, tabId: number, r: Resolver): PageSession {
    const session = createPageSession({
      tabId,
      lookupMany: (papers, onResult, opts) => r.lookupMany(papers, onResult, opts),
      toResult: toPaperResult,
      post: (results) => port.postMessage({ type: 'results', results }),
      writeTab: (state) => void writeTab(state),
      clock: { now: () => Date.now(), setTimeout: (cb, ms) => setTimeout(cb, ms), clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>) },
      tabWriteIntervalMs: TAB_WRITE_INTERVAL_MS,
    });
    sessions.set(tabId, session);
    return session;
  }

  // ---- popup and options ---------------------------------------------------

  browser.runtime.onMessage.addListener((raw, sender) => {
    if (sender.id !== browser.runtime.id) return undefined;
    const req = RequestSchema.safeParse(raw);
    if (!req.success) return undefined;
    if (req.data.type === 'open-report') return openReport(sender.tab?.id, req.data.key);
    return handle(req.data).catch((e: unknown) => ({ error: e instanceof Error ? e.message : String(e) }));
  });

  async function handle(req: Request): Promise<unknown> {
    switch (req.type) {
      case 'tab-state': {
        // The resolver is created while the tab state is read: the popup's first answer waits on both.
        // Without a resolver the tab is still answered; the popup then asks for the lookup itself.
        const [tab, r] = await Promise.all([readTab(req.tabId), req.withResult ? resolver().catch(() => undefined) : undefined]);
        const state = tab ?? { tabId: req.tabId, papers: [] };
        const paper = r && popupPaper(state, req.key);
        if (!paper) return state;
        return { ...state, result: await r.lookup(paper.id, { title: paper.title, id: paper.id }) };
      }
      case 'detect':
        return detectInTab(req.tabId);
      case 'lookup': {
        const r = await resolver();
        return r.lookup(req.id, { title: req.title, id: req.id }, { force: req.force });
      }
      case 'open-report':
        return undefined; // answered above: it needs the sender's tab
      case 'check-all': {
        const session = sessions.get(req.tabId);
        session?.wantAll();
        return { ok: session !== undefined };
      }
      case 'clear-cache':
        await (await resolver()).clear();
        return { ok: true };
      case 'cache-stats':
        return (await resolver()).stats();
      case 'test-connection':
        return testConnection(req.baseUrl, (...a) => fetch(...a));
    }
  }

  /**
   * The paper whose full lookup rides along with the popup's `tab-state`
   * answer: the one the popup opens on, only once the page has its answer
   * (so it comes from the cache; a pending or failed paper would wait on the
   * network and hold up the tab's picker).
   */
  function popupPaper(tab: TabState, key: string | undefined): PaperResult | undefined {
    const p = (key !== undefined ? tab.papers.find((x) => x.key === key) : undefined) ?? tab.papers[0];
    return p && p.state !== 'pending' && p.state !== 'error' ? p : undefined;
  }

  /**
   * Runs the publisher detector once in a tab, with the temporary access that
   * opening the popup grants (activeTab). It reports through the same port as
   * a registered content script; the answer is the tab's state after that.
   */
  async function detectInTab(tabId: number): Promise<{ ok: boolean; detail?: string }> {
    const existing = await readTab(tabId);
    if (existing && existing.papers.length > 0) return { ok: true };
    try {
      await browser.scripting.executeScript({
        target: { tabId },
        func: () => {
          // ON_DEMAND from lib/inpage/on-demand.ts (a serialized function cannot import).
          (globalThis as Record<symbol, unknown>)[Symbol.for('pith-lens.on-demand')] = true;
        },
      });
      await browser.scripting.executeScript({ target: { tabId }, files: ['content-scripts/publisher.js'] });
      return { ok: true };
    } catch (e) {
      // Chrome's own pages, the web store and file URLs cannot be scripted.
      return { ok: false, detail: e instanceof Error ? e.message : String(e) };
    }
  }

  /** A page cannot open extension pages itself; the card asks us to, for its own tab only. */
  async function openReport(tabId: number | undefined, key: string): Promise<{ ok: boolean }> {
    if (tabId === undefined) return { ok: false };
    const query = new URLSearchParams({ tab: String(tabId), key });
    await browser.tabs.create({ url: browser.runtime.getURL(`/popup.html?${query}`), openerTabId: tabId });
    return { ok: true };
  }

  // ---- publisher pages: opt-in, registered at run time -----------------------

  async function syncPublisherScript(): Promise<void> {
    const s = await settings();
    const granted = await browser.permissions.contains({ origins: ['*://*/*'] });
    const existing = await browser.scripting.getRegisteredContentScripts({ ids: [PUBLISHER_SCRIPT_ID] });
    const want = s.detectOtherSites && granted;
    if (want && existing.length === 0) {
      await browser.scripting.registerContentScripts([
        {
          id: PUBLISHER_SCRIPT_ID,
          matches: ['https://*/*', 'http://*/*'],
          excludeMatches: ['*://arxiv.org/*', '*://*.arxiv.org/*'],
          js: ['content-scripts/publisher.js'],
          runAt: 'document_idle',
        },
      ]);
    } else if (!want && existing.length > 0) {
      await browser.scripting.unregisterContentScripts({ ids: [PUBLISHER_SCRIPT_ID] });
    }
  }
  browser.permissions.onAdded?.addListener(() => void syncPublisherScript());
  browser.permissions.onRemoved?.addListener(() => void syncPublisherScript());
  browser.runtime.onInstalled.addListener(() => void syncPublisherScript());
  browser.runtime.onStartup.addListener(() => void syncPublisherScript());
});

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}
