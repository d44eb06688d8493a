/**
 * Content scripts: one `page` port per page. Each port gets a token (`doc`)
 * that its tab's state carries, and a page session (lib/page-session.ts)
 * that looks its papers up and streams the answers back; both go when the
 * port closes.
 */
import { systemClock } from '../../lib/clock';
import { hostOf } from '../../lib/ids/url';
import { PageMessageSchema, toPaperResult, WantMessageSchema } from '../../lib/messages';
import { createPageSession, type PageSession } from '../../lib/page-session';
import type { Resolver } from '../../lib/resolver/resolver';
import { pagePortAllowed, type SenderKind, type SenderLike } from '../../lib/sender';
import { isSiteDisabled, type Settings } from '../../lib/settings';
import type { TabStates } from './tab-state';

/** How often a page's tab state (storage.session + toolbar badge) is rewritten while answers arrive. */
const TAB_WRITE_INTERVAL_MS = 400;

/** runtime.Port, as far as a page's port is used. */
export interface PagePort {
  name: string;
  sender?: SenderLike & { frameId?: number };
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
  postMessage(message: unknown): void;
  disconnect(): void;
}

interface PagePortDeps {
  senderKind(sender: SenderLike): SenderKind;
  tabs: TabStates;
  settings(): Promise<Settings>;
  resolver(): Promise<Resolver>;
}

interface PagePorts {
  /** runtime.onConnect */
  connected(port: PagePort): void;
  /** The live page session of a tab (its latest `page` port): the popup's "Check all" reaches it. */
  session(tabId: number): PageSession | undefined;
}

export function createPagePorts({ senderKind, tabs, settings, resolver }: PagePortDeps): PagePorts {
  let docCounter = 0;
  const sessions = new Map<number, PageSession>();

  function openSession(port: PagePort, tabId: number, doc: string, stillLive: () => boolean, r: Resolver): PageSession {
    const session = createPageSession({
      tabId,
      doc,
      lookupMany: (papers, onResult, opts) => r.lookupMany(papers, onResult, opts),
      toResult: toPaperResult,
      post: (results) => port.postMessage({ type: 'results', results }),
      // Never after the page's connection closed: a last flush must not bring back a state its navigation cleared.
      writeTab: (state) => void tabs.write(state, stillLive),
      clock: systemClock,
      tabWriteIntervalMs: TAB_WRITE_INTERVAL_MS,
    });
    sessions.set(tabId, session);
    return session;
  }

  function connected(port: PagePort): void {
    if (port.name !== 'page') return;
    const sender = port.sender;
    const tabId = sender?.tab?.id;
    const from = sender ? senderKind(sender) : 'foreign';
    if (!pagePortAllowed(from, sender?.frameId, tabId) || tabId === undefined) return port.disconnect();
    // One token per page connection: the tab's state belongs to it and goes with it.
    const doc = `${Date.now().toString(36)}.${(docCounter++).toString(36)}`;
    tabs.pageOpened(tabId, doc);
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
      tabs.pageClosed(tabId, doc);
      // Keep resolving only while someone waits: a closed listing must not hold up the next page.
      void queue.then(() => {
        session?.close();
        if (session && sessions.get(tabId) === session) sessions.delete(tabId);
      });
    });
    // Pages connect while they still parse: get the resolver ready meanwhile.
    void resolver();
  }

  return { connected, session: (tabId) => sessions.get(tabId) };
}

function sameOrigin(a: string, b: string): boolean {
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}
