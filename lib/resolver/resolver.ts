import { idKey, type PaperId } from '../ids/key';
import type { ClientResult } from '../pith/client';
import { LookupCache, type CacheStats } from './cache';
import { CACHE_VERSION, stampOf, type CacheEntry, type RecordEntry } from './cache-entry';
import { createDedup, createLimit } from './limit';
import { lookupMany } from './lookup-many';
import { fromNotFound, fromRecord, lookupFailed, type Lookup, type LookupOptions, type PageContext } from './lookup-result';
import { buildEntry, type Verify } from './record-entry';
import type { StorageAdapter } from './storage';

/**
 * The resolver: cache → (dedup, concurrency limit) → client → verify → bind.
 *
 * Cache policy (ages measured from fetchedAt):
 * - record younger than `ttl.fresh`: served from the cache, no network.
 * - record between `ttl.fresh` and `ttl.stale`: served from the cache at once
 *   (stale-while-revalidate); a background refresh, deduplicated and under the
 *   same concurrency limit, updates the cache for the next lookup.
 * - record older than `ttl.stale`, or `force`: refetched before answering; if
 *   that fails, the cached record is still served, with state `error`,
 *   `stale: true`, the reason in words and the (re-bound) report kept.
 * - not-found entries live `ttl.negative`, then are refetched.
 * Entries are never dropped for age, only by the LRU bound (maxEntries), so an
 * old record stays available as the offline fallback.
 *
 * The cached report is page-independent (verify without page); every answer
 * re-binds it to the page (id + title) with bindReport, which is cheap
 * (lookup-result.ts). A report is re-verified from the stored text when
 * `reportStamp` changes (e.g. the user pinned another key). What an entry
 * keeps of a record is record-entry.ts; many papers at once, lookup-many.ts.
 */

type Resolve = (id: PaperId) => Promise<ClientResult>;

export interface ResolverOptions {
  client: { resolve: Resolve };
  storage: StorageAdapter;
  /** Page-independent verification of the record text; must not throw (a throw is turned into `invalid`). */
  verify: Verify;
  now?: () => number;
  concurrency?: number;
  ttl?: Partial<Ttl>;
  maxEntries?: number;
  /** Identifies the verifier + trust configuration; a cached report with another stamp is recomputed from its text. */
  reportStamp?: string;
  /** Batched cache write delay (ms); 0 = end of tick. */
  flushDelayMs?: number;
  /** Cache bounds (see LookupCache): per stored record text, and in all. */
  maxEntryBytes?: number;
  maxBytes?: number;
}

interface Ttl {
  fresh: number;
  stale: number;
  negative: number;
}

const DEFAULT_TTL: Ttl = {
  fresh: 6 * 60 * 60 * 1000,
  stale: 7 * 24 * 60 * 60 * 1000,
  negative: 30 * 60 * 1000,
};

interface ResolverStats extends CacheStats {
  hits: number;
  misses: number;
  fetches: number;
  inFlight: number;
}

export interface Resolver {
  lookup(id: PaperId, page?: PageContext, opts?: LookupOptions): Promise<Lookup>;
  lookupMany(papers: readonly { id: PaperId; title?: string }[], onResult: (r: Lookup) => void, opts?: LookupOptions): Promise<void>;
  clear(): Promise<void>;
  stats(): Promise<ResolverStats>;
  /** Settles when every fetch and background refresh in flight has settled and the cache is written. */
  idle(): Promise<void>;
  readonly cache: LookupCache;
}

type Fetched = { kind: 'record'; entry: RecordEntry } | { kind: 'not-found'; entry: CacheEntry & { kind: 'not-found' } } | { kind: 'error'; reason: string };

