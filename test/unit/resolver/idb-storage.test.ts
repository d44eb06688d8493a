// idb (lib/resolver/idb-storage.ts) reads IDBRequest and its kin as globals: fake-indexeddb's.
import 'fake-indexeddb/auto';
import { describe, expect, test } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { idbStorage } from '../../../lib/resolver/idb-storage';
import { createResolver } from '../../../lib/resolver/resolver';
import { createClient } from '../../../lib/pith/client';
import { verify } from '../../../lib/pith/verify';
import { DEFAULT_BASE_URL } from '../../../lib/settings';
import { fakeServer } from '../../helpers/background-fakes';

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
    const server = fakeServer();
    const factory = new IDBFactory();
    const make = () =>
      createResolver({
        client: createClient({ baseUrls: [DEFAULT_BASE_URL], fetch: server.fetch, retries: 0 }),
        storage: idbStorage(factory),
        verify: (t) => verify(t),
        now: () => 1_000_000,
        flushDelayMs: 0,
      });
    const id = { kind: 'arxiv', id: '2404.14294' } as const;
    const first = make();
    expect((await first.lookup(id)).state).toBe('verified');
    await first.idle();
    expect(server.urls.length).toBe(1);
    // A new resolver over the same database stands for a restarted service worker.
    const again = await make().lookup(id, { title: 'A Survey on Efficient Inference for Large Language Models' });
    expect(again.state).toBe('verified');
    expect(server.urls.length).toBe(1);
  });
});
