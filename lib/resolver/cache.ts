import { z } from 'zod';
import { ReportSchema } from '../messages';
import type { StorageAdapter } from './storage';

/**
 * The lookup cache, on a StorageAdapter (the extension origin's IndexedDB in
 * the extension, see idb-storage.ts: no content script can write it).
 *
 * - One storage key per paper (`pl:c:<idKey>`), holding the record TEXT as served
 *   (bigint-safe), when and where it was fetched, and the page-independent
 *   verification report plus the few fields the page binding needs — so a warm
 *   listing re-binds each row without parsing records or checking signatures.
 * - Negative entries (`not-found`) are kept too; the resolver gives them a
 *   shorter TTL.
 * - Every entry carries `v: CACHE_VERSION`. The index (`pl:index`) carries it as
 *   well: when it differs (a schema change) every old entry is dropped once,
 *   instead of being misread. Entries that fail the zod schema on read are
 *   ignored and removed.
 * - LRU: the index maps each key to its last use; writes are batched (one
 *   storage.set per flush) and the least recently used entries above
 *   `maxEntries` are removed.
 * - Bounded: a record whose text is over `maxEntryBytes` is verified and shown
 *   but not stored, and the least recently used entries go when the stored
 *   text passes `maxBytes`: a dishonest server cannot fill the disk.
 * Storage failures (quota, a closing context) never fail a lookup: the cache
 * then just misses. A failed write is kept and retried with backoff, and
 * counted in stats() (`writeErrors`, `unsaved`), never silently dropped.
 */

export const CACHE_VERSION = 2;
const DEFAULT_MAX_ENTRY_BYTES = 256 * 1024;
const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;
/** Retries of a failed write back off up to this delay. */
const MAX_RETRY_DELAY_MS = 30_000;
export const ENTRY_PREFIX = 'pl:c:';
export const INDEX_KEY = 'pl:index';

const BindSchema = z.object({
  source: z.object({ id: z.string().optional(), kind: z.string().optional(), version: z.number().optional() }).optional(),
  titleSha: z.string().optional(),
  dois: z.array(z.string()),
});
export type BindInfo = z.infer<typeof BindSchema>;

const RecordEntrySchema = z.object({
  v: z.literal(CACHE_VERSION),
  kind: z.literal('record'),
  fetchedAt: z.number(),
  host: z.string(),
  text: z.string(),
  /** Which verifier/trust configuration produced `report`; a different one re-verifies from `text`. */
  stamp: z.string(),
  report: ReportSchema,
  bind: BindSchema,
  pithNumber: z.string().optional(),
  /** The served title the verifier's `title` check compared with the signed hash (kept to hand on as signedTitle when it passed). */
  title: z.string().optional(),
  headline: z.string().optional(),
  summary: z.string().optional(),
});
const NegativeEntrySchema = z.object({
  v: z.literal(CACHE_VERSION),
  kind: z.literal('not-found'),
  fetchedAt: z.number(),
  host: z.string(),
});
const EntrySchema = z.discriminatedUnion('kind', [RecordEntrySchema, NegativeEntrySchema]);
export type CacheEntry = z.infer<typeof EntrySchema>;
export type RecordEntry = z.infer<typeof RecordEntrySchema>;

/** The LRU index: storage key → [last use, approximate stored size in characters]. */
const IndexSchema = z.object({ v: z.number(), e: z.record(z.string(), z.tuple([z.number(), z.number()])) });
type IndexEntry = [lastUsed: number, size: number];

/** What an entry costs in storage, approximately: its record text dominates. */
function sizeOf(entry: CacheEntry): number {
  return entry.kind === 'record' ? entry.text.length + 512 : 64;
}

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

export interface CacheStats {
  version: number;
  entries: number;
  records: number;
  notFound: number;
  maxEntries: number;
  /** Approximate size of the stored entries (JSON characters). */
  bytes: number;
  oldestFetchedAt?: number;
  newestFetchedAt?: number;
  /** Writes that failed since the worker started (each is retried). */
  writeErrors: number;
  /** Entries waiting to be written (a failed write keeps them here). */
  unsaved: number;
  lastWriteError?: string;
  /** Records not stored because their text is over the per-entry bound. */
  tooLarge: number;
}

