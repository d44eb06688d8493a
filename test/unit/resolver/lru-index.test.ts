import { describe, expect, it } from 'vitest';
import { CACHE_VERSION, INDEX_KEY } from '../../../lib/resolver/cache-entry';
import { evictLeastRecent, openIndex, storedIndex, type IndexEntry, type LruIndex } from '../../../lib/resolver/lru-index';
import { memoryStorage } from '../../../lib/resolver/storage';

const index = (entries: Record<string, IndexEntry>): LruIndex => new Map(Object.entries(entries));

describe('evictLeastRecent', () => {
  it('removes nothing within both bounds', () => {
    const i = index({ a: [1, 10], b: [2, 10] });
    expect(evictLeastRecent(i, 2, 20)).toEqual([]);
    expect(i.size).toBe(2);
  });
  it('removes the least recently used first, until there are at most maxEntries', () => {
    const i = index({ a: [3, 1], b: [1, 1], c: [2, 1], d: [4, 1] });
    expect(evictLeastRecent(i, 2, 1e9)).toEqual(['b', 'c']);
    expect([...i.keys()]).toEqual(['a', 'd']);
  });
  it('removes the least recently used first, until the sizes add up to at most maxBytes', () => {
    const i = index({ a: [1, 50], b: [2, 50], c: [3, 50] });
    expect(evictLeastRecent(i, 100, 60)).toEqual(['a', 'b']);
    expect([...i.keys()]).toEqual(['c']);
  });
});

describe('openIndex', () => {
  it('hands on the stored index of this version, and writes nothing', async () => {
    const storage = memoryStorage({ [INDEX_KEY]: storedIndex(index({ 'pl:c:x': [5, 64] })) });
    let got: LruIndex | undefined;
    await openIndex(storage, (i) => (got = i));
    expect(got).toEqual(index({ 'pl:c:x': [5, 64] }));
    expect(storage.ops.set + storage.ops.remove).toBe(0);
  });

  it('another version: an empty index at once, then every entry the old index or the storage knew is removed', async () => {
    const storage = memoryStorage({
      [INDEX_KEY]: { v: CACHE_VERSION - 1, e: { 'pl:c:a': 1 } },
      'pl:c:a': 'old',
      'pl:c:stray': 'old',
      unrelated: 'kept',
    });
    const seen: { size: number; removedYet: boolean }[] = [];
    await openIndex(storage, (i) => seen.push({ size: i.size, removedYet: storage.ops.remove > 0 }));
    expect(seen).toEqual([{ size: 0, removedYet: false }]);
    expect([...storage.data.keys()].sort()).toEqual([INDEX_KEY, 'unrelated']);
    expect(storage.data.get(INDEX_KEY)).toEqual({ v: CACHE_VERSION, e: {} });
  });

  it('a storage that fails throughout gives an empty index, not a throw', async () => {
    const fail = () => Promise.reject(new Error('closing'));
    const broken = { get: fail, set: fail, remove: fail, getAll: fail };
    let got: LruIndex | undefined;
    await openIndex(broken, (i) => (got = i));
    expect(got).toEqual(new Map());
  });
});
