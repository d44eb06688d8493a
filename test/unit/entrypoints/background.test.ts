/**
 * entrypoints/background.ts wires the browser's events to components/background/:
 * this starts it on @webext-core/fake-browser, with typed fakes for what that
 * lacks (runtime.onConnect, getManifest, action.setIcon, scripting,
 * permissions, contextMenus), and checks each wire by what the browser sees.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from '@webext-core/fake-browser';
import type { PagePort } from '../../../components/background/page-ports';
import { MENU_ID, MENU_TITLE, type MenuClick } from '../../../lib/browser/context-menu';
import type { SenderLike } from '../../../lib/sender';
import { SETTINGS_KEY } from '../../../lib/settings';
import {
  contentScript,
  EXTENSION_PAGE,
  fakeAction,
  fakeEvent,
  fakeMenus,
  fakePermissions,
  fakePort,
  fakeScripting,
  fakeServer,
  SEED_ARXIV,
  SEED_TITLE,
} from '../../helpers/background-fakes';

type MessageSender = Parameters<typeof fakeBrowser.runtime.onMessage.trigger>[1];

let main: () => void;
beforeAll(async () => {
  vi.stubGlobal('defineBackground', (run: () => void) => ({ main: run }));
  main = (await import('../../../entrypoints/background')).default.main;
});
afterEach(() => vi.unstubAllGlobals());

const ABS = `https://arxiv.org/abs/${SEED_ARXIV}`;

/** Starts a fresh background on a fresh fake browser. */
function start() {
  fakeBrowser.reset();
  const onConnect = fakeEvent<[PagePort]>();
  const { permissions, origins } = fakePermissions();
  const { scripting, registered } = fakeScripting();
  const { menus, items } = fakeMenus();
  const onClicked = fakeEvent<[MenuClick, { id?: number } | undefined]>();
  const server = fakeServer();
  vi.stubGlobal('fetch', server.fetch);
  vi.stubGlobal('browser', {
    ...fakeBrowser,
    runtime: { ...fakeBrowser.runtime, onConnect, getManifest: () => ({ version: '0.0.0-test' }) },
    action: fakeAction().action,
    permissions: { ...permissions, onAdded: fakeEvent<[]>(), onRemoved: fakeEvent<[]>() },
    scripting,
    contextMenus: { ...menus, onClicked },
  });
  main();
  /** runtime.onMessage as the browser fires it: the answer the sender would get. */
  const ask = async (message: unknown, sender: SenderLike) =>
    (await fakeBrowser.runtime.onMessage.trigger(message, sender as MessageSender, () => undefined))[0];
  const stored = async (tabId: number) => (await fakeBrowser.storage.session.get(`tab:${tabId}`))[`tab:${tabId}`];
  const tabUrls = async () => (await fakeBrowser.tabs.query({})).map((t) => t.url);
  return { ask, stored, tabUrls, connect: onConnect.trigger, click: onClicked.trigger, origins, registered, items };
}

/** A page in tab 3 that reported the seed paper, once its state is stored. */
async function pageWithSeed(bg: ReturnType<typeof start>) {
  const page = fakePort(contentScript(3, ABS));
  bg.connect(page.port);
  page.say({ type: 'page', url: ABS, kind: 'abstract', papers: [{ id: { kind: 'arxiv', id: SEED_ARXIV }, title: SEED_TITLE }] });
  await vi.waitFor(async () => expect((await bg.stored(3)) as object).toMatchObject({ papers: [{ state: 'verified' }] }));
  return page;
}

