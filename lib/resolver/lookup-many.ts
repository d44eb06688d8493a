import { idKey, type PaperId } from '../ids/key';
import type { CacheEntry } from './cache-entry';
import type { LookupCache } from './cache';
import { lookupFailed, type Lookup, type LookupOptions, type PageContext } from './lookup-result';

/**
 * Many papers at once (a listing page): every cached answer from one storage
 * read, emitted first; then the rest from the network through a pool as wide
 * as the concurrency limit, which stops taking ids once the page is gone.
 * Apart from resolver.ts because the batching is its own concern; the cache
 * policy (what a cached entry may answer, how a fetch goes) is handed in.
 */

/** What lookupMany needs of the resolver. */
interface Batching {
  cache: LookupCache;
  concurrency: number;
  counters: { hits: number; misses: number };
  /** An answer from `entry` without the network, when the policy allows; else undefined. */
  fromCache(id: PaperId, key: string, entry: CacheEntry | undefined, page: PageContext, includeRecord: boolean): Lookup | undefined;
  /** An answer from the network, falling back on `cached`. */
  fromNetwork(id: PaperId, key: string, cached: CacheEntry | undefined, page: PageContext, includeRecord: boolean): Promise<Lookup>;
}

export async function lookupMany(
  b: Batching,
  papers: readonly { id: PaperId; title?: string }[],
  onResult: (r: Lookup) => void,
  lo: LookupOptions = {},
): Promise<void> {
  const includeRecord = lo.includeRecord ?? false;
  const emit = (r: Lookup) => {
    try {
      onResult(r);
    } catch {
      /* a failing listener must not stop the others */
    }
  };
  let cached: Map<string, CacheEntry>;
  try {
    cached = lo.force ? new Map() : await b.cache.getMany(papers.map((p) => idKey(p.id)));
  } catch {
    cached = new Map();
  }
  const rest: { id: PaperId; key: string; page: PageContext }[] = [];
  for (const p of papers) {
    const key = idKey(p.id);
    const page: PageContext = p.title !== undefined ? { title: p.title } : {};
    let hit: Lookup | undefined;
    try {
      hit = b.fromCache(p.id, key, cached.get(key), page, includeRecord);
    } catch {
      hit = undefined;
    }
    if (hit) {
      b.counters.hits++;
      emit(hit);
    } else {
      b.counters.misses++;
      rest.push({ id: p.id, key, page });
    }
  }
  // A pool as wide as the limit, so that a page that goes away stops queueing
  // work: a closed 2,000-row listing must not hold up the next page's lookups.
  let next = 0;
  const worker = async () => {
    while (next < rest.length && !lo.signal?.aborted) {
      const { id, key, page } = rest[next++]!;
      let r: Lookup;
      try {
        r = await b.fromNetwork(id, key, cached.get(key), page, includeRecord);
      } catch (e) {
        r = lookupFailed(id, key, e);
      }
      emit(r);
    }
  };
  await Promise.all(Array.from({ length: Math.min(b.concurrency, rest.length) }, worker));
}
