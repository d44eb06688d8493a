import './jitless';
import { render } from 'preact';
import { Popup } from '../../components/popup/Popup';
import { loadFirst, type PopupApi } from '../../components/popup/api';
import { copyText } from '../../components/common/clipboard';
import { RECENT_KEY } from '../../lib/popup/recent';
import '../../components/common/base.css';
import '../../components/popup/popup.css';

const params = new URLSearchParams(location.search);

/** `?tab=ID` when a report tab or a test opens the popup as a page; the active tab otherwise. */
async function tabId(): Promise<number | undefined> {
  const param = params.get('tab');
  if (param !== null && /^\d+$/.test(param)) return Number(param);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

/**
 * The document now in that tab: readable under activeTab when the popup
 * opens on it; a report tab carries the address of the page that opened it.
 */
async function tabUrl(): Promise<string | undefined> {
  if (params.get('tab') !== null) return params.get('url') ?? undefined;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.url;
}

const key = params.get('key');
const query = params.get('q');

const api: PopupApi = {
  send: (message) => browser.runtime.sendMessage(message),
  tabId,
  tabUrl,
  ...(key ? { initialKey: key } : {}),
  getRecent: async () => (await browser.storage.local.get(RECENT_KEY))[RECENT_KEY],
  setRecent: (list) => browser.storage.local.set({ [RECENT_KEY]: list }),
  openOptions: () => void browser.runtime.openOptionsPage(),
  copy: copyText,
  now: () => Date.now(),
  ...(query !== null ? { initialQuery: query } : {}),
  hasOrigins: (origins) => browser.permissions.contains({ origins }),
  requestOrigins: (origins) => browser.permissions.request({ origins }),
};

// Ask for the tab (and its paper's result) before mounting, so the answer is on its way meanwhile.
const first = loadFirst(api);
render(<Popup api={api} first={first} />, document.getElementById('app')!);