describe('asks', () => {
  test('a tab-state ask from an extension page is answered', async () => {
    const bg = start();
    expect(await bg.ask({ type: 'tab-state', tabId: 3 }, EXTENSION_PAGE)).toEqual({ tabId: 3, papers: [] });
    await pageWithSeed(bg);
    expect(await bg.ask({ type: 'tab-state', tabId: 3, url: ABS }, EXTENSION_PAGE)).toMatchObject({ tabId: 3, url: ABS, papers: [{ state: 'verified' }] });
  });

  test('a content script is refused anything but open-report, which opens its report in a tab', async () => {
    const bg = start();
    expect(await bg.ask({ type: 'tab-state', tabId: 3 }, contentScript(3, ABS))).toEqual({ refused: true, error: 'tab-state is not allowed from a web page' });
    expect(await bg.ask({ type: 'clear-cache' }, contentScript(3, ABS))).toMatchObject({ refused: true });
    expect(await bg.ask({ type: 'open-report', key: `arxiv:${SEED_ARXIV}` }, contentScript(3, ABS))).toEqual({ ok: true });
    const query = new URLSearchParams({ tab: '3', key: `arxiv:${SEED_ARXIV}`, url: ABS });
    expect(await bg.tabUrls()).toContain(fakeBrowser.runtime.getURL(`/popup.html?${query}` as '/popup.html'));
  });

  test('lookups go to the resolver, through the global fetch', async () => {
    const bg = start();
    expect(await bg.ask({ type: 'lookup', id: { kind: 'arxiv', id: SEED_ARXIV } }, EXTENSION_PAGE)).toMatchObject({ state: 'verified' });
  });
});

describe('pages and tabs', () => {
  test('a page’s port writes its tab’s state and badge; its disconnect clears them', async () => {
    const bg = start();
    const page = await pageWithSeed(bg);
    expect(page.posted).toContainEqual({ type: 'results', results: [expect.objectContaining({ state: 'verified' })] });
    expect(await fakeBrowser.action.getBadgeText({ tabId: 3 })).not.toBe('');
    page.close();
    await vi.waitFor(async () => expect(await bg.stored(3)).toBeUndefined());
    expect(await fakeBrowser.action.getBadgeText({ tabId: 3 })).toBe('');
  });

  test('a closed tab’s state goes', async () => {
    const bg = start();
    await pageWithSeed(bg);
    await fakeBrowser.tabs.onRemoved.trigger(3, { windowId: 0, isWindowClosing: false });
    await vi.waitFor(async () => expect(await bg.stored(3)).toBeUndefined());
  });

  test('"Check all" reaches the tab’s live page', async () => {
    const bg = start();
    expect(await bg.ask({ type: 'check-all', tabId: 3 }, EXTENSION_PAGE)).toEqual({ ok: false });
    await pageWithSeed(bg);
    expect(await bg.ask({ type: 'check-all', tabId: 3 }, EXTENSION_PAGE)).toEqual({ ok: true });
  });
});

describe('install, settings and the context menu', () => {
  test('install creates the menu and drops the legacy cache', async () => {
    const bg = start();
    await fakeBrowser.storage.local.set({ 'c:arxiv:2404.14294': {}, [SETTINGS_KEY]: {} });
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', previousVersion: '0.0.1' } as never);
    await vi.waitFor(() => expect(bg.items).toEqual([{ id: MENU_ID, title: MENU_TITLE }]));
    await vi.waitFor(async () => expect(Object.keys(await fakeBrowser.storage.local.get(null))).toEqual([SETTINGS_KEY]));
  });

  test('turning on "Detect papers on other sites" registers the publisher script', async () => {
    const bg = start();
    bg.origins.add('*://*/*');
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { detectOtherSites: true } });
    await vi.waitFor(() => expect([...bg.registered.keys()]).toEqual(['pith-lens-publisher']));
  });

  test('a click on "Look up in Pith Lens" opens the report view', async () => {
    const bg = start();
    bg.click({ menuItemId: MENU_ID, selectionText: SEED_ARXIV }, { id: 5 });
    await vi.waitFor(async () => expect(await bg.tabUrls()).toContain(fakeBrowser.runtime.getURL(`/popup.html?tab=5&q=${SEED_ARXIV}` as '/popup.html')));
  });
});
