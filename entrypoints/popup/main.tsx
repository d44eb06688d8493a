import './jitless';
import { render } from 'preact';
import { Popup } from '../../components/popup/Popup';
import { loadFirst, type PopupApi } from '../../components/popup/api';
import { copyText } from '../../components/common/clipboard';
import { RECENT_KEY } from '../../lib/view-model';
import '../../components/common/base.css';
import '../../components/popup/popup.css';

/** `?tab=ID` when a test opens the popup as a page; the active tab otherwise. */
async function tabId(): Promise<number | undefined> {
  const param = new URLSearchParams(location.search).get('tab');
  if (param !== null && /^\d+$/.test(param)) return Number(param);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

const key = new URLSearchParams(location.search).get('key');
const query = new URLSearchParams(location.search).get('q');

const api: PopupApi = {
  send: (message) => browser.runtime.sendMessage(message),
  tabId,
  ...(key ? { initialKey: key } : {}),
  getRecent: async () => (await browser.storage.local.get(RECENT_KEY))[RECENT_KEY],
  setRecent: (list) => browser.storage.local.set({ [RECENT_KEY]: list }),
  openOptions: () => void browser.runtime.openOptionsPage(),
  copy: copyText,
  now: () => Date.now(),
  ...(query !== null ? { initialQuery: query } : {}),
  tabUrl: async (id) => (await browser.tabs.get(id)).url,
  hasOrigins: (origins) => browser.permissions.contains({ origins }),
  requestOrigins: (origins) => browser.permissions.request({ origins }),
};

// Ask for the tab (and its paper's result) before mounting, so the answer is on its way meanwhile.
const first = loadFirst(api);
render(<Popup api={api} first={first} />, document.getElementById('app')!);
