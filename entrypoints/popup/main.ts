/**
 * The popup's entry: the smallest script that can ask the background for the
 * tab's state and its paper's result, sent before the app (Preact, the zod
 * schemas, every screen) is loaded, parsed and run, so the answer's round trip
 * overlaps all of that (components/popup/app.tsx). No polyfill here: Chrome's
 * MV3 runtime.sendMessage and tabs.query return promises, Firefox has `browser`.
 */
import '../../components/common/base.css';
import '../../components/popup/popup.css';

type Ext = {
  runtime: { id?: string; sendMessage(m: unknown): Promise<unknown> };
  tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> };
};
const g = globalThis as unknown as { browser?: Ext; chrome?: Ext };
const ext = (g.browser?.runtime?.id ? g.browser : g.chrome) as Ext;

const params = new URLSearchParams(location.search);
const key = params.get('key');

/**
 * The tab the popup is about and the document now in it: `?tab=ID&url=…`
 * when a report tab or a test opens the popup as a page (the URL of the page
 * that opened it), else the active tab, whose URL activeTab lets us read. The
 * background answers only a state stored for that document.
 */
async function target(): Promise<{ id?: number; url?: string }> {
  const param = params.get('tab');
  if (param !== null && /^\d+$/.test(param)) return { id: Number(param), url: params.get('url') ?? undefined };
  const [tab] = await ext.tabs.query({ active: true, currentWindow: true });
  return { id: tab?.id, url: tab?.url };
}

const tab = target().catch((): { id?: number; url?: string } => ({}));
const first = tab.then(({ id, url }) =>
  id === undefined
    ? undefined
    : ext.runtime.sendMessage({ type: 'tab-state', tabId: id, withResult: true, ...(key ? { key } : {}), ...(url !== undefined ? { url } : {}) }),
);
// An unanswered promise must not be reported as unhandled before the app takes it.
first.catch(() => undefined);

void import('../../components/popup/app').then((m) =>
  m.mount({ tabId: tab.then((t) => t.id), tabUrl: tab.then((t) => t.url), key, query: params.get('q'), first }),
);
