/**
 * The cache cannot vouch for itself (issue 13): writes that fail are retried
 * and reported, and a dishonest server cannot fill the disk. (A stored report
 * reused only under its verifier's stamp, and an oversized record left
 * uncached: resolver.attacks.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { LookupCache } from '../../../lib/resolver/cache';
import { CACHE_VERSION } from '../../../lib/resolver/cache-entry';
import { memoryStorage, type StorageAdapter } from '../../../lib/resolver/storage';

describe('the cache keeps what it is given', () => {
  it('failed writes are retried until storage takes them, and counted; none of 2,000 entries is lost', async () => {
    const inner = memoryStorage();
    let failuresLeft = 3;
    const flaky: StorageAdapter = {
      ...inner,
      async set(items) {
        if (failuresLeft-- > 0) throw new Error('QuotaExceededError: simulated');
        return inner.set(items);
      },
    };
    const cache = new LookupCache(flaky, { flushDelayMs: 10, setTimer: (fn) => setTimeout(fn, 1) });
    const entry = (i: number) => ({ v: CACHE_VERSION as typeof CACHE_VERSION, kind: 'not-found' as const, fetchedAt: i, host: 'pith.science' });
    await Promise.all(Array.from({ length: 2000 }, (_, i) => cache.put(`arxiv:2404.${String(i).padStart(5, '0')}`, entry(i))));
    for (let i = 0; i < 50 && (await cache.stats()).unsaved > 0; i++) await new Promise((ok) => setTimeout(ok, 5));
    const stats = await cache.stats();
    // (The first failure may hit the index's initial write, which is rewritten with the first batch anyway.)
    expect(stats.writeErrors).toBeGreaterThanOrEqual(2);
    expect(stats.lastWriteError).toMatch(/simulated/);
    expect(stats.unsaved).toBe(0);
    expect(stats.entries).toBe(2000);
    expect([...inner.data.keys()].filter((k) => k.startsWith('pl:c:'))).toHaveLength(2000);
  });

  it('while storage refuses, the unsaved entries are reported and still answer from memory', async () => {
    const refusing: StorageAdapter = { ...memoryStorage(), set: async () => Promise.reject(new Error('disk full')) };
    const cache = new LookupCache(refusing, { flushDelayMs: 0, setTimer: () => undefined });
    await cache.put('arxiv:1', { v: CACHE_VERSION, kind: 'not-found', fetchedAt: 1, host: 'h' });
    await cache.flush();
    const stats = await cache.stats();
    expect(stats.unsaved).toBe(1);
    expect(stats.writeErrors).toBeGreaterThan(0);
    expect(await cache.get('arxiv:1')).toBeDefined();
  });
});

describe('a dishonest server cannot fill the disk', () => {
  it('the stored total stays under its bound: least recently used entries go', async () => {
    const storage = memoryStorage();
    const cache = new LookupCache(storage, {
      flushDelayMs: 0,
      maxBytes: 200_000,
      now: (() => {
        let t = 0;
        return () => ++t;
      })(),
    });
    const text = 'y'.repeat(50_000);
    for (let i = 0; i < 10; i++) {
      await cache.put(`arxiv:${i}`, {
        v: CACHE_VERSION,
        kind: 'record',
        fetchedAt: i,
        host: 'h',
        text,
        stamp: 's',
        report: { state: 'unsigned', checks: [] },
        bind: { dois: [] },
      });
      await cache.flush();
    }
    const kept = [...storage.data.keys()].filter((k) => k.startsWith('pl:c:'));
    expect(kept.length).toBeLessThanOrEqual(4);
    expect(kept).toContain('pl:c:arxiv:9');
    expect(kept).not.toContain('pl:c:arxiv:0');
  });
});
