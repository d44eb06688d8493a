import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPageSession, type PageSession } from '../../lib/page-session';
import { createResolver } from '../../lib/resolver/resolver';
import { memoryStorage } from '../../lib/resolver/storage';
import { titleCanonSha256 } from '../../lib/pith/hash';
import { toPaperResult, type PageMessage, type PaperResult, type TabState } from '../../lib/messages';
import type { ClientResult } from '../../lib/pith/client';
import type { PaperId } from '../../lib/ids/key';
import { checkTitle } from '../../lib/pith/checks/title';
import type { VerifyReport } from '../../lib/pith/report';

/**
 * The page session with the real resolver (memory storage) and a resolver
 * client whose answers the test releases: the network is the only fake.
 */
const ax = (id: string): PaperId => ({ kind: 'arxiv', id });
const key = (id: string) => `arxiv:${id}`;
const titleOf = (id: string) => `Paper ${id}: a Title`;

function recordText(id: string, served = titleOf(id)): string {
  return JSON.stringify({
    pith_number: 'pith:2024:AAAAAAAABBBBBBBBCCCCCCCCDD',
    canonical_record: { source: { id, kind: 'arxiv', version: 1 }, metadata: { title_canon_sha256: titleCanonSha256(titleOf(id)) } },
    paper: { title: served },
  });
}

/** A verifier whose signature passes, with the real served-title check (what signedTitle is taken from). */
const verify = (text: string): VerifyReport => {
  const rec = JSON.parse(text) as { pith_number: string; paper: { title: string }; canonical_record: { metadata: { title_canon_sha256: string } } };
  return {
    state: 'verified',
    pithNumber: rec.pith_number,
    keyPinned: true,
    checks: [
      { name: 'signature', outcome: 'pass', detail: 'd' },
      { name: 'binding', outcome: 'skip', detail: 'd' },
      checkTitle(rec.paper.title, rec.canonical_record.metadata.title_canon_sha256),
    ],
  };
};

function world(opts: { concurrency?: number; served?: (id: string) => string | null } = {}) {
  const calls: string[] = [];
  const waiting = new Map<string, () => void>();
  const client = {
    resolve: (id: PaperId): Promise<ClientResult> => {
      calls.push(id.id);
      return new Promise((resolve) =>
        waiting.set(id.id, () => {
          const served = opts.served ? opts.served(id.id) : titleOf(id.id);
          resolve(
            served === null ? { kind: 'not-found', host: 'pith.test' } : { kind: 'record', text: recordText(id.id, served), host: 'pith.test', url: 'x' },
          );
        }),
      );
    },
  };
  const resolver = createResolver({ client, storage: memoryStorage(), verify, concurrency: opts.concurrency ?? 2, flushDelayMs: 0 });
  const posts: PaperResult[][] = [];
  const tabs: TabState[] = [];
  const session = createPageSession({
    tabId: 7,
    lookupMany: (papers, onResult, o) => resolver.lookupMany(papers, onResult, o),
    toResult: toPaperResult,
    post: (r) => posts.push(r),
    writeTab: (s) => tabs.push(s),
    clock: { now: () => Date.now(), setTimeout: (cb, ms) => setTimeout(cb, ms), clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>) },
  });
  /** Let the resolver's promises run (cache reads, limiter), without moving the clock. */
  const settle = async () => {
    for (let i = 0; i < 20; i++) await Promise.resolve();
  };
  const answer = async (id: string) => {
    const go = waiting.get(id);
    if (!go) throw new Error(`no request in flight for ${id}: ${[...waiting.keys()].join(', ')}`);
    waiting.delete(id);
    go();
    await settle();
  };
  return { resolver, session, calls, waiting, posts, tabs, settle, answer };
}

