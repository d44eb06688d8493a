import { describe, expect, it } from 'vitest';
import { createResolver } from '../../../lib/resolver/resolver';
import { memoryStorage } from '../../../lib/resolver/storage';
import { CACHE_VERSION, INDEX_KEY, ENTRY_PREFIX } from '../../../lib/resolver/cache-entry';
import type { VerifyReport } from '../../../lib/pith/report';
import { ax, controlledClient, fakeVerify, recordFor, recordText, setup } from '../../helpers/resolver-harness';

describe('cache storage', () => {
  it('LRU bound: the least recently used entries go, writes are batched', async () => {
    const { resolver, storage, clock } = setup({ maxEntries: 3 });
    for (const n of [1, 2, 3]) {
      await resolver.lookup(ax(`2404.0000${n}`));
      clock.advance(1000);
    }
    await resolver.lookup(ax('2404.00001')); // touch 1: 2 is now the oldest
    clock.advance(1000);
    await resolver.lookup(ax('2404.00004'));
    await resolver.idle();
    const keys = [...storage.data.keys()].filter((k) => k.startsWith(ENTRY_PREFIX)).sort();
    expect(keys).toEqual(['pl:c:arxiv:2404.00001', 'pl:c:arxiv:2404.00003', 'pl:c:arxiv:2404.00004']);
    const index = storage.data.get(INDEX_KEY) as { v: number; e: Record<string, number> };
    expect(Object.keys(index.e).sort()).toEqual(keys);
    expect(await resolver.cache.size()).toBe(3);
  });

  it('stores the record text (bigint-safe), fetchedAt, host and the page-independent report', async () => {
    // The literal is meant to lose precision: the record text must keep the digits JSON.parse would not.
    // eslint-disable-next-line no-loss-of-precision
    const big = recordText('2404.00001', { n: 123456789012345678901234567890 });
    const text = big.replace('1.2345678901234568e+29', '123456789012345678901234567890');
    const { resolver, storage } = setup({ auto: () => ({ kind: 'record', text, host: 'pith.test', url: 'u' }) });
    await resolver.lookup(ax('2404.00001'), { title: 'wrong title' });
    await resolver.idle();
    const e = storage.data.get('pl:c:arxiv:2404.00001') as { text: string; host: string; fetchedAt: number; report: VerifyReport; v: number };
    expect(e.text).toBe(text);
    expect(e.text).toContain('123456789012345678901234567890');
    expect(e).toMatchObject({ host: 'pith.test', fetchedAt: 1_000_000, v: CACHE_VERSION });
    expect(e.report.state).toBe('verified'); // not the page's mismatch
  });

  it('recent entries are answered from memory: a warm lookup makes no storage read; clear() forgets them', async () => {
    const { resolver, storage, client } = setup();
    await resolver.lookup(ax('2404.00001'));
    await resolver.idle();
    const reads = storage.ops.get;
    expect((await resolver.lookup(ax('2404.00001'))).state).toBe('verified');
    expect(storage.ops.get).toBe(reads);
    expect(client.calls).toHaveLength(1);
    await resolver.clear();
    await resolver.lookup(ax('2404.00001'));
    expect(client.calls).toHaveLength(2);
  });

  it('corrupted entries are ignored and removed', async () => {
    const storage = memoryStorage({
      [INDEX_KEY]: { v: CACHE_VERSION, e: { 'pl:c:arxiv:2404.00001': 1 } },
      'pl:c:arxiv:2404.00001': { v: CACHE_VERSION, kind: 'record', text: 42 },
      'pl:c:arxiv:2404.00002': 'garbage',
    });
    const { resolver, client } = setup({ storage });
    const r = await resolver.lookup(ax('2404.00001'));
    expect(r.state).toBe('verified');
    expect(client.calls).toHaveLength(1);
    await resolver.lookup(ax('2404.00002'));
    await resolver.idle();
    expect((storage.data.get('pl:c:arxiv:2404.00001') as { text: string }).text).toContain('2404.00001');
    expect(typeof storage.data.get('pl:c:arxiv:2404.00002')).toBe('object');
  });

  it('a corrupted entry that is not refetched is removed from storage', async () => {
    const storage = memoryStorage({ [INDEX_KEY]: { v: CACHE_VERSION, e: {} }, 'pl:c:arxiv:2404.00009': { v: CACHE_VERSION, kind: 'nope' } });
    const { resolver } = setup({ storage, auto: () => ({ kind: 'error', reason: 'offline' }) });
    expect((await resolver.lookup(ax('2404.00009'))).state).toBe('error');
    await resolver.idle();
    expect(storage.data.has('pl:c:arxiv:2404.00009')).toBe(false);
  });

  it('a version stamp change drops old entries instead of crashing', async () => {
    const storage = memoryStorage({
      [INDEX_KEY]: { v: CACHE_VERSION - 1, e: { 'pl:c:arxiv:2404.00001': 5 } },
      'pl:c:arxiv:2404.00001': { v: CACHE_VERSION - 1, something: 'old shape' },
      'pl:c:arxiv:2404.00002': { v: CACHE_VERSION - 1, other: true },
      unrelated: 'kept',
    });
    const { resolver, client } = setup({ storage });
    const r = await resolver.lookup(ax('2404.00003'));
    expect(r.state).toBe('verified');
    await resolver.idle();
    expect(storage.data.has('pl:c:arxiv:2404.00001')).toBe(false);
    expect(storage.data.has('pl:c:arxiv:2404.00002')).toBe(false);
    expect(storage.data.get('unrelated')).toBe('kept');
    expect((storage.data.get(INDEX_KEY) as { v: number }).v).toBe(CACHE_VERSION);
    expect(client.calls).toHaveLength(1);
  });

  it('a new reportStamp re-verifies cached text without the network', async () => {
    const storage = memoryStorage();
    const a = setup({ storage, reportStamp: 'trust-1' });
    await a.resolver.lookup(ax('2404.00001'));
    await a.resolver.idle();
    fakeVerify.mockClear();
    const b = setup({ storage, reportStamp: 'trust-2' });
    expect((await b.resolver.lookup(ax('2404.00001'))).state).toBe('verified');
    expect(fakeVerify).toHaveBeenCalledTimes(1);
    expect(b.client.calls).toHaveLength(0);
  });

  it('storage failures never fail a lookup', async () => {
    const broken = { get: () => Promise.reject(new Error('x')), set: () => Promise.reject(new Error('quota')), remove: () => Promise.reject(new Error('x')) };
    const client = controlledClient(recordFor);
    const r = createResolver({ client, storage: broken, verify: fakeVerify, flushDelayMs: 0 });
    expect((await r.lookup(ax('2404.00001'))).state).toBe('verified');
    await r.idle();
  });

  it('clear() and stats()', async () => {
    const { resolver, storage } = setup();
    await resolver.lookup(ax('2404.00001'));
    await resolver.lookup(ax('9999.00001'));
    await resolver.lookup(ax('2404.00001'));
    const s = await resolver.stats();
    expect(s).toMatchObject({ entries: 2, records: 1, notFound: 1, hits: 1, misses: 2, fetches: 2, version: CACHE_VERSION });
    expect(s.bytes).toBeGreaterThan(100);
    await resolver.clear();
    expect([...storage.data.keys()].filter((k) => k.startsWith(ENTRY_PREFIX))).toEqual([]);
    expect((await resolver.stats()).entries).toBe(0);
  });
});