export class LookupCache {
  private index: Map<string, IndexEntry> | undefined;
  private loading: Promise<void> | undefined;
  private pending = new Map<string, CacheEntry>();
  /** Parsed entries recently read or written, in use order (oldest first). */
  private recent = new Map<string, CacheEntry>();
  private readonly memoryEntries: number;
  private indexDirty = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private scheduled = false;
  private chain: Promise<void> = Promise.resolve();
  readonly maxEntries: number;
  readonly maxEntryBytes: number;
  readonly maxBytes: number;
  private readonly now: () => number;
  private readonly flushDelayMs: number;
  private readonly setTimer: (fn: () => void, ms: number) => unknown;
  private writeErrors = 0;
  private consecutiveFailures = 0;
  private lastWriteError: string | undefined;
  private tooLarge = 0;

  constructor(
    private readonly storage: StorageAdapter,
    opts: CacheOptions = {},
  ) {
    this.maxEntries = Math.max(1, opts.maxEntries ?? 5000);
    this.now = opts.now ?? Date.now;
    this.flushDelayMs = opts.flushDelayMs ?? 200;
    this.memoryEntries = Math.max(0, opts.memoryEntries ?? 256);
    this.maxEntryBytes = opts.maxEntryBytes ?? DEFAULT_MAX_ENTRY_BYTES;
    this.maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
    this.setTimer = opts.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  }

  private remember(sk: string, entry: CacheEntry): void {
    if (this.memoryEntries === 0) return;
    this.recent.delete(sk);
    this.recent.set(sk, entry);
    if (this.recent.size > this.memoryEntries) this.recent.delete(this.recent.keys().next().value as string);
  }

  static keyFor(idKey: string): string {
    return ENTRY_PREFIX + idKey;
  }

  private async loadIndex(): Promise<Map<string, IndexEntry>> {
    if (this.index) return this.index;
    if (!this.loading) {
      this.loading = (async () => {
        let raw: unknown;
        try {
          raw = (await this.storage.get([INDEX_KEY]))[INDEX_KEY];
        } catch {
          raw = undefined;
        }
        const parsed = IndexSchema.safeParse(raw);
        if (parsed.success && parsed.data.v === CACHE_VERSION) {
          this.index = new Map(Object.entries(parsed.data.e) as [string, IndexEntry][]);
          return;
        }
        // No index, a corrupted one or another version: drop what the old one knew.
        const stale = new Set<string>();
        if (raw && typeof raw === 'object' && 'e' in raw && raw.e && typeof raw.e === 'object') {
          for (const k of Object.keys(raw.e)) if (k.startsWith(ENTRY_PREFIX)) stale.add(k);
        }
        if (this.storage.getAll) {
          try {
            for (const k of Object.keys(await this.storage.getAll())) if (k.startsWith(ENTRY_PREFIX)) stale.add(k);
          } catch {
            /* ignore */
          }
        }
        this.index = new Map();
        try {
          if (stale.size) await this.storage.remove([...stale]);
          await this.storage.set({ [INDEX_KEY]: { v: CACHE_VERSION, e: {} } });
        } catch {
          /* ignore */
        }
      })();
    }
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
    let got: Record<string, unknown> = {};
    if (want.length) {
      try {
        got = await this.storage.get(want);
      } catch {
        got = {};
      }
    }
    const bad: string[] = [];
    for (const sk of want) {
      const raw = got[sk];
      if (raw === undefined) continue;
      const parsed = EntrySchema.safeParse(raw);
      if (parsed.success) {
        out.set(sk.slice(ENTRY_PREFIX.length), parsed.data);
        this.remember(sk, parsed.data);
      } else bad.push(sk);
    }
    const t = this.now();
    for (const [k, entry] of out) {
      const sk = LookupCache.keyFor(k);
      index.set(sk, [t, index.get(sk)?.[1] ?? sizeOf(entry)]);
      this.indexDirty = true;
    }
    if (bad.length) {
      for (const sk of bad) index.delete(sk);
      this.indexDirty = true;
      this.enqueue(() => this.storage.remove(bad));
    }
    if (this.indexDirty) this.schedule();
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
    this.schedule();
    return true;
  }

  /** Runs storage operations one after another; a failure is the operation's own to handle. */
  private enqueue(op: () => Promise<unknown>): Promise<void> {
    this.chain = this.chain.then(op).then(
      () => {},
      () => {},
    );
    return this.chain;
  }

  private recordFailure(e: unknown): void {
    this.writeErrors++;
    this.consecutiveFailures++;
    this.lastWriteError = e instanceof Error ? e.message : String(e);
  }

  /** After a failed write: try again later, backing off, until storage takes it. */
  private retryLater(): void {
    const delay = Math.min(MAX_RETRY_DELAY_MS, 250 * 2 ** Math.min(this.consecutiveFailures, 10));
    this.setTimer(() => void this.flush(), delay);
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    const go = () => {
      this.timer = undefined;
      this.scheduled = false;
      void this.flush();
    };
    if (this.flushDelayMs > 0) this.timer = setTimeout(go, this.flushDelayMs);
    else queueMicrotask(go);
  }