const ids = Array.from({ length: 10 }, (_, i) => `2501.000${String(i).padStart(2, '0')}`);
const listing = (extra: Partial<PageMessage> = {}): PageMessage => ({
  type: 'page',
  url: 'https://arxiv.org/list/cs.CL/new',
  kind: 'listing',
  papers: ids.map((id) => ({ id: ax(id), title: titleOf(id) })),
  lazy: true,
  ...extra,
});

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('a lazy listing', () => {
  it('starts nothing until the page asks; the tab state shows every row as not yet checked', async () => {
    const w = world();
    w.session.page(listing());
    await w.settle();
    await vi.advanceTimersByTimeAsync(1000);
    expect(w.calls).toEqual([]);
    const tab = w.tabs.at(-1)!;
    expect(tab.papers).toHaveLength(10);
    expect(tab.papers.every((p) => p.state === 'pending' && p.unchecked === true)).toBe(true);
  });

  it('looks up what `want` names, in that order, and only that', async () => {
    const w = world({ concurrency: 2 });
    w.session.page(listing());
    w.session.want([key(ids[3]!), key(ids[1]!), key(ids[2]!)]);
    await w.settle();
    expect(w.calls).toEqual([ids[3], ids[1]]); // the limiter's width
    await w.answer(ids[3]!);
    expect(w.calls).toEqual([ids[3], ids[1], ids[2]]);
    await w.answer(ids[1]!);
    await w.answer(ids[2]!);
    await vi.advanceTimersByTimeAsync(20);
    const posted = w.posts.flat().map((r) => r.key);
    expect(posted).toEqual([key(ids[3]!), key(ids[1]!), key(ids[2]!)]);
    expect(w.posts.flat().every((r) => r.state === 'verified')).toBe(true);
    const tab = w.tabs.at(-1)!;
    expect(tab.papers.filter((p) => p.unchecked).map((p) => p.key)).toEqual([0, 4, 5, 6, 7, 8, 9].map((i) => key(ids[i]!)));
    expect(w.session.running).toBe(0);
  });

  it('a new wish drops the rows not yet started; lookups in flight finish', async () => {
    const w = world({ concurrency: 2 });
    w.session.page(listing());
    w.session.want(ids.slice(0, 6).map(key));
    await w.settle();
    expect(w.calls).toEqual(ids.slice(0, 2));
    // The reader scrolled to the bottom.
    w.session.want([key(ids[9]!), key(ids[8]!)]);
    await w.settle();
    await w.answer(ids[0]!);
    await w.answer(ids[1]!);
    expect(w.calls).toEqual([ids[0], ids[1], ids[9], ids[8]]);
    await w.answer(ids[9]!);
    await w.answer(ids[8]!);
    await vi.advanceTimersByTimeAsync(20);
    // The two that were in flight still reach the page (their rows may come back into view).
    expect(new Set(w.posts.flat().map((r) => r.key))).toEqual(new Set([0, 1, 9, 8].map((i) => key(ids[i]!))));
    expect(w.calls).toHaveLength(4);
    // The rows dropped before they started are "not yet checked" again, not "checking" for ever.
    const tab = w.session.snapshot();
    expect(tab.papers.filter((p) => p.state === 'pending' && !p.unchecked)).toEqual([]);
    expect(tab.papers.filter((p) => p.unchecked).map((p) => p.key)).toEqual([2, 3, 4, 5, 6, 7].map((i) => key(ids[i]!)));
  });

  it('asking again for a row in flight does not fetch it twice', async () => {
    const w = world({ concurrency: 2 });
    w.session.page(listing());
    w.session.want([key(ids[0]!)]);
    await w.settle();
    w.session.want([key(ids[0]!), key(ids[1]!)]);
    await w.settle();
    await w.answer(ids[0]!);
    await w.answer(ids[1]!);
    await vi.advanceTimersByTimeAsync(20);
    expect(w.calls).toEqual([ids[0], ids[1]]);
    expect(w.posts.flat().filter((r) => r.key === key(ids[0]!))).toHaveLength(1);
  });

  it('cached rows come back in one message at once; network answers in one message per 16 ms', async () => {
    const w = world({ concurrency: 6 });
    // Warm the cache for the first three.
    const warm = w.resolver.lookupMany(
      ids.slice(0, 3).map((id) => ({ id: ax(id) })),
      () => undefined,
    );
    await w.settle();
    for (const id of ids.slice(0, 3)) await w.answer(id);
    await warm;
    await w.resolver.idle();
    w.calls.length = 0;
    w.session.page(listing());
    w.session.want(ids.slice(0, 6).map(key));
    await w.settle();
    expect(w.posts).toHaveLength(1);
    expect(w.posts[0]!.map((r) => r.key)).toEqual(ids.slice(0, 3).map(key));
    expect(w.calls).toEqual(ids.slice(3, 6));
    await w.answer(ids[3]!);
    await w.answer(ids[4]!);
    expect(w.posts).toHaveLength(1); // batched
    await vi.advanceTimersByTimeAsync(16);
    expect(w.posts).toHaveLength(2);
    expect(w.posts[1]!.map((r) => r.key)).toEqual([key(ids[3]!), key(ids[4]!)]);
  });

  it('the tab state is rewritten at most every 400 ms while answers stream, and once at the end', async () => {
    const w = world({ concurrency: 10 });
    w.session.page(listing());
    await vi.advanceTimersByTimeAsync(1);
    const before = w.tabs.length;
    w.session.want(ids.map(key));
    await w.settle();
    for (const id of ids) {
      await w.answer(id);
      await vi.advanceTimersByTimeAsync(50);
    }
    await vi.advanceTimersByTimeAsync(20);
    const writes = w.tabs.length - before;
    expect(writes).toBeGreaterThanOrEqual(2);
    expect(writes).toBeLessThanOrEqual(3); // ≈500 ms of answers: one write per 400 ms and the final one
    expect(w.tabs.at(-1)!.papers.every((p) => p.state === 'verified' && !p.unchecked)).toBe(true);
  });

  it('wantAll checks every row in page order, and later wishes do not narrow it', async () => {
    const w = world({ concurrency: 1 });
    w.session.page(listing());
    w.session.wantAll();
    w.session.want([key(ids[9]!)]);
    for (const id of ids) {
      await w.settle();
      await w.answer(id);
    }
    expect(w.calls).toEqual(ids);
  });

  it('close: nothing more is started', async () => {
    const w = world({ concurrency: 1 });
    w.session.page(listing());
    w.session.want(ids.slice(0, 3).map(key));
    await w.settle();
    w.session.close();
    await w.answer(ids[0]!);
    await vi.advanceTimersByTimeAsync(100);
    expect(w.calls).toEqual([ids[0]]);
    expect(w.posts).toEqual([]);
  });
});

