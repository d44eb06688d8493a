import { describe, expect, it } from 'vitest';
import { CACHE_VERSION, readEntries, sizeOf, stampOf, tallyEntries, type CacheEntry } from '../../../lib/resolver/cache-entry';
import { memoryStorage } from '../../../lib/resolver/storage';

const notFound = (fetchedAt: number): CacheEntry => ({ v: CACHE_VERSION, kind: 'not-found', fetchedAt, host: 'h' });
const record = (fetchedAt: number, text: string): CacheEntry => ({
  v: CACHE_VERSION,
  kind: 'record',
  fetchedAt,
  host: 'h',
  text,
  stamp: 's',
  report: { state: 'unsigned', checks: [] },
  bind: { dois: [] },
});

describe('cache entries', () => {
  it('a stamp names the cache version and the verifier configuration', () => {
    expect(stampOf('trust-1')).toBe(`${CACHE_VERSION}:trust-1`);
    expect(stampOf(undefined)).toBe(`${CACHE_VERSION}:default`);
  });

  it('an entry costs its record text and a little more; a negative entry, little', () => {
    expect(sizeOf(record(1, 'x'.repeat(1000)))).toBe(1512);
    expect(sizeOf(notFound(1))).toBe(64);
  });

  it('readEntries keeps what passes the schema, in key order, and names what does not; absent keys are neither', async () => {
    const storage = memoryStorage({ b: notFound(2), a: record(1, 't'), bad: { v: CACHE_VERSION, kind: 'record', text: 42 }, old: { ...notFound(3), v: 1 } });
    const { entries, bad } = await readEntries(storage, ['a', 'missing', 'bad', 'b', 'old']);
    expect([...entries.keys()]).toEqual(['a', 'b']);
    expect(entries.get('b')).toEqual(notFound(2));
    expect(bad).toEqual(['bad', 'old']);
    expect(storage.ops.get).toBe(1);
  });

  it('readEntries finds nothing when storage fails', async () => {
    const broken = { ...memoryStorage(), get: () => Promise.reject(new Error('closing')) };
    expect(await readEntries(broken, ['a'])).toEqual({ entries: new Map(), bad: [] });
  });

  it('tallyEntries counts records and negatives, their JSON size and the fetch-time range', () => {
    const entries = [notFound(5), record(3, 'abc'), record(9, 'de')];
    expect(tallyEntries(entries)).toEqual({
      entries: 3,
      records: 2,
      notFound: 1,
      bytes: entries.reduce((n, e) => n + JSON.stringify(e).length, 0),
      oldestFetchedAt: 3,
      newestFetchedAt: 9,
    });
    expect(tallyEntries([])).toEqual({ entries: 0, records: 0, notFound: 0, bytes: 0 });
  });
});
