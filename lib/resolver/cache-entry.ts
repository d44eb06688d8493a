import { z } from 'zod';
import { ReportSchema } from '../messages';
import type { StorageAdapter } from './storage';

/**
 * What the lookup cache stores for one paper, and the version that guards it.
 * Its own file because the cache (which reads and writes entries), the LRU
 * index (which sizes them) and the resolver (which builds them) all need it.
 *
 * One storage key per paper (`pl:c:<idKey>`), holding the record TEXT as
 * served (bigint-safe), when and where it was fetched, and the
 * page-independent verification report plus the few fields the page binding
 * needs, so that a warm listing re-binds each row without parsing records or
 * checking signatures. Negative entries (`not-found`) are kept too. Every
 * entry carries `v: CACHE_VERSION`; one that fails the schema on read is
 * ignored (and the cache removes it).
 */

export const CACHE_VERSION = 2;
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

/** The `stamp` of reports made now: the cache version and the verifier + trust configuration (`reportStamp`). */
export function stampOf(reportStamp: string | undefined): string {
  return `${CACHE_VERSION}:${reportStamp ?? 'default'}`;
}

/** What an entry costs in storage, approximately: its record text dominates. */
export function sizeOf(entry: CacheEntry): number {
  return entry.kind === 'record' ? entry.text.length + 512 : 64;
}

/**
 * The entries stored under `keys`, in one storage read: those that pass the
 * schema, in the order of `keys`, and the keys whose value does not (absent
 * keys are in neither). A failed read finds nothing.
 */
export async function readEntries(storage: StorageAdapter, keys: string[]): Promise<{ entries: Map<string, CacheEntry>; bad: string[] }> {
  let got: Record<string, unknown>;
  try {
    got = await storage.get(keys);
  } catch {
    got = {};
  }
  const entries = new Map<string, CacheEntry>();
  const bad: string[] = [];
  for (const k of keys) {
    const raw = got[k];
    if (raw === undefined) continue;
    const parsed = EntrySchema.safeParse(raw);
    if (parsed.success) entries.set(k, parsed.data);
    else bad.push(k);
  }
  return { entries, bad };
}

export interface EntryTally {
  entries: number;
  records: number;
  notFound: number;
  /** Approximate size of the stored entries (JSON characters). */
  bytes: number;
  oldestFetchedAt?: number;
  newestFetchedAt?: number;
}

/** What the entries add up to, for the cache's stats. */
export function tallyEntries(entries: Iterable<CacheEntry>): EntryTally {
  const s: EntryTally = { entries: 0, records: 0, notFound: 0, bytes: 0 };
  for (const e of entries) {
    s.entries++;
    if (e.kind === 'record') s.records++;
    else s.notFound++;
    s.bytes += JSON.stringify(e).length;
    const f = e.fetchedAt;
    if (s.oldestFetchedAt === undefined || f < s.oldestFetchedAt) s.oldestFetchedAt = f;
    if (s.newestFetchedAt === undefined || f > s.newestFetchedAt) s.newestFetchedAt = f;
  }
  return s;
}
