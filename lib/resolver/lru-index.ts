import { z } from 'zod';
import { CACHE_VERSION, ENTRY_PREFIX, INDEX_KEY } from './cache-entry';
import type { StorageAdapter } from './storage';

/**
 * The cache's LRU index, stored under `pl:index`: each entry's storage key →
 * [last use, approximate stored size]. It is what bounds the cache: the least
 * recently used entries go when there are more than `maxEntries` or their
 * stored text passes `maxBytes`, so a dishonest server cannot fill the disk.
 * It carries CACHE_VERSION too: when that differs (a schema change) every old
 * entry is dropped once, instead of being misread. Apart from cache.ts so
 * that the bounds and the migration can be read (and tested) on their own.
 */

const IndexSchema = z.object({ v: z.number(), e: z.record(z.string(), z.tuple([z.number(), z.number()])) });
export type IndexEntry = [lastUsed: number, size: number];
export type LruIndex = Map<string, IndexEntry>;

/** The index as stored. */
export function storedIndex(index: LruIndex): { v: number; e: Record<string, IndexEntry> } {
  return { v: CACHE_VERSION, e: Object.fromEntries(index) };
}

/** Adds to `keys` every entry key the storage holds, when it can list them; a failed listing adds none. */
export async function addStoredEntryKeys(storage: StorageAdapter, keys: Set<string>): Promise<void> {
  if (!storage.getAll) return;
  try {
    for (const k of Object.keys(await storage.getAll())) if (k.startsWith(ENTRY_PREFIX)) keys.add(k);
  } catch {
    /* ignore */
  }
}

/**
 * Reads the stored index and hands it to `use`; when there is none, a
 * corrupted one or one of another version, `use` gets an empty index at once
 * (lookups need not wait for the migration) and every entry the old one (or
 * the storage) knew is then removed. Storage failures leave an empty index,
 * never a throw.
 */
export async function openIndex(storage: StorageAdapter, use: (index: LruIndex) => void): Promise<void> {
  let raw: unknown;
  try {
    raw = (await storage.get([INDEX_KEY]))[INDEX_KEY];
  } catch {
    raw = undefined;
  }
  const parsed = IndexSchema.safeParse(raw);
  if (parsed.success && parsed.data.v === CACHE_VERSION) {
    use(new Map(Object.entries(parsed.data.e) as [string, IndexEntry][]));
    return;
  }
  // No index, a corrupted one or another version: drop what the old one knew.
  const stale = new Set<string>();
  if (raw && typeof raw === 'object' && 'e' in raw && raw.e && typeof raw.e === 'object') {
    for (const k of Object.keys(raw.e)) if (k.startsWith(ENTRY_PREFIX)) stale.add(k);
  }
  await addStoredEntryKeys(storage, stale);
  use(new Map());
  try {
    if (stale.size) await storage.remove([...stale]);
    await storage.set({ [INDEX_KEY]: storedIndex(new Map()) });
  } catch {
    /* ignore */
  }
}

/** Removes the least recently used entries from the index until it is within both bounds; returns their keys. */
export function evictLeastRecent(index: LruIndex, maxEntries: number, maxBytes: number): string[] {
  let bytes = 0;
  for (const [, [, size]] of index) bytes += size;
  if (index.size <= maxEntries && bytes <= maxBytes) return [];
  const evicted: string[] = [];
  const byAge = [...index.entries()].sort((a, b) => a[1][0] - b[1][0]);
  for (const [k, [, size]] of byAge) {
    if (index.size <= maxEntries && bytes <= maxBytes) break;
    index.delete(k);
    bytes -= size;
    evicted.push(k);
  }
  return evicted;
}