describe('a page that is not lazy', () => {
  it('looks up every paper in page order at once', async () => {
    const w = world({ concurrency: 10 });
    w.session.page(listing({ lazy: false }));
    await w.settle();
    expect(w.calls).toEqual(ids);
  });
});

describe('the early message of an abstract page', () => {
  const abs = (id: string, title?: string, early = false): PageMessage => ({
    type: 'page',
    url: `https://arxiv.org/abs/${id}`,
    kind: 'abstract',
    papers: [title === undefined ? { id: ax(id) } : { id: ax(id), title }],
    ...(early ? { early: true } : {}),
  });

  it('a record whose served title is signed goes back at once, with signedTitle', async () => {
    const w = world();
    w.session.page(abs(ids[0]!, undefined, true));
    await w.settle();
    await w.answer(ids[0]!);
    const r = w.posts.flat();
    expect(r).toHaveLength(1);
    expect(r[0]!.state).toBe('verified');
    expect(r[0]!.signedTitle).toBe(titleOf(ids[0]!));
  });

  it('a record whose served title does not hash to the signed one waits for the page title', async () => {
    const w = world({ served: (id) => `${titleOf(id)} (revised)` });
    w.session.page(abs(ids[0]!, undefined, true));
    await w.settle();
    await w.answer(ids[0]!);
    await vi.advanceTimersByTimeAsync(20);
    expect(w.posts.flat()).toEqual([]);
    // DOMContentLoaded: the page's title; the record is bound to it (cache hit, no second request).
    w.session.page(abs(ids[0]!, titleOf(ids[0]!)));
    await w.settle();
    await vi.advanceTimersByTimeAsync(20);
    expect(w.calls).toEqual([ids[0]]);
    const r = w.posts.flat();
    expect(r.map((x) => [x.state, x.signedTitle])).toEqual([['verified', undefined]]);
  });

  it('not-found needs no title: answered at once', async () => {
    const w = world({ served: () => null });
    w.session.page(abs(ids[0]!, undefined, true));
    await w.settle();
    await w.answer(ids[0]!);
    expect(w.posts.flat().map((r) => r.state)).toEqual(['not-found']);
  });

  it('the full message re-binds: another title on the page is a mismatch', async () => {
    const w = world();
    w.session.page(abs(ids[0]!, undefined, true));
    await w.settle();
    w.session.page(abs(ids[0]!, 'A Different Paper Altogether'));
    await w.settle();
    await w.answer(ids[0]!);
    await vi.advanceTimersByTimeAsync(20);
    // The early round's answer (bound to no title) is dropped: only the re-bound one is sent.
    expect(w.posts.flat().map((r) => r.state)).toEqual(['mismatch']);
    expect(w.tabs.at(-1)!.papers.map((p) => [p.state, p.title])).toEqual([['mismatch', 'A Different Paper Altogether']]);
  });
});

export type { PageSession };
