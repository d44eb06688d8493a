import type { PaperId } from '../ids/key';
import type { LookupResult as MessageLookupResult } from '../messages';
import { bindReport } from '../pith/binding';
import type { VerifyReport } from '../pith/report';
import type { CacheEntry, RecordEntry } from './cache-entry';

/**
 * A cache entry → the answer for one page: the stored report re-bound to the
 * page's id and title (cheap, with bindReport), and the fields the popup and
 * the inline card show. Shared by the single lookup and lookupMany, so both
 * answer alike; apart from resolver.ts, which decides where an entry comes
 * from (memory, storage or the network).
 */

/** A LookupResult whose report keeps the precise VerifyReport type (it is assignable to LookupResult). */
export type Lookup = Omit<MessageLookupResult, 'report'> & { report?: VerifyReport };

export interface PageContext {
  title?: string;
  id?: PaperId;
}

export interface LookupOptions {
  force?: boolean;
  /** Include the parsed record in the result (default true for lookup, false for lookupMany). */
  includeRecord?: boolean;
  /** lookupMany: once aborted (the tab closed or navigated), ids not yet sent to the network are dropped. */
  signal?: AbortSignal;
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

export function fromRecord(id: PaperId, key: string, entry: RecordEntry, page: PageContext, includeRecord: boolean): Lookup {
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

export function fromNotFound(id: PaperId, key: string, entry: CacheEntry): Lookup {
  return { key, id, state: 'not-found', reason: `${entry.host} has no Pith Number for this paper`, fetchedAt: entry.fetchedAt, host: entry.host };
}

/** A lookup that failed in an unexpected way (a bug, not the network): state `error`, the reason in words. */
export function lookupFailed(id: PaperId, key: string, e: unknown): Lookup {
  return { key, id, state: 'error', reason: `lookup failed: ${e instanceof Error ? e.message : 'unknown error'}` };
}
