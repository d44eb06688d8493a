import { beforeEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from '@webext-core/fake-browser';
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { idbStorage } from '../../../lib/resolver/idb-storage';
import { createResolver } from '../../../lib/resolver/resolver';
import { createClient } from '../../../lib/pith/client';
import { verify } from '../../../lib/pith/verify';
import { toolbarBadgeFor } from '../../../lib/toolbar';
import { parseSettings, isSiteDisabled, DEFAULT_BASE_URL } from '../../../lib/settings';
import { STATE_STYLE } from '../../../lib/states';
import { existsSync, readFileSync } from 'node:fs';
import type { PaperResult } from '../../../lib/messages';

const SEED_TEXT = readFileSync(new URL('../../fixtures/records/2404.14294v3.record.json', import.meta.url), 'utf8');

beforeEach(() => fakeBrowser.reset());

describe('the record cache in IndexedDB (fake-indexeddb)', () => {
  test('keeps values by key, and lists and removes them', async () => {
    const s = idbStorage(new IDBFactory(), 'kv-test');
    await s.set({ a: 1, b: { n: 2 } });
    expect(await s.get(['a', 'b', 'missing'])).toEqual({ a: 1, b: { n: 2 } });
    expect(Object.keys(await s.getAll!()).sort()).toEqual(['a', 'b']);
    await s.remove(['a']);
    expect(await s.get(['a'])).toEqual({});
  });

  test('the resolver caches through it: the second lookup makes no request, even after a "worker restart"', async () => {
    let requests = 0;
    const fetchFake: typeof fetch = async (input) => {
      requests++;
      const url = String(input);
      if (url.includes('/api/pith-number/resolve')) return new Response(SEED_TEXT, { status: 200, headers: { 'content-type': 'application/json' } });
      return new Response('not found', { status: 404 });
    };
    const factory = new IDBFactory();
    const make = () =>
      createResolver({
        client: createClient({ baseUrls: [DEFAULT_BASE_URL], fetch: fetchFake, retries: 0 }),
        storage: idbStorage(factory),
        verify: (t) => verify(t),
        now: () => 1_000_000,
        flushDelayMs: 0,
      });
    const id = { kind: 'arxiv', id: '2404.14294' } as const;
    const first = make();
    expect((await first.lookup(id)).state).toBe('verified');
    await first.idle();
    expect(requests).toBe(1);
    // A new resolver over the same database stands for a restarted service worker.
    const again = await make().lookup(id, { title: 'A Survey on Efficient Inference for Large Language Models' });
    expect(again.state).toBe('verified');
    expect(requests).toBe(1);
  });
});

describe('toolbar badge', () => {
  const r = (state: PaperResult['state'], n = 0): PaperResult => ({ key: `arxiv:${n}`, id: { kind: 'arxiv', id: `2404.0000${n}` }, state });

  test('one paper shows its state', () => {
    for (const s of ['verified', 'unsigned', 'invalid', 'mismatch', 'not-found', 'error', 'pending'] as const) {
      const b = toolbarBadgeFor([r(s)]);
      expect(b.text).toBe(STATE_STYLE[s].badge);
      expect(b.color).toBe(STATE_STYLE[s].color);
      expect(b.title).toContain(STATE_STYLE[s].label);
      expect(b.icon['16']).toBe(`icon/state/state-${s}-16.png`);
      expect(existsSync(new URL(`../../../public/${b.icon['32']}`, import.meta.url))).toBe(true);
    }
  });

  test('a listing counts papers with records; any invalid turns it red; pending while any is pending', () => {
    expect(toolbarBadgeFor([r('verified', 1), r('unsigned', 2), r('not-found', 3)])).toMatchObject({ text: '2', color: STATE_STYLE.verified.color });
    expect(toolbarBadgeFor([r('verified', 1), r('invalid', 2)]).color).toBe(STATE_STYLE.invalid.color);
    expect(toolbarBadgeFor([r('verified', 1), r('pending', 2)]).text).toBe(STATE_STYLE.pending.badge);
    expect(toolbarBadgeFor([r('verified', 1), r('invalid', 2)]).title).toMatch(/2 papers: 1 verified, 1 invalid/);
    expect(toolbarBadgeFor([]).text).toBe('');
  });

  test('a listing checked near the viewport says how much of it is checked', () => {
    const rows = [
      r('verified', 1),
      r('not-found', 2),
      r('pending', 3),
      ...Array.from({ length: 1997 }, (_, i) => ({ ...r('pending', 10 + i), unchecked: true })),
    ];
    const b = toolbarBadgeFor(rows);
    expect(b.title).toBe('Pith Lens — 2 of 2,000 papers checked: 1 verified, 1 no pith number, 1 checking');
    expect(b.text).toBe(STATE_STYLE.pending.badge); // one still in flight
    const settled = toolbarBadgeFor(rows.filter((x) => x.state !== 'pending' || x.unchecked));
    expect(settled.text).toBe('1');
  });
});

describe('settings', () => {
  test('defaults, and a bad field falls back alone', () => {
    expect(parseSettings(undefined).baseUrl).toBe(DEFAULT_BASE_URL);
    const s = parseSettings({ baseUrl: 'ftp://evil', inlineBadges: false, disabledSites: ['Example.ORG'] });
    expect(s.baseUrl).toBe(DEFAULT_BASE_URL);
    expect(s.inlineBadges).toBe(false);
    expect(isSiteDisabled(s, 'www.example.org')).toBe(true);
    expect(isSiteDisabled(s, 'example.com')).toBe(false);
  });

  test('http is allowed only on this machine', () => {
    expect(parseSettings({ baseUrl: 'http://127.0.0.1:8787/' }).baseUrl).toBe('http://127.0.0.1:8787');
    expect(parseSettings({ baseUrl: 'http://pith.science' }).baseUrl).toBe(DEFAULT_BASE_URL);
    expect(parseSettings({ baseUrl: 'not a url', mirrors: ['also junk'] }).baseUrl).toBe(DEFAULT_BASE_URL);
  });
});
