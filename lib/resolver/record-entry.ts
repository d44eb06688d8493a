import { headlineOf, summaryOf } from '../pith/headline';
import { servedTitleOf } from '../pith/checks/schema';
import type { VerifyReport } from '../pith/report';
import { asPlainObject } from '../plain-object';
import { CACHE_VERSION, type BindInfo, type RecordEntry } from './cache-entry';

/**
 * A record as served → the cache entry that keeps it: the page-independent
 * verification report (a verifier that throws or returns nothing gives
 * `invalid`), plus the display and binding fields read once here so that no
 * later answer parses the record again. Apart from resolver.ts, which decides
 * when a record is fetched or re-verified, not what is kept of it.
 */

export type Verify = (input: string) => VerifyReport;

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

function invalidReport(detail: string): VerifyReport {
  return { state: 'invalid', checks: [{ name: 'schema', outcome: 'fail', detail }] };
}

function safeVerify(verify: Verify, text: string): VerifyReport {
  try {
    const r = verify(text);
    if (r && typeof r === 'object' && Array.isArray(r.checks)) return r;
    return invalidReport('The verifier returned no report.');
  } catch {
    return invalidReport('The verifier failed on this record.');
  }
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

/** Verify `text` and keep it with what its answers show; `stamp` names the verifier + trust configuration that made the report. */
export function buildEntry(text: string, host: string, fetchedAt: number, verify: Verify, stamp: string): RecordEntry {
  const report = safeVerify(verify, text);
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
