import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from '@webext-core/fake-browser';
import { createPagePorts } from '../../../../components/background/page-ports';
import { createTabStates } from '../../../../components/background/tab-state';
import type { PageMessage, PaperResult } from '../../../../lib/messages';
import { senderKind } from '../../../../lib/sender';
import { SETTINGS_KEY } from '../../../../lib/settings';
import { contentScript, EXTENSION_PAGE, fakeAction, fakePort, fakeServer, realResolver, SEED_ARXIV, SEED_TITLE } from '../../../helpers/background-fakes';

beforeEach(() => fakeBrowser.reset());

const ABS = `https://arxiv.org/abs/${SEED_ARXIV}`;
const OTHER = '2404.00001';

function setup() {
  const server = fakeServer();
  const core = realResolver(server.fetch);
  const tabs = createTabStates(fakeBrowser.storage.session, fakeAction().action);
  const kindOf = (s: Parameters<typeof senderKind>[0]) => senderKind(s, fakeBrowser.runtime.id, fakeBrowser.runtime.getURL('/'));
  const ports = createPagePorts({ senderKind: kindOf, tabs, settings: core.settings, resolver: core.resolver });
  const stored = async (tabId: number) => tabs.read(tabId);
  return { server, ports, tabs, stored };
}

const pageOf = (ids: string[], extra: Partial<PageMessage> = {}): PageMessage => ({
  type: 'page',
  url: ABS,
  kind: 'abstract',
  papers: ids.map((id) => ({ id: { kind: 'arxiv', id }, ...(id === SEED_ARXIV ? { title: SEED_TITLE } : {}) })),
  ...extra,
});
/** Every result the page was sent, latest last. */
const resultsIn = (posted: unknown[]) => posted.flatMap((m) => (m as { results: PaperResult[] }).results);

describe('page ports', () => {
  test('only a content script in a tab’s top frame keeps its port', () => {
    const { ports } = setup();
    const fromExtension = fakePort({ ...EXTENSION_PAGE, tab: { id: 3 } });
    const fromFrame = fakePort({ ...contentScript(3), frameId: 2 });
    const fromNoTab = fakePort({ id: fakeBrowser.runtime.id, url: ABS });
    const noSender = fakePort(undefined);
    const top = fakePort({ ...contentScript(3), frameId: 0 });
    for (const p of [fromExtension, fromFrame, fromNoTab, noSender, top]) ports.connected(p.port);
    expect([fromExtension, fromFrame, fromNoTab, noSender, top].map((p) => p.state.disconnected)).toEqual([true, true, true, true, false]);
    // Another port's name is not ours to judge.
    const other = fakePort(EXTENSION_PAGE, 'devtools');
    ports.connected(other.port);
    expect(other.state.disconnected).toBe(false);
  });

  test('a page’s papers are looked up: answers go back on the port and into its tab’s state', async () => {
    const { ports, stored } = setup();
    const page = fakePort(contentScript(3, ABS));
    ports.connected(page.port);
    page.say(pageOf([SEED_ARXIV, OTHER]));
    await vi.waitFor(() => expect(resultsIn(page.posted).map((r) => r.state)).toEqual(expect.arrayContaining(['verified', 'not-found'])));
    await vi.waitFor(async () => expect((await stored(3))?.papers.map((p) => p.state)).toEqual(['verified', 'not-found']));
    const state = (await stored(3))!;
    expect(state.url).toBe(ABS);
    expect(state.doc).toEqual(expect.any(String));
    expect(ports.session(3)).toBeDefined();
  });

  test('a page on a disabled site is not looked up', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { disabledSites: ['arxiv.org'] } });
    const { ports, server, stored } = setup();
    const page = fakePort(contentScript(3, ABS));
    ports.connected(page.port);
    page.say(pageOf([SEED_ARXIV]));
    page.say({ type: 'want', keys: [`arxiv:${SEED_ARXIV}`] });
    await vi.waitFor(() => expect(ports.session(3)).toBeDefined());
    expect(server.urls).toEqual([]);
    expect(page.posted).toEqual([]);
    expect(await stored(3)).toBeUndefined();
  });

  test('the page’s own address stands only within the origin the browser gave its port', async () => {
    const { ports, stored } = setup();
    const page = fakePort(contentScript(3, ABS));
    ports.connected(page.port);
    page.say(pageOf([SEED_ARXIV], { url: `https://evil.example/abs/${SEED_ARXIV}` }));
    await vi.waitFor(async () => expect((await stored(3))?.papers[0]?.state).toBe('verified'));
    expect((await stored(3))?.url).toBe(ABS);
    page.say(pageOf([SEED_ARXIV], { url: `${ABS}#section-2` }));
    await vi.waitFor(async () => expect((await stored(3))?.url).toBe(`${ABS}#section-2`));
  });

  test('a lazy listing is looked up as the page asks, or all at once on "Check all"', async () => {
    const { ports, server } = setup();
    const page = fakePort(contentScript(3, 'https://arxiv.org/list/cs.CL/new'));
    ports.connected(page.port);
    page.say(pageOf([SEED_ARXIV, OTHER], { kind: 'listing', url: 'https://arxiv.org/list/cs.CL/new', lazy: true }));
    page.say({ type: 'want', keys: [`arxiv:${OTHER}`] });
    await vi.waitFor(() => expect(resultsIn(page.posted).map((r) => r.key)).toContain(`arxiv:${OTHER}`));
    expect(server.urls.some((u) => u.includes(SEED_ARXIV))).toBe(false);
    ports.session(3)!.wantAll();
    await vi.waitFor(() => expect(resultsIn(page.posted).map((r) => r.key)).toContain(`arxiv:${SEED_ARXIV}`));
  });

  test('a closed port takes its tab’s state and its session with it', async () => {
    const { ports, stored } = setup();
    const page = fakePort(contentScript(3, ABS));
    ports.connected(page.port);
    page.say(pageOf([SEED_ARXIV]));
    await vi.waitFor(async () => expect((await stored(3))?.papers[0]?.state).toBe('verified'));
    page.close();
    await vi.waitFor(async () => expect(await stored(3)).toBeUndefined());
    await vi.waitFor(() => expect(ports.session(3)).toBeUndefined());
  });

  test('a new page in the tab keeps its state when the old one’s port closes late', async () => {
    const { ports, tabs, stored } = setup();
    const old = fakePort(contentScript(3, ABS));
    ports.connected(old.port);
    const next = fakePort(contentScript(3, ABS));
    ports.connected(next.port);
    next.say(pageOf([SEED_ARXIV]));
    await vi.waitFor(async () => expect((await stored(3))?.papers[0]?.state).toBe('verified'));
    old.close();
    await tabs.clearIf(3, () => false); // runs after the clear the old port's close asked for
    expect((await stored(3))?.papers[0]?.state).toBe('verified');
    expect(ports.session(3)).toBeDefined();
  });
});
