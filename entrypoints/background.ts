/**
 * The background: wiring only. The browser's events go to the modules of
 * components/background/, which get the browser APIs they use as arguments:
 * the settings and the resolver (resolver.ts), per-tab state in
 * storage.session and the toolbar badge (tab-state.ts), one port per page
 * (page-ports.ts), the asks of extension pages and cards (asks.ts), the
 * content scripts registered at run time (content-scripts.ts) and the
 * context menu (context-menu.ts).
 */
import { createAskListener } from '../components/background/asks';
import { createContentScripts } from '../components/background/content-scripts';
import { createContextMenu } from '../components/background/context-menu';
import { createPagePorts } from '../components/background/page-ports';
import { createSettingsAndResolver, dropLegacyCache } from '../components/background/resolver';
import { createTabStates } from '../components/background/tab-state';
import { senderKind, type SenderLike } from '../lib/sender';

export default defineBackground(() => {
  const { runtime, storage, permissions, scripting } = browser;
  const fetchNow: typeof fetch = (...a) => fetch(...a);
  const kindOf = (sender: SenderLike) => senderKind(sender, runtime.id, runtime.getURL('/'));
  const openPage = (path: string, openerTabId?: number) =>
    browser.tabs.create({ url: runtime.getURL(path as '/popup.html'), ...(openerTabId !== undefined ? { openerTabId } : {}) });

  const core = createSettingsAndResolver({ local: storage.local, indexedDB, fetch: fetchNow, version: runtime.getManifest().version });
  const scripts = createContentScripts({ settings: core.settings, scripting, permissions });
  storage.onChanged.addListener((changes, area) => {
    if (core.settingsChanged(changes, area)) void scripts.syncPublisher();
  });

  const tabs = createTabStates(storage.session, browser.action);
  browser.tabs.onUpdated.addListener((tabId, change) => tabs.tabUpdated(tabId, change));
  browser.tabs.onRemoved.addListener((tabId) => tabs.tabRemoved(tabId));

  const pages = createPagePorts({ senderKind: kindOf, tabs, settings: core.settings, resolver: core.resolver });
  runtime.onConnect.addListener((port) => pages.connected(port));
  runtime.onMessage.addListener(
    createAskListener({ senderKind: kindOf, tabs, resolver: core.resolver, session: pages.session, scripting, openPage, fetch: fetchNow }),
  );

  const menu = createContextMenu({ menus: browser.contextMenus, openPage });
  browser.contextMenus.onClicked.addListener((info, tab) => menu.clicked(info, tab));

  // Every script registered at run time, in line with the permissions held now.
  const syncScripts = () => {
    void scripts.syncPublisher();
    void scripts.syncSites();
  };
  permissions.onAdded?.addListener(syncScripts);
  permissions.onRemoved?.addListener(syncScripts);
  runtime.onInstalled.addListener(() => {
    syncScripts();
    void dropLegacyCache(storage.local);
    void menu.install();
  });
  runtime.onStartup.addListener(syncScripts);
});
