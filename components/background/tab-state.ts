/**
 * Each tab's state (its page's papers) in storage.session, where it outlives
 * the MV3 worker, which may be stopped at any moment; and the toolbar badge
 * drawn from it. A state belongs to the page connection that wrote it (its
 * `doc` token) and goes with it.
 */
import { TabStateSchema, type PaperResult, type TabState } from '../../lib/messages';
import { toolbarBadgeFor } from '../../lib/toolbar';

/** storage.session, as far as the tab states use it. */
interface SessionArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

/** browser.action, per tab. */
export interface ActionApi {
  setBadgeText(details: { tabId: number; text: string }): Promise<void>;
  setBadgeBackgroundColor(details: { tabId: number; color: string }): Promise<void>;
  setTitle(details: { tabId: number; title: string }): Promise<void>;
  setIcon(details: { tabId: number; path: Record<string, string> }): Promise<void>;
  /** Chrome only. */
  setBadgeTextColor?(details: { tabId: number; color: string }): Promise<void>;
}

export interface TabStates {
  read(tabId: number): Promise<TabState | undefined>;
  /** Writes a page's state and badge unless its connection has closed meanwhile (`stillLive`, checked in turn). */
  write(state: TabState, stillLive: () => boolean): Promise<void>;
  /** Clears the tab's state and badge when `stale` says the stored one no longer belongs to the tab's document. */
  clearIf(tabId: number, stale: (state: TabState) => boolean): Promise<void>;
  /** A page connection (`doc`) opened in the tab: it is now the tab's live one. */
  pageOpened(tabId: number, doc: string): void;
  /** That connection closed: the state it wrote goes. */
  pageClosed(tabId: number, doc: string): void;
  /** Whether the page connection that wrote a state is the one live in its tab (else the state is orphaned). */
  writerLive(state: TabState): boolean;
  /** tabs.onUpdated */
  tabUpdated(tabId: number, change: { status?: string; url?: string }): void;
  /** tabs.onRemoved */
  tabRemoved(tabId: number): void;
}

const tabKey = (tabId: number) => `tab:${tabId}`;

export function createTabStates(session: SessionArea, action: ActionApi): TabStates {
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
  const writerLive = (state: TabState) => state.doc !== undefined && liveDocs.get(state.tabId) === state.doc;

  async function read(tabId: number): Promise<TabState | undefined> {
    const o = await session.get(tabKey(tabId));
    const parsed = TabStateSchema.safeParse(o[tabKey(tabId)]);
    return parsed.success ? parsed.data : undefined;
  }

  async function showBadge(tabId: number, papers: PaperResult[]): Promise<void> {
    const badge = toolbarBadgeFor(papers);
    await Promise.all([
      action.setBadgeText({ tabId, text: badge.text }),
      action.setBadgeBackgroundColor({ tabId, color: badge.color }),
      action.setTitle({ tabId, title: badge.title }),
      action.setIcon({ tabId, path: badge.icon }),
      // Chrome only: white text on our colours.
      action.setBadgeTextColor?.({ tabId, color: '#ffffff' }),
    ]).catch(() => undefined); // the tab may be gone
  }

  function clearIf(tabId: number, stale: (state: TabState) => boolean): Promise<void> {
    return inTabOrder(tabId, async () => {
      const state = await read(tabId);
      if (!state || !stale(state)) return;
      await session.remove(tabKey(tabId));
      await Promise.all([
        action.setBadgeText({ tabId, text: '' }),
        action.setTitle({ tabId, title: 'Pith Lens' }),
        action.setIcon({ tabId, path: toolbarBadgeFor([]).icon }),
      ]).catch(() => undefined);
    });
  }

  return {
    read,
    write: (state, stillLive) =>
      inTabOrder(state.tabId, async () => {
        if (!stillLive()) return;
        await session.set({ [tabKey(state.tabId)]: state });
        await showBadge(state.tabId, state.papers);
      }),
    clearIf,
    pageOpened: (tabId, doc) => void liveDocs.set(tabId, doc),
    pageClosed(tabId, doc) {
      if (liveDocs.get(tabId) === doc) liveDocs.delete(tabId);
      void clearIf(tabId, (state) => state.doc === doc);
    },
    writerLive,
    tabUpdated(tabId, change) {
      // Without the `tabs` permission Chrome sends no `url` here: every load of a
      // new document clears a state whose page connection is gone. The page
      // that is loading keeps its own (its connection is the live one).
      if (change.status === 'loading' || change.url !== undefined) void clearIf(tabId, (state) => !writerLive(state));
    },
    tabRemoved(tabId) {
      liveDocs.delete(tabId);
      void inTabOrder(tabId, () => session.remove(tabKey(tabId)));
    },
  };
}
