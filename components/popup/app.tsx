import './jitless';
import { render } from 'preact';
import { Popup } from './Popup';
import { loadFirst, type PopupApi } from './api';
import { copyText } from '../common/clipboard';
import { RECENT_KEY } from '../../lib/popup/recent';

/** What entrypoints/popup/main.ts started before this chunk was loaded. */
export interface Early {
  tabId: Promise<number | undefined>;
  /** The document now in that tab (see main.ts). */
  tabUrl: Promise<string | undefined>;
  key: string | null;
  /** `?q=` when "Look up in Pith Lens" (context menu) opened this view. */
  query: string | null;
  /** The raw answer to `{type: 'tab-state', tabId, withResult: true, key?}`, already in flight. */
  first: Promise<unknown> | undefined;
}

/** The popup app: mounted by the entry once this chunk is loaded, with the first answer already on its way. */
export function mount(early: Early): void {
  let first = early.first;
  const api: PopupApi = {
    send: (message) => {
      // The popup's first request was sent by the entry: its answer is used, not asked for again.
      if (first && message.type === 'tab-state' && message.withResult) {
        const p = first;
        first = undefined;
        return p;
      }
      return browser.runtime.sendMessage(message);
    },
    tabId: () => early.tabId,
    tabUrl: () => early.tabUrl,
    ...(early.key ? { initialKey: early.key } : {}),
    ...(early.query !== null ? { initialQuery: early.query } : {}),
    hasOrigins: (origins) => browser.permissions.contains({ origins }),
    requestOrigins: (origins) => browser.permissions.request({ origins }),
    getRecent: async () => (await browser.storage.local.get(RECENT_KEY))[RECENT_KEY],
    setRecent: (list) => browser.storage.local.set({ [RECENT_KEY]: list }),
    openOptions: () => void browser.runtime.openOptionsPage(),
    copy: copyText,
    now: () => Date.now(),
  };

  render(<Popup api={api} first={loadFirst(api)} />, document.getElementById('app')!);
}
