/**
 * The cache cannot vouch for itself (issue 13): a stored report is reused only
 * under the stamp of the verifier that made it, writes that fail are retried
 * and reported, and a dishonest server cannot fill the disk.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { verify } from '../../../lib/pith/verify';
import { reportStamp } from '../../../lib/pith/trust';
import { LookupCache } from '../../../lib/resolver/cache';
import { CACHE_VERSION } from '../../../lib/resolver/cache-entry';
import { createResolver } from '../../../lib/resolver/resolver';
import { memoryStorage, type StorageAdapter } from '../../../lib/resolver/storage';

const SEED_TEXT = readFileSync(new URL('../../fixtures/records/2404.14294v3.record.json', import.meta.url), 'utf8');
const SEED = { kind: 'arxiv', id: '2404.14294' } as const;

function recordClient(text: string) {
  let requests = 0;
  return {
    get requests() {
      return requests;
    },
    resolve: async () => {
      requests++;
      return { kind: 'record' as const, text, host: 'pith.science', url: 'https://pith.science/x' };
    },
  };
}

describe('a cached report is only reused under its verifier’s stamp', () => {
  it('a forged entry (a "verified" report over an unsigned text) under another stamp is re-verified: not verified', async () => {
    const unsigned = JSON.parse(SEED_TEXT);
    delete unsigned.receipt;
    const storage = memoryStorage();
    const cache = new LookupCache(storage, { flushDelayMs: 0 });
    const forgedReport = { ...verify(SEED_TEXT), state: 'verified' as const };
    await cache.put('arxiv:2404.14294', {
      v: CACHE_VERSION,
      kind: 'record',
      fetchedAt: Date.now(),
      host: 'pith.science',
      text: JSON.stringify(unsigned),
      stamp: `${CACHE_VERSION}:default`,
      report: forgedReport,
      bind: { source: { id: '2404.14294', kind: 'arxiv', version: 3 }, dois: [] },
    });
    await cache.flush();
    const client = recordClient(SEED_TEXT);
    const resolver = createResolver({ client, storage, verify: (t) => verify(t), reportStamp: reportStamp('9.9.9'), flushDelayMs: 0 });
    const r = await resolver.lookup(SEED);
    expect(r.state).toBe('unsigned');
    expect(client.requests).toBe(0);
  });

  it('the stamp names the extension version and every pinned key', () => {
    expect(reportStamp('0.1.0')).toContain('0.1.0');
    expect(reportStamp('0.1.0')).toContain('pith-v1-2026-05=8d4b5ee74e4693bcd1df2446408b0d54');
    expect(reportStamp('0.1.0')).not.toBe(reportStamp('0.1.1'));
  });
});

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
  it('an oversized record is verified and shown but not cached', async () => {
    const big = JSON.parse(SEED_TEXT);
    big.padding = 'x'.repeat(300 * 1024);
    const text = JSON.stringify(big);
    const client = recordClient(text);
    const storage = memoryStorage();
    const resolver = createResolver({ client, storage, verify: (t) => verify(t), flushDelayMs: 0 });
    const first = await resolver.lookup(SEED);
    expect(first.state).toBe('verified');
    expect(first.recordText).toBe(text);
    await resolver.idle();
    expect([...storage.data.keys()].filter((k) => k.startsWith('pl:c:'))).toEqual([]);
    expect((await resolver.stats()).tooLarge).toBe(1);
    // Not cached: the next lookup asks again.
    await resolver.lookup(SEED);
    expect(client.requests).toBe(2);
  });

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
