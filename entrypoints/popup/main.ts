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
  tabs: { query(q: object): Promise<{ id?: number }[]> };
};
const g = globalThis as unknown as { browser?: Ext; chrome?: Ext };
const ext = (g.browser?.runtime?.id ? g.browser : g.chrome) as Ext;

const params = new URLSearchParams(location.search);
const key = params.get('key');

/** `?tab=ID` when a test or an inline badge's card opens the popup as a page; the active tab otherwise. */
async function tabId(): Promise<number | undefined> {
  const param = params.get('tab');
  if (param !== null && /^\d+$/.test(param)) return Number(param);
  const [tab] = await ext.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

const tab = tabId().catch(() => undefined);
const first = tab.then((id) => (id === undefined ? undefined : ext.runtime.sendMessage(key ? { type: 'tab-state', tabId: id, withResult: true, key } : { type: 'tab-state', tabId: id, withResult: true })));
// An unanswered promise must not be reported as unhandled before the app takes it.
first.catch(() => undefined);

void import('../../components/popup/app').then((m) => m.mount({ tabId: tab, key, first }));