export function createResolver(opts: ResolverOptions): Resolver {
  const now = opts.now ?? Date.now;
  const ttl: Ttl = { ...DEFAULT_TTL, ...opts.ttl };
  const stamp = stampOf(opts.reportStamp);
  const cache = new LookupCache(opts.storage, {
    maxEntries: opts.maxEntries ?? 5000,
    now,
    flushDelayMs: opts.flushDelayMs ?? 200,
    ...(opts.maxEntryBytes !== undefined ? { maxEntryBytes: opts.maxEntryBytes } : {}),
    ...(opts.maxBytes !== undefined ? { maxBytes: opts.maxBytes } : {}),
  });
  const concurrency = opts.concurrency ?? 6;
  const limit = createLimit(concurrency);
  const dedup = createDedup<Fetched>();
  const background = new Set<Promise<unknown>>();
  const counters = { hits: 0, misses: 0, fetches: 0 };

  /** Re-verify a cached record whose report came from another verifier/trust configuration. */
  function refreshStamp(key: string, entry: RecordEntry): RecordEntry {
    if (entry.stamp === stamp) return entry;
    const fresh = buildEntry(entry.text, entry.host, entry.fetchedAt, opts.verify, stamp);
    void cache.put(key, fresh);
    return fresh;
  }

  function fetchOnce(id: PaperId, key: string): Promise<Fetched> {
    return dedup.run(key, () =>
      limit(async (): Promise<Fetched> => {
        counters.fetches++;
        let r: ClientResult;
        try {
          r = await opts.client.resolve(id);
        } catch {
          r = { kind: 'error', reason: 'unexpected failure while contacting the resolver' };
        }
        const t = now();
        if (r.kind === 'record') {
          const entry = buildEntry(r.text, r.host, t, opts.verify, stamp);
          await cache.put(key, entry);
          return { kind: 'record', entry };
        }
        if (r.kind === 'not-found') {
          const entry: CacheEntry & { kind: 'not-found' } = { v: CACHE_VERSION, kind: 'not-found', fetchedAt: t, host: r.host };
          await cache.put(key, entry);
          return { kind: 'not-found', entry };
        }
        return { kind: 'error', reason: r.reason };
      }),
    );
  }

  function scheduleRefresh(id: PaperId, key: string): void {
    if (dedup.has(key)) return;
    const p = fetchOnce(id, key).catch(() => undefined);
    background.add(p);
    void p.finally(() => background.delete(p));
  }

  /** Answer from a cached entry without network, if the policy allows; else undefined. */
  function fromCache(id: PaperId, key: string, entry: CacheEntry | undefined, page: PageContext, includeRecord: boolean): Lookup | undefined {
    if (!entry) return undefined;
    const age = now() - entry.fetchedAt;
    if (entry.kind === 'record') {
      if (age < ttl.fresh) return fromRecord(id, key, refreshStamp(key, entry), page, includeRecord);
      if (age < ttl.stale) {
        scheduleRefresh(id, key);
        return fromRecord(id, key, refreshStamp(key, entry), page, includeRecord);
      }
      return undefined;
    }
    if (age >= 0 && age < ttl.negative) return fromNotFound(id, key, entry);
    return undefined;
  }

  async function fromNetwork(id: PaperId, key: string, cached: CacheEntry | undefined, page: PageContext, includeRecord: boolean): Promise<Lookup> {
    const f = await fetchOnce(id, key);
    if (f.kind === 'record') return fromRecord(id, key, f.entry, page, includeRecord);
    if (f.kind === 'not-found') return fromNotFound(id, key, f.entry);
    if (cached?.kind === 'record') {
      const r = fromRecord(id, key, refreshStamp(key, cached), page, includeRecord);
      return { ...r, state: 'error', stale: true, reason: `${f.reason}; showing the record cached ${new Date(cached.fetchedAt).toISOString()}` };
    }
    return { key, id, state: 'error', reason: f.reason };
  }

  async function lookup(id: PaperId, page: PageContext = {}, lo: LookupOptions = {}): Promise<Lookup> {
    const key = idKey(id);
    const includeRecord = lo.includeRecord ?? true;
    try {
      const cached = await cache.get(key);
      if (!lo.force) {
        const hit = fromCache(id, key, cached, page, includeRecord);
        if (hit) {
          counters.hits++;
          return hit;
        }
      }
      counters.misses++;
      return await fromNetwork(id, key, cached, page, includeRecord);
    } catch (e) {
      return lookupFailed(id, key, e);
    }
  }

  async function idle(): Promise<void> {
    for (;;) {
      await dedup.idle();
      if (background.size) await Promise.allSettled([...background]);
      if (!dedup.size && !background.size) break;
    }
    await cache.flush();
  }

  const batching = { cache, concurrency, counters, fromCache, fromNetwork };
  return {
    lookup,
    lookupMany: (papers, onResult, lo) => lookupMany(batching, papers, onResult, lo),
    cache,
    idle,
    clear: () => cache.clear(),
    async stats() {
      const s = await cache.stats();
      return { ...s, ...counters, inFlight: dedup.size };
    },
  };
}
