/**
 * The background's side of the asks (lib/messages/asks.ts): who may ask what
 * (lib/sender.ts), and one handler per ask, each typed to return its reply.
 * A handler that throws is answered `{ error }`; an ask the sender may not
 * make, `{ refused: true, error }`; a stranger or an unparsable message, not
 * at all.
 */
import { PAGES_SCRIPT } from '../../lib/browser/site-scripts';
import {
  AskSchema,
  type Ask,
  type AskOf,
  type AskType,
  type ErrorReply,
  type PaperResult,
  type RefusedReply,
  type Reply,
  type TabState,
} from '../../lib/messages';
import { testConnection } from '../../lib/pith/connection';
import type { Resolver } from '../../lib/resolver/resolver';
import { askAllowed, documentUrl, type SenderKind, type SenderLike } from '../../lib/sender';
import type { TabStates } from './tab-state';

/** scripting.executeScript, as on-demand detection uses it. */
export interface InjectApi {
  executeScript(injection: { target: { tabId: number }; func?: () => void; files?: string[] }): Promise<unknown>;
}

export interface AskDeps {
  senderKind(sender: SenderLike): SenderKind;
  tabs: Pick<TabStates, 'read' | 'writerLive'>;
  resolver(): Promise<Resolver>;
  /** The live page session of a tab (page-ports.ts), for "Check all". */
  session(tabId: number): { wantAll(): void } | undefined;
  scripting: InjectApi;
  /** Opens an extension page (a path from the extension root) in a new tab, next to its opener. */
  openPage(path: string, openerTabId?: number): Promise<unknown>;
  fetch: typeof fetch;
}

/** Whatever the background answers an ask with. */
type Answer = Reply<AskType> | ErrorReply | RefusedReply;

/** runtime.onMessage: the answer, or undefined for a message the background does not answer. */
type AskListener = (raw: unknown, sender: SenderLike) => Promise<Answer> | undefined;

type Handlers = { [T in AskType]: (ask: AskOf<T>, sender: SenderLike) => Promise<Reply<T>> };

export function createAskListener(deps: AskDeps): AskListener {
  const { tabs, resolver } = deps;

  /**
   * Whether a stored state is about the document now in its tab: the URL the
   * popup sees there (fragment aside) when it can read it, else the writing
   * page's connection must still be live.
   */
  function belongsToDocument(state: TabState, url: string | undefined): boolean {
    if (url !== undefined) return state.url !== undefined && documentUrl(state.url) === documentUrl(url);
    return tabs.writerLive(state);
  }

  /**
   * Runs the publisher detector once in a tab, with the temporary access that
   * opening the popup grants (activeTab). It reports through the same port as
   * a registered content script; the answer is the tab's state after that.
   */
  async function detectInTab(tabId: number): Promise<Reply<'detect'>> {
    const existing = await tabs.read(tabId);
    if (existing && existing.papers.length > 0 && tabs.writerLive(existing)) return { ok: true };
    try {
      await deps.scripting.executeScript({
        target: { tabId },
        func: () => {
          // ON_DEMAND from lib/inpage/on-demand.ts (a serialized function cannot import).
          (globalThis as Record<symbol, unknown>)[Symbol.for('pith-lens.on-demand')] = true;
        },
      });
      await deps.scripting.executeScript({ target: { tabId }, files: [PAGES_SCRIPT] });
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
  async function openReport(tabId: number | undefined, url: string | undefined, key: string): Promise<Reply<'open-report'>> {
    if (tabId === undefined || url === undefined) return { ok: false };
    const query = new URLSearchParams({ tab: String(tabId), key, url });
    await deps.openPage(`/popup.html?${query}`, tabId);
    return { ok: true };
  }

  const handlers: Handlers = {
    'tab-state': async (ask) => {
      // The resolver is created while the tab state is read: the popup's first answer waits on both.
      // Without a resolver the tab is still answered; the popup then asks for the lookup itself.
      const [stored, r] = await Promise.all([tabs.read(ask.tabId), ask.withResult ? resolver().catch(() => undefined) : undefined]);
      const tab = stored && belongsToDocument(stored, ask.url) ? stored : undefined;
      const state = tab ?? { tabId: ask.tabId, papers: [] };
      const paper = r && popupPaper(state, ask.key);
      if (!paper) return state;
      return { ...state, result: await r.lookup(paper.id, { title: paper.title, id: paper.id }) };
    },
    detect: (ask) => detectInTab(ask.tabId),
    lookup: async (ask) => (await resolver()).lookup(ask.id, { title: ask.title, id: ask.id }, { force: ask.force }),
    'open-report': (ask, sender) => openReport(sender.tab?.id, sender.url, ask.key),
    'check-all': async (ask) => {
      const session = deps.session(ask.tabId);
      session?.wantAll();
      return { ok: session !== undefined };
    },
    'clear-cache': async () => {
      await (await resolver()).clear();
      return { ok: true };
    },
    'cache-stats': async () => (await resolver()).stats(),
    'test-connection': (ask) => testConnection(ask.baseUrl, deps.fetch),
  };

  return (raw, sender) => {
    const from = deps.senderKind(sender);
    if (from === 'foreign') return undefined;
    const parsed = AskSchema.safeParse(raw);
    if (!parsed.success) return undefined;
    const ask = parsed.data;
    if (!askAllowed(from, ask.type)) return Promise.resolve({ refused: true, error: `${ask.type} is not allowed from a web page` });
    const handle = handlers[ask.type] as (ask: Ask, sender: SenderLike) => Promise<Answer>;
    return handle(ask, sender).catch((e: unknown) => ({ error: e instanceof Error ? e.message : String(e) }));
  };
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
