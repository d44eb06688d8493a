import type { PaperId } from '../ids/types';
import type { Check, VerifyReport } from './report';
import { titleCanonSha256 } from './hash';

/**
 * The page binding, applied to a page-independent report.
 *
 * The cache keeps one report per record, computed once without a page
 * (hash, number, key, signature: the expensive part). Each page then re-binds
 * it here, which costs a string compare and at most one SHA-256 of a title.
 */

/** The parts of a canonical record the binding reads; anything else is ignored. */
export interface BindableCanonical {
  source?: { id?: unknown; kind?: unknown; version?: unknown } | null;
  metadata?: { title_canon_sha256?: unknown } | null;
}

export interface BindableAlias {
  alias_kind?: unknown;
  alias_value?: unknown;
}

export interface PageBinding {
  title?: string;
  id?: PaperId;
}

function asRecord(v: unknown): Record<string, unknown> | undefined {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/** Strip `arXiv:` and a trailing version from an arXiv id; lower-case the archive part. */
function bareArxiv(id: string): { id: string; version?: number } {
  const s = id.trim().replace(/^arxiv:/i, '');
  const m = /^(.*?)v(\d+)$/i.exec(s);
  if (m && m[1] && /\d$/.test(m[1])) return { id: m[1], version: Number(m[2]) };
  return { id: s };
}

function suffixOf(pithNumber: string | undefined): string | undefined {
  if (!pithNumber) return undefined;
  const m = /([A-Z2-7]{26})$/.exec(pithNumber.trim().toUpperCase());
  return m?.[1];
}

/** The page-independent state under the binding: verified/unsigned/invalid. */
function baseState(report: VerifyReport): VerifyReport['state'] {
  if (report.state === 'invalid') return 'invalid';
  if (report.checks.some((c) => c.name !== 'binding' && c.outcome === 'fail')) return 'invalid';
  if (report.state === 'verified' || report.state === 'unsigned') return report.state;
  // A report that was bound before (mismatch): recover the state under it.
  const sig = report.checks.find((c) => c.name === 'signature');
  return sig?.outcome === 'pass' && report.keyPinned === true ? 'verified' : 'unsigned';
}

interface Outcome {
  fails: string[];
  passes: string[];
  expected: string[];
  computed: string[];
  versionNote?: string;
}

function bindId(id: PaperId, canon: Record<string, unknown> | undefined, aliases: readonly BindableAlias[], report: VerifyReport, o: Outcome): void {
  const source = asRecord(canon?.source);
  const srcId = str(source?.id);
  const srcKind = str(source?.kind);
  const srcVersion = typeof source?.version === 'number' ? source.version : typeof source?.version === 'bigint' ? Number(source.version) : undefined;
  if (id.kind === 'arxiv') {
    const asked = bareArxiv(id.id);
    const version = id.version ?? asked.version;
    o.expected.push(`arXiv ${asked.id}`);
    o.computed.push(srcId !== undefined ? `arXiv ${srcId}` : 'no source id');
    if (srcKind !== undefined && srcKind !== 'arxiv') {
      o.fails.push(`the record is for a ${srcKind} source, not arXiv ${asked.id}`);
    } else if (srcId === undefined || srcId.toLowerCase() !== asked.id.toLowerCase()) {
      o.fails.push(`the record is for ${srcId !== undefined ? `arXiv ${srcId}` : 'no arXiv id'}, the page shows arXiv ${asked.id}`);
    } else {
      o.passes.push(`arXiv id ${asked.id} matches the record`);
      if (version !== undefined && srcVersion !== undefined && version !== srcVersion) {
        o.versionNote = `record is for v${srcVersion}`;
      }
    }
    return;
  }
  if (id.kind === 'doi') {
    const asked = id.id.trim().toLowerCase();
    const dois = new Set<string>();
    for (const a of aliases) {
      const k = str(a.alias_kind);
      const v = str(a.alias_value);
      if (k === 'doi' && v) dois.add(v.trim().toLowerCase());
    }
    if (srcId !== undefined && (srcKind === undefined || srcKind === 'arxiv')) dois.add(`10.48550/arxiv.${srcId.toLowerCase()}`);
    if (srcId !== undefined && srcKind === 'doi') dois.add(srcId.toLowerCase());
    o.expected.push(`DOI ${asked}`);
    o.computed.push(dois.size ? [...dois].join(', ') : 'no DOI');
    if (dois.has(asked)) o.passes.push(`DOI ${asked} is one of the record's DOIs`);
    else o.fails.push(`DOI ${asked} is not among the record's DOIs`);
    return;
  }
  const suffix = suffixOf(report.pithNumber);
  o.expected.push(`Pith ${id.id}`);
  o.computed.push(suffix ?? 'no Pith Number');
  if (!suffix) o.fails.push('the record has no readable Pith Number to compare');
  else if (suffix.startsWith(id.id.toUpperCase())) o.passes.push(`Pith Number starts with ${id.id}`);
  else o.fails.push(`Pith Number ${suffix} does not start with ${id.id}`);
}

/**
 * Bind a page-independent report to a page: replaces the `binding` check and,
 * when a valid (verified/unsigned) record is not the page's paper, turns the
 * state into `mismatch`. An `invalid` report stays invalid. Another arXiv
 * version is a note (`record is for v3`), never a mismatch.
 */
export function bindReport(
  report: VerifyReport,
  canonicalRecord: unknown,
  aliases: readonly BindableAlias[] | unknown,
  page: PageBinding,
): VerifyReport {
  const canon = asRecord(canonicalRecord);
  const aliasList: BindableAlias[] = Array.isArray(aliases) ? (aliases.filter((a) => asRecord(a)) as BindableAlias[]) : [];
  const o: Outcome = { fails: [], passes: [], expected: [], computed: [] };

  if (page.id) bindId(page.id, canon, aliasList, report, o);

  if (page.title !== undefined && page.title.trim() !== '') {
    const meta = asRecord(canon?.metadata);
    const want = str(meta?.title_canon_sha256)?.toLowerCase();
    if (want) {
      const got = titleCanonSha256(page.title);
      o.expected.push(`title hash ${want}`);
      o.computed.push(`title hash ${got}`);
      if (got === want) o.passes.push('the page title hashes to the record’s title_canon_sha256');
      else o.fails.push('the page title does not hash to the record’s title_canon_sha256');
    }
  }

  let check: Check;
  if (o.fails.length) {
    check = { name: 'binding', outcome: 'fail', detail: `Not this page’s paper: ${o.fails.join('; ')}.`, expected: o.expected.join('; '), computed: o.computed.join('; ') };
  } else if (o.passes.length) {
    check = { name: 'binding', outcome: 'pass', detail: `Bound to this page: ${o.passes.join('; ')}.`, expected: o.expected.join('; '), computed: o.computed.join('; ') };
  } else {
    check = { name: 'binding', outcome: 'skip', detail: 'No page id or title to bind the record to.' };
  }

  const checks = report.checks.filter((c) => c.name !== 'binding');
  checks.push(check);
  const base = baseState(report);
  const state = base === 'invalid' ? 'invalid' : check.outcome === 'fail' ? 'mismatch' : base;
  const out: VerifyReport = { ...report, state, checks };
  delete out.versionNote;
  if (o.versionNote) out.versionNote = o.versionNote;
  return out;
}
