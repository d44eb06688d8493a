import { CACHE_VERSION, ENTRY_PREFIX, INDEX_KEY, readEntries, sizeOf, tallyEntries, type CacheEntry, type EntryTally } from './cache-entry';
import { addStoredEntryKeys, evictLeastRecent, openIndex, storedIndex, type LruIndex } from './lru-index';
import type { StorageAdapter } from './storage';
import { FlushTimer, WriteQueue } from './write-queue';

/**
 * The lookup cache, on a StorageAdapter (the extension origin's IndexedDB in
 * the extension, see idb-storage.ts: no content script can write it).
 *
 * - What an entry holds, and the version that guards it: cache-entry.ts.
 * - LRU and size bounds, and the migration when the version changes:
 *   lru-index.ts. A record whose text is over `maxEntryBytes` is verified and
 *   shown but not stored.
 * - When writes reach storage (batched, in order, retried): write-queue.ts.
 * - Here: reads, writes and removals, the recently used entries kept in
 *   memory, and the stats.
 * Storage failures (quota, a closing context) never fail a lookup: the cache
 * then just misses. A failed write is counted in stats() (`writeErrors`,
 * `unsaved`).
 */

const DEFAULT_MAX_ENTRY_BYTES = 256 * 1024;
const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;

export interface CacheOptions {
  maxEntries?: number;
  now?: () => number;
  /** Delay before batched writes reach storage; 0 = end of the current tick. Default 200 ms. */
  flushDelayMs?: number;
  /** Entries also kept in memory, most recently used (default 256): a page revisited while the worker lives skips the storage read. */
  memoryEntries?: number;
  /** A record whose text is longer is not stored (default 256 kB). */
  maxEntryBytes?: number;
  /** The stored entries' total size bound (default 64 MB); least recently used go first. */
  maxBytes?: number;
  /** Injected for tests: how a retry waits. */
  setTimer?: (fn: () => void, ms: number) => unknown;
}

export interface CacheStats extends EntryTally {
  version: number;
  maxEntries: number;
  /** Writes that failed since the worker started (each is retried). */
  writeErrors: number;
  /** Entries waiting to be written (a failed write keeps them here). */
  unsaved: number;
  lastWriteError?: string;
  /** Records not stored because their text is over the per-entry bound. */
  tooLarge: number;
}

export class LookupCache {
  private index: LruIndex | undefined;
  private loading: Promise<void> | undefined;
  private pending = new Map<string, CacheEntry>();
  /** Parsed entries recently read or written, in use order (oldest first). */
  private recent = new Map<string, CacheEntry>();
  private readonly memoryEntries: number;
  private indexDirty = false;
  private readonly writes: WriteQueue;
  private readonly timer: FlushTimer;
  readonly maxEntries: number;
  readonly maxEntryBytes: number;
  readonly maxBytes: number;
  private readonly now: () => number;
  private tooLarge = 0;

  constructor(
    private readonly storage: StorageAdapter,
    opts: CacheOptions = {},
  ) {
    this.maxEntries = Math.max(1, opts.maxEntries ?? 5000);
    this.now = opts.now ?? Date.now;
    this.timer = new FlushTimer(opts.flushDelayMs ?? 200, () => void this.flush());
    this.memoryEntries = Math.max(0, opts.memoryEntries ?? 256);
    this.maxEntryBytes = opts.maxEntryBytes ?? DEFAULT_MAX_ENTRY_BYTES;
    this.maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
    this.writes = new WriteQueue(opts.setTimer ?? ((fn, ms) => setTimeout(fn, ms)));
  }

  private remember(sk: string, entry: CacheEntry): void {
    if (this.memoryEntries === 0) return;
    this.recent.delete(sk);
    this.recent.set(sk, entry);
    if (this.recent.size > this.memoryEntries) this.recent.delete(this.recent.keys().next().value as string);
  }

  /** Forgets `sk` here (index, unsaved writes, memory); removing it from storage is the caller's. */
  private forget(index: LruIndex, sk: string): void {
    index.delete(sk);
    this.pending.delete(sk);
    this.recent.delete(sk);
  }

  static keyFor(idKey: string): string {
    return ENTRY_PREFIX + idKey;
  }

  private async loadIndex(): Promise<LruIndex> {
    if (this.index) return this.index;
    this.loading ??= openIndex(this.storage, (index) => {
      this.index = index;
    });
    await this.loading;
    return this.index ?? new Map();
  }

