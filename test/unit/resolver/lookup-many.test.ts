import { describe, expect, it } from 'vitest';
import { memoryStorage } from '../../../lib/resolver/storage';
import type { LookupResult } from '../../../lib/messages';
import type { PaperId } from '../../../lib/ids/key';
import type { LookupCache } from '../../../lib/resolver/cache';
import { lookupMany } from '../../../lib/resolver/lookup-many';
import type { Lookup } from '../../../lib/resolver/lookup-result';
import { ax, fakeVerify, setup } from '../../helpers/resolver-harness';

describe('lookupMany', () => {
  it('answers cached ones first from one storage read, then streams the rest', async () => {
    const storage = memoryStorage();
    const { resolver, client } = setup({ storage });
    await resolver.lookup(ax('2404.00001'));
    await resolver.lookup(ax('2404.00002'));
    await resolver.idle();
    const before = storage.ops.get;
    const seen: LookupResult[] = [];
    await resolver.lookupMany(
      [{ id: ax('2404.00003') }, { id: ax('2404.00001') }, { id: ax('9999.00001') }, { id: ax('2404.00002'), title: 'wrong' }, { id: ax('2404.00003') }],
      (r) => seen.push(r),
    );
    expect(storage.ops.get - before).toBe(1);
    expect(seen.slice(0, 2).map((r) => [r.key, r.state])).toEqual([
      ['arxiv:2404.00001', 'verified'],
      ['arxiv:2404.00002', 'mismatch'],
    ]);
    expect(seen).toHaveLength(5);
    expect(seen.filter((r) => r.key === 'arxiv:2404.00003')).toHaveLength(2);
    expect(client.calls.filter((c) => c.id === '2404.00003')).toHaveLength(1);
    expect(seen.find((r) => r.key === 'arxiv:9999.00001')?.state).toBe('not-found');
    expect(seen.every((r) => r.record === undefined)).toBe(true);
  });

  it('a warm 2,000-row listing re-verifies nothing and makes no request', async () => {
    const { resolver, client } = setup({ maxEntries: 5000 });
    const papers = Array.from({ length: 2000 }, (_, i) => ({ id: ax(`2404.${String(i).padStart(5, '0')}`) }));
    await resolver.lookupMany(papers, () => {});
    await resolver.idle();
    expect(client.calls).toHaveLength(2000);
    fakeVerify.mockClear();
    const out: LookupResult[] = [];
    await resolver.lookupMany(papers, (r) => out.push(r));
    expect(out).toHaveLength(2000);
    expect(out.every((r) => r.state === 'verified')).toBe(true);
    expect(fakeVerify).not.toHaveBeenCalled();
    expect(client.calls).toHaveLength(2000);
  });

  it('an aborted listing (tab closed) stops sending ids to the network', async () => {
    const { resolver, client } = setup({ concurrency: 2 });
    const papers = Array.from({ length: 100 }, (_, i) => ({ id: ax(`2404.${String(i).padStart(5, '0')}`) }));
    const stop = new AbortController();
    const seen: LookupResult[] = [];
    await resolver.lookupMany(
      papers,
      (r) => {
        seen.push(r);
        if (seen.length === 3) stop.abort();
      },
      { signal: stop.signal },
    );
    // The two in flight when it was aborted finish; nothing new starts.
    expect(client.calls.length).toBeLessThanOrEqual(4);
    expect(seen.length).toBe(client.calls.length);
  });

  it('a throwing listener does not stop the stream', async () => {
    const { resolver } = setup();
    let n = 0;
    await resolver.lookupMany([{ id: ax('2404.00001') }, { id: ax('2404.00002') }], () => {
      n++;
      throw new Error('listener');
    });
    expect(n).toBe(2);
  });
});

describe('lookupMany on its own', () => {
  const papers = [{ id: ax('2404.00001') }, { id: ax('2404.00002'), title: 'T' }];
  const answer = (id: PaperId, key: string): Lookup => ({ key, id, state: 'verified' });

  it('a failing cache read, cache answer or fetch costs only that answer: the rest still come', async () => {
    const seen: Lookup[] = [];
    const counters = { hits: 0, misses: 0 };
    await lookupMany(
      {
        cache: { getMany: () => Promise.reject(new Error('closing')) } as unknown as LookupCache,
        concurrency: 2,
        counters,
        fromCache: () => {
          throw new Error('policy bug');
        },
        fromNetwork: async (id, key, _cached, page) => {
          if (page.title === 'T') throw new Error('network bug');
          return answer(id, key);
        },
      },
      papers,
      (r) => seen.push(r),
    );
    expect(counters).toEqual({ hits: 0, misses: 2 });
    expect(seen.map((r) => [r.key, r.state, r.reason]).sort()).toEqual([
      ['arxiv:2404.00001', 'verified', undefined],
      ['arxiv:2404.00002', 'error', 'lookup failed: network bug'],
    ]);
  });

  it('force skips the cache read; includeRecord is off unless asked', async () => {
    const asked: boolean[] = [];
    let reads = 0;
    const b = {
      cache: {
        getMany: async () => {
          reads++;
          return new Map();
        },
      } as unknown as LookupCache,
      concurrency: 1,
      counters: { hits: 0, misses: 0 },
      fromCache: () => undefined,
      fromNetwork: async (id: PaperId, key: string, _c: unknown, _p: unknown, includeRecord: boolean) => {
        asked.push(includeRecord);
        return answer(id, key);
      },
    };
    await lookupMany(b, papers, () => {}, { force: true });
    expect(reads).toBe(0);
    await lookupMany(b, papers, () => {}, { includeRecord: true });
    expect(reads).toBe(1);
    expect(asked).toEqual([false, false, true, true]);
  });
});
