import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from '@webext-core/fake-browser';
import { createContextMenu } from '../../../../components/background/context-menu';
import { MENU_ID, MENU_TITLE } from '../../../../lib/browser/context-menu';
import { fakeMenus } from '../../../helpers/background-fakes';

beforeEach(() => fakeBrowser.reset());

/** The menu over fake-browser's tabs; the pages it opened, with their openers. */
function setup(menus = fakeMenus().menus) {
  const opened: { url: string; openerTabId?: number }[] = [];
  const menu = createContextMenu({
    menus,
    openPage: async (path, openerTabId) => {
      const url = fakeBrowser.runtime.getURL(path as '/popup.html');
      opened.push({ url, ...(openerTabId !== undefined ? { openerTabId } : {}) });
      return fakeBrowser.tabs.create({ url });
    },
  });
  return { menu, opened };
}

describe('Look up in Pith Lens', () => {
  test('install creates the one item, again on every update', async () => {
    const { menus, items } = fakeMenus();
    const { menu } = setup(menus);
    await menu.install();
    await menu.install();
    expect(items).toEqual([{ id: MENU_ID, title: MENU_TITLE }]);
  });

  test('an install the browser refuses is no error', async () => {
    const { menu } = setup({ create: () => undefined, removeAll: () => Promise.reject(new Error('no menus here')) });
    await expect(menu.install()).resolves.toBeUndefined();
  });

  test('a click on a link opens the report view for it, next to the page’s tab', async () => {
    const { menu, opened } = setup();
    menu.clicked({ menuItemId: MENU_ID, linkUrl: 'https://arxiv.org/abs/2404.14294' }, { id: 5 });
    const q = new URLSearchParams({ tab: '5', q: 'https://arxiv.org/abs/2404.14294' });
    expect(opened).toEqual([{ url: fakeBrowser.runtime.getURL(`/popup.html?${q}` as '/popup.html'), openerTabId: 5 }]);
    await vi.waitFor(async () => expect((await fakeBrowser.tabs.query({})).map((t) => t.url)).toContain(opened[0]!.url));
  });

  test('a selection outside any tab opens the view without an opener; another menu’s click opens nothing', () => {
    const { menu, opened } = setup();
    menu.clicked({ menuItemId: MENU_ID, selectionText: ' 2404.14294 ' }, { id: -1 });
    menu.clicked({ menuItemId: 'someone-else', selectionText: '2404.14294' }, { id: 5 });
    expect(opened).toEqual([{ url: fakeBrowser.runtime.getURL(`/popup.html?q=2404.14294` as '/popup.html') }]);
  });
});
