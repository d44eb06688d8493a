import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from '@webext-core/fake-browser';
import { createAskListener, type AskDeps } from '../../../../components/background/asks';
import { createTabStates } from '../../../../components/background/tab-state';
import { PAGES_SCRIPT } from '../../../../lib/browser/site-scripts';
import type { Ask, PaperResult, TabState } from '../../../../lib/messages';
import { senderKind, type SenderLike } from '../../../../lib/sender';
import {
  contentScript,
  EXTENSION_PAGE,
  fakeAction,
  fakeScripting,
  fakeServer,
  realResolver,
  SEED_ARXIV,
  SEED_TITLE,
  STRANGER,
} from '../../../helpers/background-fakes';

beforeEach(() => fakeBrowser.reset());

const ABS = `https://arxiv.org/abs/${SEED_ARXIV}`;
const seedPaper = (state: PaperResult['state']): PaperResult => ({
  key: `arxiv:${SEED_ARXIV}`,
  id: { kind: 'arxiv', id: SEED_ARXIV },
  state,
  title: SEED_TITLE,
});
const stateOf = (tabId: number, doc: string, papers: PaperResult[] = [seedPaper('verified')]): TabState => ({ tabId, url: ABS, doc, kind: 'abstract', papers });

function setup(over: Partial<AskDeps> = {}, opts: { injectable?: (tabId: number) => boolean } = {}) {
  const server = fakeServer();
  const core = realResolver(server.fetch);
  const tabs = createTabStates(fakeBrowser.storage.session, fakeAction().action);
  const { scripting, injected } = fakeScripting(opts);
  const sessions = new Map<number, { wantAll: () => void }>();
  const opened: { path: string; openerTabId?: number }[] = [];
  const listener = createAskListener({
    senderKind: (s) => senderKind(s, fakeBrowser.runtime.id, fakeBrowser.runtime.getURL('/')),
    tabs,
    resolver: core.resolver,
    session: (tabId) => sessions.get(tabId),
    scripting,
    openPage: async (path, openerTabId) => void opened.push({ path, ...(openerTabId !== undefined ? { openerTabId } : {}) }),
    fetch: server.fetch,
    ...over,
  });
  const ask = (message: Ask | Record<string, unknown>, sender: SenderLike = EXTENSION_PAGE) => listener(message, sender);
  return { ask, core, tabs, sessions, opened, injected };
}

describe('who may ask', () => {
  test('a stranger, or a message that is no ask, gets no answer', () => {
    const { ask } = setup();
    expect(ask({ type: 'cache-stats' }, STRANGER)).toBeUndefined();
    expect(ask({ type: 'cache-stats' }, { url: EXTENSION_PAGE.url! })).toBeUndefined();
    expect(ask({ type: 'format-disk' })).toBeUndefined();
    expect(ask({ type: 'tab-state', tabId: 'all' })).toBeUndefined();
  });

  test('a content script is refused everything but opening its own report', async () => {
    const { ask } = setup();
    const page = contentScript(3, ABS);
    const forbidden: Ask[] = [
      { type: 'tab-state', tabId: 4, withResult: true },
      { type: 'detect', tabId: 4 },
      { type: 'lookup', id: { kind: 'arxiv', id: SEED_ARXIV } },
      { type: 'clear-cache' },
      { type: 'cache-stats' },
      { type: 'check-all', tabId: 4 },
      { type: 'test-connection', baseUrl: 'https://evil.example/' },
    ];
    for (const m of forbidden) expect(await ask(m, page)).toEqual({ refused: true, error: `${m.type} is not allowed from a web page` });
  });
});

describe('open-report', () => {
  test('opens the report of a paper of the sender’s own tab, with the page’s address', async () => {
    const { ask, opened } = setup();
    expect(await ask({ type: 'open-report', key: `arxiv:${SEED_ARXIV}` }, contentScript(3, ABS))).toEqual({ ok: true });
    expect(opened).toEqual([{ path: `/popup.html?${new URLSearchParams({ tab: '3', key: `arxiv:${SEED_ARXIV}`, url: ABS })}`, openerTabId: 3 }]);
  });

  test('a sender in no tab opens nothing', async () => {
    const { ask, opened } = setup();
    expect(await ask({ type: 'open-report', key: `arxiv:${SEED_ARXIV}` }, EXTENSION_PAGE)).toEqual({ ok: false });
    expect(opened).toEqual([]);
  });
});