  /** Read many entries in one storage read; invalid ones are dropped. Touches the LRU. */
  async getMany(idKeys: readonly string[]): Promise<Map<string, CacheEntry>> {
    const index = await this.loadIndex();
    const out = new Map<string, CacheEntry>();
    const want: string[] = [];
    for (const k of new Set(idKeys)) {
      const sk = LookupCache.keyFor(k);
      const p = this.pending.get(sk) ?? this.recent.get(sk);
      if (p) {
        out.set(k, p);
        this.remember(sk, p);
      } else want.push(sk);
    }
    const read = want.length ? await readEntries(this.storage, want) : undefined;
    for (const [sk, entry] of read?.entries ?? []) {
      out.set(sk.slice(ENTRY_PREFIX.length), entry);
      this.remember(sk, entry);
    }
    const bad = read?.bad ?? [];
    const t = this.now();
    for (const [k, entry] of out) {
      const sk = LookupCache.keyFor(k);
      index.set(sk, [t, index.get(sk)?.[1] ?? sizeOf(entry)]);
      this.indexDirty = true;
    }
    if (bad.length) {
      for (const sk of bad) index.delete(sk);
      this.indexDirty = true;
      void this.writes.enqueue(() => this.storage.remove(bad));
    }
    if (this.indexDirty) this.timer.schedule();
    return out;
  }

  async get(idKey: string): Promise<CacheEntry | undefined> {
    return (await this.getMany([idKey])).get(idKey);
  }

  /** Stores an entry; false (and nothing stored) when its record text is over `maxEntryBytes`. */
  async put(idKey: string, entry: CacheEntry): Promise<boolean> {
    const index = await this.loadIndex();
    const sk = LookupCache.keyFor(idKey);
    if (entry.kind === 'record' && entry.text.length > this.maxEntryBytes) {
      this.tooLarge++;
      // An older, smaller entry for the same paper must not outlive the answer that replaced it.
      if (index.has(sk)) await this.remove([idKey]);
      return false;
    }
    this.pending.set(sk, entry);
    this.remember(sk, entry);
    index.set(sk, [this.now(), sizeOf(entry)]);
    this.indexDirty = true;
    this.timer.schedule();
    return true;
  }

  /** Write batched entries and the index now; evict beyond maxEntries and maxBytes. */
  async flush(): Promise<void> {
    this.timer.cancel();
    const index = this.index;
    if (!index || (!this.pending.size && !this.indexDirty)) return this.writes.settled;
    const evicted = evictLeastRecent(index, this.maxEntries, this.maxBytes);
    for (const sk of evicted) this.forget(index, sk);
    const batch = new Map(this.pending);
    const items: Record<string, unknown> = Object.fromEntries(batch);
    this.pending.clear();
    items[INDEX_KEY] = storedIndex(index);
    this.indexDirty = false;
    return this.writes.enqueue(async () => {
      try {
        await this.storage.set(items);
        this.writes.succeeded();
      } catch (e) {
        this.writes.failed(e);
        // Keep what was not written (unless a newer entry or a removal came meanwhile) and retry.
        for (const [sk, entry] of batch) if (!this.pending.has(sk) && this.index?.has(sk)) this.pending.set(sk, entry);
        this.indexDirty = true;
        this.writes.retryLater(() => void this.flush());
        return;
      }
      if (evicted.length) {
        await this.storage.remove(evicted).catch((e: unknown) => {
          // Entries the index no longer lists are found and removed by clear() and the next migration.
          this.writes.failed(e);
        });
      }
    });
  }

  async remove(idKeys: readonly string[]): Promise<void> {
    const index = await this.loadIndex();
    const sks = idKeys.map((k) => LookupCache.keyFor(k));
    for (const sk of sks) this.forget(index, sk);
    this.indexDirty = true;
    await this.writes.enqueue(() => this.storage.remove(sks));
    this.timer.schedule();
  }

  async clear(): Promise<void> {
    const index = await this.loadIndex();
    const keys = new Set<string>(index.keys());
    await addStoredEntryKeys(this.storage, keys);
    index.clear();
    this.pending.clear();
    this.recent.clear();
    this.indexDirty = false;
    await this.writes.enqueue(async () => {
      if (keys.size) await this.storage.remove([...keys]);
      await this.storage.set({ [INDEX_KEY]: storedIndex(new Map()) });
    });
  }

  async stats(): Promise<CacheStats> {
    await this.flush();
    const index = await this.loadIndex();
    const keys = [...index.keys()];
    const t = tallyEntries(keys.length ? (await readEntries(this.storage, keys)).entries.values() : []);
    const s: CacheStats = {
      version: CACHE_VERSION,
      entries: t.entries,
      records: t.records,
      notFound: t.notFound,
      maxEntries: this.maxEntries,
      bytes: t.bytes,
      writeErrors: this.writes.errors,
      unsaved: this.pending.size,
      tooLarge: this.tooLarge,
    };
    if (this.writes.lastError !== undefined) s.lastWriteError = this.writes.lastError;
    if (t.oldestFetchedAt !== undefined) s.oldestFetchedAt = t.oldestFetchedAt;
    if (t.newestFetchedAt !== undefined) s.newestFetchedAt = t.newestFetchedAt;
    return s;
  }

  /** Number of keys the LRU index holds (for tests). */
  async size(): Promise<number> {
    return (await this.loadIndex()).size;
  }
}
