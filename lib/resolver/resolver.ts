import { idKey, type PaperId } from '../ids/key';
import type { LookupResult as MessageLookupResult } from '../messages';
import type { ClientResult } from '../pith/client';
import { bindReport } from '../pith/binding';
import { asPlainObject } from '../plain-object';
import { headlineOf, summaryOf } from '../pith/headline';
import { servedTitleOf } from '../pith/checks/schema';
import type { VerifyReport } from '../pith/report';
import { LookupCache, type CacheStats } from './cache';
import { CACHE_VERSION, stampOf, type CacheEntry, type RecordEntry, type BindInfo } from './cache-entry';
import { createDedup, createLimit } from './limit';
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
 * re-binds it to the page (id + title) with bindReport, which is cheap. A
 * report is re-verified from the stored text when `reportStamp` changes (e.g.
 * the user pinned another key).
 */

export type Verify = (input: string) => VerifyReport;
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

interface PageContext {
  title?: string;
  id?: PaperId;
}

interface LookupOptions {
  force?: boolean;
  /** Include the parsed record in the result (default true for lookup, false for lookupMany). */
  includeRecord?: boolean;
  /** lookupMany: once aborted (the tab closed or navigated), ids not yet sent to the network are dropped. */
  signal?: AbortSignal;
}

/** A LookupResult whose report keeps the precise VerifyReport type (it is assignable to LookupResult). */
export type Lookup = Omit<MessageLookupResult, 'report'> & { report?: VerifyReport };

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

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

function invalidReport(detail: string): VerifyReport {
  return { state: 'invalid', checks: [{ name: 'schema', outcome: 'fail', detail }] };
}

/** Pull the display and binding fields out of a record (parsed with JSON.parse: none of them are big numbers). */
function extract(parsed: unknown): { bind: BindInfo; pithNumber?: string; headline?: string; summary?: string; title?: string } {
  const rec = asPlainObject(parsed);
  const canon = asPlainObject(rec?.canonical_record);
  const src = asPlainObject(canon?.source);
  const meta = asPlainObject(canon?.metadata);
  const bind: BindInfo = { dois: [] };
  if (src) {
    const source: NonNullable<BindInfo['source']> = {};
    const id = str(src.id);
    const kind = str(src.kind);
    if (id !== undefined) source.id = id;
    if (kind !== undefined) source.kind = kind;
    if (typeof src.version === 'number' && Number.isFinite(src.version)) source.version = src.version;
    bind.source = source;
  }
  const titleSha = str(meta?.title_canon_sha256);
  if (titleSha !== undefined) bind.titleSha = titleSha;
  if (Array.isArray(rec?.aliases)) {
    for (const a of rec.aliases) {
      const o = asPlainObject(a);
      const v = str(o?.alias_value);
      if (o?.alias_kind === 'doi' && v && v.length <= 512) bind.dois.push(v.toLowerCase());
    }
  }
  const out: { bind: BindInfo; pithNumber?: string; headline?: string; summary?: string; title?: string } = { bind };
  // Read as the verifier reads it, so its `title` check speaks for this text.
  const title = rec ? servedTitleOf(rec) : undefined;
  if (title !== undefined) out.title = title;
  const pn = str(rec?.pith_number);
  if (pn) out.pithNumber = pn;
  // The popup's rule (lib/pith/headline.ts): the inline card shows the same headline and summary.
  const headline = headlineOf(parsed)?.text;
  if (headline) out.headline = headline.slice(0, 2000);
  const summary = summaryOf(parsed)?.text;
  if (summary) out.summary = summary.slice(0, 2000);
  return out;
}

/**
 * The record's served title when the verifier's `title` check found that it
 * hashes to the signed `title_canon_sha256` (PaperResult.signedTitle), else
 * undefined: the check's own verdict, not a second parse and hash per answer.
 */