describe('tab-state', () => {
  test('a tab with no state is answered with no papers', async () => {
    const { ask } = setup();
    expect(await ask({ type: 'tab-state', tabId: 3 })).toEqual({ tabId: 3, papers: [] });
  });

  test('a stored state is answered only for the document the popup sees (fragment aside)', async () => {
    const { ask, tabs } = setup();
    await tabs.write(stateOf(3, 'd1'), () => true);
    expect(await ask({ type: 'tab-state', tabId: 3, url: `${ABS}#S2` })).toEqual(stateOf(3, 'd1'));
    expect(await ask({ type: 'tab-state', tabId: 3, url: 'https://arxiv.org/abs/2404.00001' })).toEqual({ tabId: 3, papers: [] });
  });

  test('without the document’s address, only while the page that wrote it is live', async () => {
    const { ask, tabs } = setup();
    await tabs.write(stateOf(3, 'd1'), () => true);
    expect(await ask({ type: 'tab-state', tabId: 3 })).toEqual({ tabId: 3, papers: [] });
    tabs.pageOpened(3, 'd1');
    expect(await ask({ type: 'tab-state', tabId: 3 })).toEqual(stateOf(3, 'd1'));
  });

  test('withResult: the lookup of the paper the popup opens on rides along once the page has its answer', async () => {
    const { ask, tabs } = setup();
    await tabs.write(stateOf(3, 'd1'), () => true);
    const answer = (await ask({ type: 'tab-state', tabId: 3, withResult: true, url: ABS })) as TabState & { result?: { state: string } };
    expect(answer).toMatchObject(stateOf(3, 'd1'));
    expect(answer.result?.state).toBe('verified');
    await tabs.write(stateOf(4, 'd2', [seedPaper('pending')]), () => true);
    expect(await ask({ type: 'tab-state', tabId: 4, withResult: true, url: ABS })).toEqual(stateOf(4, 'd2', [seedPaper('pending')]));
  });
});

describe('detect', () => {
  test('a tab whose live page has papers needs no detector', async () => {
    const { ask, tabs, injected } = setup();
    tabs.pageOpened(3, 'd1');
    await tabs.write(stateOf(3, 'd1'), () => true);
    expect(await ask({ type: 'detect', tabId: 3 })).toEqual({ ok: true });
    expect(injected).toEqual([]);
  });

  test('otherwise the publisher detector runs in the tab, on demand', async () => {
    const { ask, injected } = setup();
    expect(await ask({ type: 'detect', tabId: 3 })).toEqual({ ok: true });
    expect(injected).toEqual([
      { tabId: 3, func: true },
      { tabId: 3, func: false, files: [PAGES_SCRIPT] },
    ]);
  });

  test('a tab the extension may not script says why', async () => {
    const { ask } = setup({}, { injectable: () => false });
    expect(await ask({ type: 'detect', tabId: 3 })).toEqual({ ok: false, detail: 'Cannot access contents of the page.' });
  });
});

describe('the resolver’s asks', () => {
  test('lookup answers the full result', async () => {
    const { ask } = setup();
    const r = (await ask({ type: 'lookup', id: { kind: 'arxiv', id: SEED_ARXIV }, title: SEED_TITLE })) as { state: string; recordText?: string };
    expect(r.state).toBe('verified');
    expect(r.recordText).toEqual(expect.any(String));
  });

  test('cache-stats counts the cache; clear-cache empties it', async () => {
    const { ask, core } = setup();
    await ask({ type: 'lookup', id: { kind: 'arxiv', id: SEED_ARXIV } });
    await (await core.resolver()).idle();
    expect(await ask({ type: 'cache-stats' })).toMatchObject({ entries: 1 });
    expect(await ask({ type: 'clear-cache' })).toEqual({ ok: true });
    expect(await ask({ type: 'cache-stats' })).toMatchObject({ entries: 0 });
  });

  test('a clear that fails is answered with its error, not ok', async () => {
    const core = realResolver(fakeServer().fetch);
    const broken = async () => ({ ...(await core.resolver()), clear: () => Promise.reject(new Error('storage refused the write')) });
    const { ask } = setup({ resolver: broken });
    expect(await ask({ type: 'clear-cache' })).toEqual({ error: 'storage refused the write' });
  });

  test('test-connection reaches the address it is given', async () => {
    const { ask } = setup();
    expect(await ask({ type: 'test-connection', baseUrl: 'https://mirror.example.org' })).toEqual({
      ok: true,
      detail: expect.stringMatching(/^Reached mirror\.example\.org in \d+ ms/),
    });
  });
});

test('check-all reaches the tab’s live page, if it has one', async () => {
  const { ask, sessions } = setup();
  const wantAll = vi.fn();
  sessions.set(3, { wantAll });
  expect(await ask({ type: 'check-all', tabId: 3 })).toEqual({ ok: true });
  expect(wantAll).toHaveBeenCalledOnce();
  expect(await ask({ type: 'check-all', tabId: 4 })).toEqual({ ok: false });
});