  /** Write batched entries and the index now; evict beyond maxEntries and maxBytes. */
  async flush(): Promise<void> {
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
      this.scheduled = false;
    }
    const index = this.index;
    if (!index || (!this.pending.size && !this.indexDirty)) return this.chain;
    const evicted = this.evict(index);
    const batch = new Map(this.pending);
    const items: Record<string, unknown> = Object.fromEntries(batch);
    this.pending.clear();
    items[INDEX_KEY] = { v: CACHE_VERSION, e: Object.fromEntries(index) };
    this.indexDirty = false;
    return this.enqueue(async () => {
      try {
        await this.storage.set(items);
        this.consecutiveFailures = 0;
      } catch (e) {
        this.recordFailure(e);
        // Keep what was not written (unless a newer entry or a removal came meanwhile) and retry.
        for (const [sk, entry] of batch) if (!this.pending.has(sk) && this.index?.has(sk)) this.pending.set(sk, entry);
        this.indexDirty = true;
        this.retryLater();
        return;
      }
      if (evicted.length) {
        await this.storage.remove(evicted).catch((e: unknown) => {
          // Entries the index no longer lists are found and removed by clear() and the next migration.
          this.recordFailure(e);
        });
      }
    });
  }

  /** Least recently used first, until the index is within both bounds. */
  private evict(index: Map<string, IndexEntry>): string[] {
    let bytes = 0;
    for (const [, [, size]] of index) bytes += size;
    if (index.size <= this.maxEntries && bytes <= this.maxBytes) return [];
    const evicted: string[] = [];
    const byAge = [...index.entries()].sort((a, b) => a[1][0] - b[1][0]);
    for (const [k, [, size]] of byAge) {
      if (index.size <= this.maxEntries && bytes <= this.maxBytes) break;
      index.delete(k);
      this.pending.delete(k);
      this.recent.delete(k);
      bytes -= size;
      evicted.push(k);
    }
    return evicted;
  }

  async remove(idKeys: readonly string[]): Promise<void> {
    const index = await this.loadIndex();
    const sks = idKeys.map((k) => LookupCache.keyFor(k));
    for (const sk of sks) {
      index.delete(sk);
      this.pending.delete(sk);
      this.recent.delete(sk);
    }
    this.indexDirty = true;
    await this.enqueue(() => this.storage.remove(sks));
    this.schedule();
  }

  async clear(): Promise<void> {
    const index = await this.loadIndex();
    const keys = new Set<string>(index.keys());
    if (this.storage.getAll) {
      try {
        for (const k of Object.keys(await this.storage.getAll())) if (k.startsWith(ENTRY_PREFIX)) keys.add(k);
      } catch {
        /* ignore */
      }
    }
    index.clear();
    this.pending.clear();
    this.recent.clear();
    this.indexDirty = false;
    await this.enqueue(async () => {
      if (keys.size) await this.storage.remove([...keys]);
      await this.storage.set({ [INDEX_KEY]: { v: CACHE_VERSION, e: {} } });
    });
  }

  async stats(): Promise<CacheStats> {
    await this.flush();
    const index = await this.loadIndex();
    const keys = [...index.keys()];
    let got: Record<string, unknown> = {};
    try {
      got = keys.length ? await this.storage.get(keys) : {};
    } catch {
      got = {};
    }
    const s: CacheStats = {
      version: CACHE_VERSION,
      entries: 0,
      records: 0,
      notFound: 0,
      maxEntries: this.maxEntries,
      bytes: 0,
      writeErrors: this.writeErrors,
      unsaved: this.pending.size,
      tooLarge: this.tooLarge,
    };
    if (this.lastWriteError !== undefined) s.lastWriteError = this.lastWriteError;
    for (const k of keys) {
      const parsed = EntrySchema.safeParse(got[k]);
      if (!parsed.success) continue;
      s.entries++;
      if (parsed.data.kind === 'record') s.records++;
      else s.notFound++;
      s.bytes += JSON.stringify(parsed.data).length;
      const f = parsed.data.fetchedAt;
      if (s.oldestFetchedAt === undefined || f < s.oldestFetchedAt) s.oldestFetchedAt = f;
      if (s.newestFetchedAt === undefined || f > s.newestFetchedAt) s.newestFetchedAt = f;
    }
    return s;
  }

  /** Number of keys the LRU index holds (for tests). */
  async size(): Promise<number> {
    return (await this.loadIndex()).size;
  }
}