function signedTitleOf(entry: RecordEntry): string | undefined {
  const signed = entry.report.checks.some((c) => c.name === 'title' && c.outcome === 'pass');
  return signed && entry.title !== undefined && entry.title.length <= 2000 ? entry.title : undefined;
}

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

  function safeVerify(text: string): VerifyReport {
    try {
      const r = opts.verify(text);
      if (r && typeof r === 'object' && Array.isArray(r.checks)) return r;
      return invalidReport('The verifier returned no report.');
    } catch {
      return invalidReport('The verifier failed on this record.');
    }
  }

  function buildEntry(text: string, host: string, fetchedAt: number): RecordEntry {
    const report = safeVerify(text);
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    const x = extract(parsed);
    const entry: RecordEntry = { v: CACHE_VERSION, kind: 'record', fetchedAt, host, text, stamp, report, bind: x.bind };
    const pn = report.pithNumber ?? x.pithNumber;
    if (pn) entry.pithNumber = pn;
    if (x.headline) entry.headline = x.headline;
    if (x.summary) entry.summary = x.summary;
    if (x.title !== undefined) entry.title = x.title;
    return entry;
  }

  /** Re-verify a cached record whose report came from another verifier/trust configuration. */
  function refreshStamp(key: string, entry: RecordEntry): RecordEntry {
    if (entry.stamp === stamp) return entry;
    const fresh = buildEntry(entry.text, entry.host, entry.fetchedAt);
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
          const entry = buildEntry(r.text, r.host, t);
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

  function fromRecord(id: PaperId, key: string, entry: RecordEntry, page: PageContext, includeRecord: boolean): Lookup {
    const canonical = { source: entry.bind.source, metadata: entry.bind.titleSha !== undefined ? { title_canon_sha256: entry.bind.titleSha } : {} };
    const aliases = entry.bind.dois.map((d) => ({ alias_kind: 'doi', alias_value: d }));
    const pageBinding: { id: PaperId; title?: string } = { id: page.id ?? id };
    if (page.title !== undefined) pageBinding.title = page.title;
    const report = bindReport(entry.report as VerifyReport, canonical, aliases, pageBinding);
    const r: Lookup = { key, id, state: report.state, fetchedAt: entry.fetchedAt, host: entry.host, report };
    const pn = report.pithNumber ?? entry.pithNumber;
    if (pn) r.pithNumber = pn;
    if (entry.headline) r.headline = entry.headline;
    if (entry.summary) r.summary = entry.summary;
    if (report.versionNote) r.versionNote = report.versionNote;
    const signedTitle = signedTitleOf(entry);
    if (signedTitle !== undefined) r.signedTitle = signedTitle;
    if (includeRecord) {
      r.recordText = entry.text;
      try {
        r.record = JSON.parse(entry.text);
      } catch {
        r.record = entry.text;
      }
    }
    return r;
  }

  function fromNotFound(id: PaperId, key: string, entry: CacheEntry): Lookup {
    return { key, id, state: 'not-found', reason: `${entry.host} has no Pith Number for this paper`, fetchedAt: entry.fetchedAt, host: entry.host };
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
      return { key, id, state: 'error', reason: `lookup failed: ${e instanceof Error ? e.message : 'unknown error'}` };
    }
  }

  async function lookupMany(papers: readonly { id: PaperId; title?: string }[], onResult: (r: Lookup) => void, lo: LookupOptions = {}): Promise<void> {
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
      cached = lo.force ? new Map() : await cache.getMany(papers.map((p) => idKey(p.id)));
    } catch {
      cached = new Map();
    }
    const rest: { id: PaperId; key: string; page: PageContext }[] = [];
    for (const p of papers) {
      const key = idKey(p.id);
      const page: PageContext = p.title !== undefined ? { title: p.title } : {};
      let hit: Lookup | undefined;
      try {
        hit = fromCache(p.id, key, cached.get(key), page, includeRecord);
      } catch {
        hit = undefined;
      }
      if (hit) {
        counters.hits++;
        emit(hit);
      } else {
        counters.misses++;
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
          r = await fromNetwork(id, key, cached.get(key), page, includeRecord);
        } catch (e) {
          r = { key, id, state: 'error', reason: `lookup failed: ${e instanceof Error ? e.message : 'unknown error'}` };
        }
        emit(r);
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, rest.length) }, worker));
  }

  async function idle(): Promise<void> {
    for (;;) {
      await dedup.idle();
      if (background.size) await Promise.allSettled([...background]);
      if (!dedup.size && !background.size) break;
    }
    await cache.flush();
  }

  return {
    lookup,
    lookupMany,
    cache,
    idle,
    clear: () => cache.clear(),
    async stats() {
      const s = await cache.stats();
      return { ...s, ...counters, inFlight: dedup.size };
    },
  };
}
