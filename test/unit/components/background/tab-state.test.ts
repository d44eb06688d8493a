import { beforeEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from '@webext-core/fake-browser';
import { createTabStates } from '../../../../components/background/tab-state';
import type { PaperResult, TabState } from '../../../../lib/messages';
import { toolbarBadgeFor } from '../../../../lib/toolbar';
import { fakeAction } from '../../../helpers/background-fakes';

beforeEach(() => fakeBrowser.reset());

const verified: PaperResult = { key: 'arxiv:2404.14294', id: { kind: 'arxiv', id: '2404.14294' }, state: 'verified' };
const stateOf = (tabId: number, doc?: string): TabState => ({ tabId, url: 'https://arxiv.org/abs/2404.14294', ...(doc ? { doc } : {}), papers: [verified] });

function setup() {
  const { action, icons } = fakeAction();
  const tabs = createTabStates(fakeBrowser.storage.session, action);
  const stored = async (tabId: number) => (await fakeBrowser.storage.session.get(`tab:${tabId}`))[`tab:${tabId}`];
  const badge = (tabId: number) => fakeBrowser.action.getBadgeText({ tabId });
  return { tabs, icons, stored, badge };
}

describe('tab states', () => {
  test('a page’s state is stored per tab and drawn on its toolbar badge', async () => {
    const { tabs, icons, badge } = setup();
    await tabs.write(stateOf(3, 'd1'), () => true);
    expect(await tabs.read(3)).toEqual(stateOf(3, 'd1'));
    expect(await tabs.read(4)).toBeUndefined();
    const drawn = toolbarBadgeFor([verified]);
    expect(await badge(3)).toBe(drawn.text);
    expect(await fakeBrowser.action.getTitle({ tabId: 3 })).toBe(drawn.title);
    expect(await fakeBrowser.action.getBadgeTextColor({ tabId: 3 })).toBe('#ffffff');
    expect(icons.get(3)).toEqual(drawn.icon);
  });

  test('a stored value that is not a tab state reads as none', async () => {
    const { tabs } = setup();
    await fakeBrowser.storage.session.set({ 'tab:3': { tabId: 'three', papers: 'none' } });
    expect(await tabs.read(3)).toBeUndefined();
  });

  test('a write whose connection has closed meanwhile is dropped', async () => {
    const { tabs, stored } = setup();
    await tabs.write(stateOf(3, 'd1'), () => false);
    expect(await stored(3)).toBeUndefined();
  });

  test('writes and clears of a tab run in order: a clear asked after a write lands after it', async () => {
    const { tabs, stored, badge, icons } = setup();
    const write = tabs.write(stateOf(3, 'd1'), () => true);
    const clear = tabs.clearIf(3, (s) => s.doc === 'd1');
    await Promise.all([write, clear]);
    expect(await stored(3)).toBeUndefined();
    expect(await badge(3)).toBe('');
    expect(await fakeBrowser.action.getTitle({ tabId: 3 })).toBe('Pith Lens');
    expect(icons.get(3)).toEqual(toolbarBadgeFor([]).icon);
  });

  test('the live page connection owns its state; closing it clears only its own', async () => {
    const { tabs, stored } = setup();
    tabs.pageOpened(3, 'd1');
    await tabs.write(stateOf(3, 'd1'), () => true);
    expect(tabs.writerLive(stateOf(3, 'd1'))).toBe(true);
    expect(tabs.writerLive(stateOf(3, 'd0'))).toBe(false);
    expect(tabs.writerLive(stateOf(3))).toBe(false);
    // An older connection of the same tab closing late leaves the new page's state.
    tabs.pageClosed(3, 'd0');
    await tabs.clearIf(3, () => false);
    expect(await stored(3)).toBeDefined();
    tabs.pageClosed(3, 'd1');
    await tabs.clearIf(3, () => false);
    expect(await stored(3)).toBeUndefined();
    expect(tabs.writerLive(stateOf(3, 'd1'))).toBe(false);
  });

  test('a tab loading a new document clears an orphaned state, not the live page’s', async () => {
    const { tabs, stored } = setup();
    tabs.pageOpened(3, 'live');
    await tabs.write(stateOf(3, 'live'), () => true);
    await tabs.write(stateOf(4, 'gone'), () => true);
    tabs.tabUpdated(3, { status: 'loading' });
    tabs.tabUpdated(4, { status: 'loading' });
    await tabs.clearIf(3, () => false);
    await tabs.clearIf(4, () => false);
    expect(await stored(3)).toBeDefined();
    expect(await stored(4)).toBeUndefined();
    // Other updates (a title, a favicon) clear nothing.
    await tabs.write(stateOf(4, 'gone'), () => true);
    tabs.tabUpdated(4, { status: 'complete' });
    await tabs.clearIf(4, () => false);
    expect(await stored(4)).toBeDefined();
  });

  test('a closed tab’s state goes, and its connection is no longer live', async () => {
    const { tabs, stored } = setup();
    tabs.pageOpened(3, 'd1');
    await tabs.write(stateOf(3, 'd1'), () => true);
    tabs.tabRemoved(3);
    await tabs.clearIf(3, () => false);
    expect(await stored(3)).toBeUndefined();
    expect(tabs.writerLive(stateOf(3, 'd1'))).toBe(false);
  });

  test('a tab gone before its badge is drawn is no error', async () => {
    const { action } = fakeAction();
    const tabs = createTabStates(fakeBrowser.storage.session, { ...action, setIcon: async () => Promise.reject(new Error('No tab with id: 3.')) });
    await expect(tabs.write(stateOf(3, 'd1'), () => true)).resolves.toBeUndefined();
    expect(await tabs.read(3)).toEqual(stateOf(3, 'd1'));
  });
});
