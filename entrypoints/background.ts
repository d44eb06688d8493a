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
import { idbStorage } from '@/lib/resolver/idb-storage';
import { reportStamp } from '@/lib/pith/trust';
import { testConnection } from '@/lib/pith/connection';
import { hostOf } from '@/lib/ids/url';
import { documentUrl, pagePortAllowed, requestAllowed, senderKind } from '@/lib/sender';
import { syncSiteScripts } from '@/lib/browser/site-scripts';
import { createMenu, reportPathFor } from '@/lib/browser/context-menu';

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
        // The extension origin's IndexedDB: content scripts, which can write storage.local, cannot reach it.
        storage: idbStorage(indexedDB),
        verify,
        reportStamp: reportStamp(browser.runtime.getManifest().version),
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

  /**
   * Every write and clear of one tab's state runs in order: a page's last
   * write can never land after the clear that its navigation caused.
   */
  const tabQueues = new Map<number, Promise<void>>();
  function inTabOrder(tabId: number, op: () => Promise<void>): Promise<void> {
    const next = (tabQueues.get(tabId) ?? Promise.resolve()).then(op).catch(() => undefined);
    tabQueues.set(tabId, next);
    void next.then(() => tabQueues.get(tabId) === next && tabQueues.delete(tabId));
    return next;
  }

  /** The page connection (doc token) now live in each tab, while this worker lives. */
  const liveDocs = new Map<number, string>();

  /** Writes a page's state unless its connection has closed meanwhile (`stillLive`, checked in turn). */
  function writeTab(state: TabState, stillLive: () => boolean): Promise<void> {
    return inTabOrder(state.tabId, async () => {
      if (!stillLive()) return;
      await browser.storage.session.set({ [tabKey(state.tabId)]: state });
      await showBadge(state.tabId, state.papers);
    });
  }

  async function showBadge(tabId: number, papers: PaperResult[]): Promise<void> {
    const badge = toolbarBadgeFor(papers);
    await Promise.all([
      browser.action.setBadgeText({ tabId, text: badge.text }),
      browser.action.setBadgeBackgroundColor({ tabId, color: badge.color }),
      browser.action.setTitle({ tabId, title: badge.title }),
      browser.action.setIcon({ tabId, path: badge.icon }),
      // Chrome only: white text on our colours.
      (browser.action as { setBadgeTextColor?: (d: object) => Promise<void> }).setBadgeTextColor?.({ tabId, color: '#ffffff' }),
    ]).catch(() => undefined); // the tab may be gone
  }

  /** Clears the tab's state when `stale` says the stored one no longer belongs to the tab's document. */
  function clearTabIf(tabId: number, stale: (state: TabState) => boolean): Promise<void> {
    return inTabOrder(tabId, async () => {
      const state = await readTab(tabId);
      if (!state || !stale(state)) return;
      await browser.storage.session.remove(tabKey(tabId));
      await Promise.all([
        browser.action.setBadgeText({ tabId, text: '' }),
        browser.action.setTitle({ tabId, title: 'Pith Lens' }),
        browser.action.setIcon({ tabId, path: toolbarBadgeFor([]).icon }),
      ]).catch(() => undefined);
    });
  }

  /** Whether the page connection that wrote a state is the one live in its tab (else the state is orphaned). */
  const writerLive = (state: TabState) => state.doc !== undefined && liveDocs.get(state.tabId) === state.doc;

  browser.tabs.onUpdated.addListener((tabId, change) => {
    // Without the `tabs` permission Chrome sends no `url` here: every load of a
    // new document clears a state whose page connection is gone. The page
    // that is loading keeps its own (its connection is the live one).
    if (change.status === 'loading' || change.url !== undefined) void clearTabIf(tabId, (state) => !writerLive(state));
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    liveDocs.delete(tabId);
    void inTabOrder(tabId, () => browser.storage.session.remove(tabKey(tabId)));
  });

  // ---- content scripts: one port per page ----------------------------------

  let docCounter = 0;
  /** The live page session of each tab (its latest `page` port): the popup's "Check all" reaches it. */
  const sessions = new Map<number, PageSession>();

  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== 'page') return;
    const sender = port.sender;
    const tabId = sender?.tab?.id;
    const from = sender ? senderKind(sender, browser.runtime.id, browser.runtime.getURL('/')) : 'foreign';
    if (!pagePortAllowed(from, sender?.frameId, tabId) || tabId === undefined) return port.disconnect();
    // One token per page connection: the tab's state belongs to it and goes with it.
    const doc = `${Date.now().toString(36)}.${(docCounter++).toString(36)}`;
    liveDocs.set(tabId, doc);
    let connected = true;
    let session: PageSession | undefined;
    // Messages are handled in order: the first waits for the settings and the resolver.
    let queue: Promise<void> = Promise.resolve();
    port.onMessage.addListener((raw) => {
      queue = queue.then(async () => {
        const [s, r] = await Promise.all([settings(), resolver()]);
        if (!connected) return;
        session ??= openSession(port, tabId, doc, () => connected, r);
        const page = PageMessageSchema.safeParse(raw);
        if (page.success) {
          // The page's address as the page says (an in-app navigation moves it within
          // one document), held to the origin the browser gave for its connection.
          const url = sender?.url === undefined || sameOrigin(sender.url, page.data.url) ? page.data.url : sender.url;
          if (isSiteDisabled(s, hostOf(url))) return;
          return session.page({ ...page.data, url });
        }
        const want = WantMessageSchema.safeParse(raw);
        if (want.success) session.want(want.data.keys);
      });
    });
    port.onDisconnect.addListener(() => {
      connected = false;
      if (liveDocs.get(tabId) === doc) liveDocs.delete(tabId);
      void clearTabIf(tabId, (state) => state.doc === doc);
      // Keep resolving only while someone waits: a closed listing must not hold up the next page.
      void queue.then(() => {
        session?.close();
        if (session && sessions.get(tabId) === session) sessions.delete(tabId);
      });
    });
    // Pages connect while they still parse: get the resolver ready meanwhile.
    void resolver();
  });

  function openSession(port: Runtime.Port, tabId: number, doc: string, stillLive: () => boolean, r: Resolver): PageSession {
    const session = createPageSession({
      tabId,
      doc,
      lookupMany: (papers, onResult, opts) => r.lookupMany(papers, onResult, opts),
      toResult: toPaperResult,
      post: (results) => port.postMessage({ type: 'results', results }),
      // Never after the page's connection closed: a last flush must not bring back a state its navigation cleared.
      writeTab: (state) => void writeTab(state, stillLive),
      clock: { now: () => Date.now(), setTimeout: (cb, ms) => setTimeout(cb, ms), clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>) },
      tabWriteIntervalMs: TAB_WRITE_INTERVAL_MS,
    });
    sessions.set(tabId, session);
    return session;
  }

  // ---- popup and options ---------------------------------------------------

  browser.runtime.onMessage.addListener((raw, sender) => {
    const from = senderKind(sender, browser.runtime.id, browser.runtime.getURL('/'));
    if (from === 'foreign') return undefined;
    const req = RequestSchema.safeParse(raw);
    if (!req.success) return undefined;
    if (!requestAllowed(from, req.data.type)) return Promise.resolve({ refused: true, error: `${req.data.type} is not allowed from a web page` });
    if (req.data.type === 'open-report') return openReport(sender.tab?.id, sender.url, req.data.key);
    return handle(req.data).catch((e: unknown) => ({ error: e instanceof Error ? e.message : String(e) }));
  });

  async function handle(req: Request): Promise<unknown> {
    switch (req.type) {
      case 'tab-state': {
        // The resolver is created while the tab state is read: the popup's first answer waits on both.
        // Without a resolver the tab is still answered; the popup then asks for the lookup itself.
        const [stored, r] = await Promise.all([readTab(req.tabId), req.withResult ? resolver().catch(() => undefined) : undefined]);
        const tab = stored && belongsToDocument(stored, req.url) ? stored : undefined;
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
   * Whether a stored state is about the document now in its tab: the URL the
   * popup sees there (fragment aside) when it can read it, else the writing
   * page's connection must still be live.
   */
  function belongsToDocument(state: TabState, url: string | undefined): boolean {
    if (url !== undefined) return state.url !== undefined && documentUrl(state.url) === documentUrl(url);
    return writerLive(state);
  }

  /**
   * The paper whose full lookup rides along with the popup's `tab-state`
   * answer: the one the popup opens on, only once the page has its answer
   * (so it comes from the cache; a pending or failed paper would wait on the
   * network and hold up the tab's picker).
   */
  function popupPaper(tab: TabState, key: string | undefined): PaperResult | undefined {
    const p = (key !== undefined ? tab.papers.find((x) => x.key === key) : undefined) ?? tab.papers.find((x) => x.role !== 'mentioned');
    return p && p.state !== 'pending' && p.state !== 'error' ? p : undefined;
  }

  /**
   * Runs the publisher detector once in a tab, with the temporary access that
   * opening the popup grants (activeTab). It reports through the same port as
   * a registered content script; the answer is the tab's state after that.
   */
  async function detectInTab(tabId: number): Promise<{ ok: boolean; detail?: string }> {
    const existing = await readTab(tabId);
    if (existing && existing.papers.length > 0 && writerLive(existing)) return { ok: true };
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

  /**
   * A page cannot open extension pages itself; the card asks us to, for its
   * own tab only. The report tab gets the page's address as the browser gave
   * it, so it shows the tab's state only while that page is still there.
   */
  async function openReport(tabId: number | undefined, url: string | undefined, key: string): Promise<{ ok: boolean }> {
    if (tabId === undefined || url === undefined) return { ok: false };
    const query = new URLSearchParams({ tab: String(tabId), key, url });
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
  browser.runtime.onInstalled.addListener(() => {
    void syncPublisherScript();
    void dropLegacyCache();
  });

  /**
   * Versions before the IndexedDB cache kept records in storage.local under
   * `c:`; those entries are never read again (a content script could have
   * written them), so they go once, on update.
   */
  async function dropLegacyCache(): Promise<void> {
    const all = await browser.storage.local.get(null).catch(() => ({}));
    const legacy = Object.keys(all).filter((k) => k.startsWith('c:'));
    if (legacy.length) await browser.storage.local.remove(legacy).catch(() => undefined);
  }
  browser.runtime.onStartup.addListener(() => void syncPublisherScript());

  // ---- sites (lib/sites): one registration per site whose permission is held --

  // One sync at a time: two overlapping runs would register the same id twice.
  let siteSync = Promise.resolve();
  const syncSites = () => {
    siteSync = siteSync
      .then(() => syncSiteScripts(browser.scripting, browser.permissions))
      .then(
        () => undefined,
        () => undefined,
      );
  };
  browser.permissions.onAdded?.addListener(syncSites);
  browser.permissions.onRemoved?.addListener(syncSites);
  browser.runtime.onInstalled.addListener(syncSites);
  browser.runtime.onStartup.addListener(syncSites);

  // ---- "Look up in Pith Lens" on links and selections -----------------------

  browser.runtime.onInstalled.addListener(() => void createMenu(browser.contextMenus).catch(() => undefined));
  browser.contextMenus.onClicked.addListener((info, tab) => {
    const path = reportPathFor(info, tab?.id);
    if (path)
      void browser.tabs.create({
        url: browser.runtime.getURL(path as '/popup.html'),
        ...(tab?.id !== undefined && tab.id >= 0 ? { openerTabId: tab.id } : {}),
      });
  });
});

function sameOrigin(a: string, b: string): boolean {
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}
