/**
 * Pure functions deriving what the popup shows from a LookupResult and the
 * record it carries. No browser globals, no DOM: unit-tested in Node.
 *
 * The record arrives as `unknown` (parsed JSON from a resolver we do not
 * trust), so every field is read defensively: a missing or ill-typed field is
 * simply absent from the view, never an exception.
 */
import * as z from 'zod/mini';
import { PaperIdSchema, idKey, type PaperId } from './ids/types';
import { describeId } from './ids/util';
import type { LookupResult, PaperResult } from './messages';
import { CHECK_NAMES, type CheckOutcome } from './pith/report';
import type { State } from './states';
import { age as ageStrings, ladder as ladderStrings, popup as P, status as S } from './strings';

type Obj = Record<string, unknown>;

function obj(v: unknown): Obj | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : undefined;
}
/** Walks a path of keys through nested objects. */
function at(v: unknown, ...path: string[]): unknown {
  let cur: unknown = v;
  for (const k of path) {
    const o = obj(cur);
    if (!o || !Object.prototype.hasOwnProperty.call(o, k)) return undefined;
    cur = o[k];
  }
  return cur;
}
/** A non-empty string, capped so a hostile record cannot flood the popup. */
function str(v: unknown, max = 4000): string | undefined {
  if (typeof v !== 'string') return undefined;
  const t = v.trim();
  if (!t) return undefined;
  return t.length > max ? `${t.slice(0, max)}…` : t;
}
function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}
function bool(v: unknown): boolean | undefined {
  return typeof v === 'boolean' ? v : undefined;
}
function strList(v: unknown): string[] {
  return Array.isArray(v) ? v.map((x) => str(x, 64)).filter((x): x is string => x !== undefined) : [];
}

// ---------------------------------------------------------------------------
// Paper

export interface PaperView {
  title?: string;
  /**
   * Whether the served title is the signed one (its canonical form hashes to
   * `title_canon_sha256`, checked by the verifier's `title` check). Anything
   * else is shown labelled as served and not matching.
   */
  titleSigned: boolean;
  authors?: string;
  /** arXiv id without version, from the canonical record when it has one. */
  arxivId?: string;
  version?: number;
  /** Primary category first, then cross-lists. */
  categories: string[];
  submittedAt?: string;
  doi?: string;
}

/** `report`: the verification report whose `title` check says whether the served title is the signed one. */
export function paperView(record: unknown, report?: Pick<Report, 'checks'>): PaperView {
  const canonSource = at(record, 'canonical_record', 'source');
  const source = obj(canonSource) ? canonSource : at(record, 'source');
  const kind = str(at(source, 'kind'));
  const meta = at(record, 'canonical_record', 'metadata');
  const paper = obj(at(record, 'paper')) ? at(record, 'paper') : at(record, 'graph_snapshot', 'paper');
  const primary = str(at(meta, 'primary_cat'), 64) ?? str(at(paper, 'primary_cat'), 64);
  const cross = obj(meta) ? strList(at(meta, 'cross_cats_sorted')) : strList(at(paper, 'cross_cats'));
  const categories = [...(primary ? [primary] : []), ...cross.filter((c) => c !== primary)];
  const aliases = Array.isArray(at(record, 'aliases')) ? (at(record, 'aliases') as unknown[]) : [];
  const doi = aliases.map((a) => (str(at(a, 'alias_kind')) === 'doi' ? str(at(a, 'alias_value'), 512) : undefined)).find(Boolean);
  const titleSigned = report?.checks.some((c) => c.name === 'title' && c.outcome === 'pass') === true;
  const view: PaperView = { categories, titleSigned };
  const title = str(at(paper, 'title'), 1000);
  if (title) view.title = title;
  const authors = str(at(paper, 'authors_text'), 2000);
  if (authors) view.authors = authors;
  if (kind === undefined || kind === 'arxiv') {
    const id = str(at(source, 'id'), 64);
    if (id) view.arxivId = id;
    const v = num(at(source, 'version'));
    if (v !== undefined && Number.isInteger(v) && v > 0) view.version = v;
  }
  const submitted = str(at(meta, 'submitted_at'), 64) ?? str(at(paper, 'submitted_at'), 64);
  if (submitted) view.submittedAt = submitted.slice(0, 10);
  if (doi) view.doi = doi;
  return view;
}

// ---------------------------------------------------------------------------
// Pith Number

export const PITH_SITE = 'https://pith.science';
const FULL_NUMBER = /^pith:(\d{4}):([A-Z2-7]{26})$/;

export interface PithNumberView {
  full: string;
  short: string;
  suffix: string;
  latex: string;
  url: string;
}

/** Parses a full Pith Number; undefined for anything else (never build a URL from junk). */
export function parsePithNumber(s: unknown): { year: string; suffix: string } | undefined {
  if (typeof s !== 'string') return undefined;
  const m = FULL_NUMBER.exec(s.trim());
  return m ? { year: m[1] as string, suffix: m[2] as string } : undefined;
}

export function pithUrl(suffix: string): string {
  return `${PITH_SITE}/pith/${encodeURIComponent(suffix)}`;
}

export function latexFor(suffix: string): string {
  return `\\pithnumber{${suffix}}`;
}

/**
 * The Pith Number as the record publishes it (falling back to the re-derived
 * one). The verification panel shows both when they differ.
 */
export function pithNumberView(result: Pick<LookupResult, 'record' | 'report' | 'pithNumber'>): PithNumberView | undefined {
  const candidates = [at(result.record, 'pith_number'), result.report?.pithNumber, result.pithNumber];
  for (const c of candidates) {
    const p = parsePithNumber(c);
    if (!p) continue;
    const full = `pith:${p.year}:${p.suffix}`;
    const short = `pith:${p.suffix.slice(0, 8)}`;
    return { full, short, suffix: p.suffix, latex: latexFor(p.suffix), url: pithUrl(p.suffix) };
  }
  return undefined;
}

// ---------------------------------------------------------------------------
// Claims

export interface ClaimView {
  kind: string;
  kindLabel: string;
  text: string;
  /** The status in words ("machine extracted"), when the record gives one. */
  status?: string;
  machineExtracted: boolean;
  claimId?: string;
}

export interface ClaimsView {
  headline?: ClaimView;
  summary?: ClaimView;
  strongest?: ClaimView;
  weakest?: ClaimView;
  /** Claims of any other kind, in record order. */
  others: ClaimView[];
  counts: { claims?: number; references?: number; referencesResolved?: number; inboundCitations?: number };
  verdictBy?: string;
}

const KIND_LABELS: Record<string, string> = {
  headline: P.headline,
  one_line_summary: P.summary,
  strongest_claim: P.strongestClaim,
  weakest_assumption: P.weakestAssumption,
};

function kindLabel(kind: string): string {
  return KIND_LABELS[kind] ?? `${P.otherClaim} (${kind.replace(/_/g, ' ')})`;
}

export function statusWords(status: string | undefined): string | undefined {
  if (!status) return undefined;
  if (status === 'machine_extracted') return P.machineExtracted;
  return status.replace(/_/g, ' ');
}

function claim(kind: string, text: string, status?: string, claimId?: string): ClaimView {
  const c: ClaimView = { kind, kindLabel: kindLabel(kind), text, machineExtracted: status === 'machine_extracted' };
  const words = statusWords(status);
  if (words) c.status = words;
  if (claimId) c.claimId = claimId;
  return c;
}

export function claimsView(record: unknown): ClaimsView {
  const snap = at(record, 'graph_snapshot');
  const itemsRaw = at(snap, 'claims', 'items');
  const items = (Array.isArray(itemsRaw) ? itemsRaw : []).slice(0, 50).flatMap((it) => {
    const kind = str(at(it, 'kind'), 64);
    const text = str(at(it, 'text'));
    return kind && text ? [claim(kind, text, str(at(it, 'status'), 64), str(at(it, 'claim_id'), 64))] : [];
  });
  const take = (kind: string) => {
    const i = items.findIndex((c) => c.kind === kind);
    return i >= 0 ? items.splice(i, 1)[0] : undefined;
  };
  const verdict = at(snap, 'verdict');
  // When the claims list lacks a kind, the verdict (or the paper's headline) may still carry it.
  const fallback = (kind: string, ...texts: unknown[]) => {
    const t = texts.map((x) => str(x)).find(Boolean);
    return t ? claim(kind, t) : undefined;
  };
  const view: ClaimsView = { others: [], counts: {} };
  const headline =
    take('headline') ??
    fallback('headline', at(verdict, 'pith_extraction_headline'), at(record, 'paper', 'headline'), at(snap, 'paper', 'headline'));
  const summary = take('one_line_summary') ?? fallback('one_line_summary', at(verdict, 'one_line_summary'));
  const strongest = take('strongest_claim') ?? fallback('strongest_claim', at(verdict, 'strongest_claim'));
  const weakest = take('weakest_assumption') ?? fallback('weakest_assumption', at(verdict, 'weakest_assumption'));
  if (headline) view.headline = headline;
  if (summary) view.summary = summary;
  if (strongest) view.strongest = strongest;
  if (weakest) view.weakest = weakest;
  view.others = items;

  const claims = num(at(snap, 'claims', 'count'));
  const refs = num(at(snap, 'references', 'count'));
  const resolved = num(at(snap, 'references', 'resolved_work'));
  const inbound = num(at(record, 'inbound_citations', 'count'));
  if (claims !== undefined) view.counts.claims = claims;
  else if (Array.isArray(itemsRaw)) view.counts.claims = itemsRaw.length;
  if (refs !== undefined) view.counts.references = refs;
  if (resolved !== undefined) view.counts.referencesResolved = resolved;
  if (inbound !== undefined) view.counts.inboundCitations = inbound;
  const reader = str(at(verdict, 'model_set', 'reader'), 100);
  const pipeline = str(at(verdict, 'pipeline_version'), 100);
  const by = [reader, pipeline].filter(Boolean).join(', ');
  if (by) view.verdictBy = by;
  return view;
}

export function hasClaims(v: ClaimsView): boolean {
  return Boolean(v.headline || v.summary || v.strongest || v.weakest || v.others.length);
}

// ---------------------------------------------------------------------------
// Status words and the completeness ladder (all from verification_status, unsigned)

export interface StatusWord {
  key: string;
  /** undefined when the record does not state the flag. */
  done?: boolean;
  label: string;
}

export function statusFlags(record: unknown): StatusWord[] {
  const vs = at(record, 'verification_status');
  const word = (key: string, name: string, yes: string, no: string): StatusWord => {
    const done = bool(at(vs, key));
    return done === undefined ? { key, label: S.notStated(name) } : { key, done, label: done ? yes : no };
  };
  return [
    word('author_attested', S.attestedName, S.attested, S.notAttested),
    word('externally_anchored', S.anchoredName, S.anchored, S.notAnchored),
    word('storage_verified', S.storedName, S.stored, S.notStored),
    word('references_resolved', S.refsName, S.refsResolved, S.refsPending),
  ];
}

export interface LadderRung {
  step: number;
  label: string;
  /** undefined when no flag the rung is inferred from is stated. */
  reached?: boolean;
}

/**
 * The five rungs, each inferred from verification_status (the mapping is ours,
 * not Pith's): 1 externally_anchored, 2 storage_verified, 3 author_attested or
 * any author claim, 4 citation_signatures > 0, 5 replication_records > 0.
 */
export function completenessLadder(record: unknown): LadderRung[] {
  const vs = at(record, 'verification_status');
  const flag = (k: string) => bool(at(vs, k));
  const positive = (k: string) => {
    const n = num(at(vs, k));
    return n === undefined ? undefined : n > 0;
  };
  const any = (...xs: (boolean | undefined)[]) => (xs.some((x) => x === true) ? true : xs.every((x) => x === undefined) ? undefined : false);
  const reached = [
    flag('externally_anchored'),
    flag('storage_verified'),
    any(flag('author_attested'), positive('weak_author_claims'), positive('strong_author_claims')),
    positive('citation_signatures'),
    positive('replication_records'),
  ];
  return ladderStrings.rungs.map((label, i) => {
    const r: LadderRung = { step: i + 1, label };
    const x = reached[i];
    if (x !== undefined) r.reached = x;
    return r;
  });
}

// ---------------------------------------------------------------------------
// Checks and the verification panel

export const OUTCOME_SYMBOL: Record<CheckOutcome, string> = { pass: '✓', fail: '✗', skip: '•' };

export interface CheckRow {
  name: string;
  label: string;
  outcome: CheckOutcome;
  symbol: string;
  outcomeLabel: string;
  detail: string;
  expected?: string;
  computed?: string;
}

type Report = NonNullable<LookupResult['report']>;

/** Every check of the report, in the documented order, then any others as given. */
export function checkRows(report: Report | undefined): CheckRow[] {
  if (!report) return [];
  const order = (n: string) => {
    const i = (CHECK_NAMES as readonly string[]).indexOf(n);
    return i < 0 ? CHECK_NAMES.length : i;
  };
  return [...report.checks]
    .map((c, i) => ({ c, i }))
    .sort((a, b) => order(a.c.name) - order(b.c.name) || a.i - b.i)
    .map(({ c }) => {
      const row: CheckRow = {
        name: c.name,
        label: P.checkLabel(c.name),
        outcome: c.outcome,
        symbol: OUTCOME_SYMBOL[c.outcome],
        outcomeLabel: P.outcome(c.outcome),
        detail: c.detail,
      };
      if (c.expected !== undefined) row.expected = c.expected;
      if (c.computed !== undefined) row.computed = c.computed;
      return row;
    });
}

export function failedChecks(report: Report | undefined): CheckRow[] {
  return checkRows(report).filter((r) => r.outcome === 'fail');
}

export interface VerificationView {
  hash: { published?: string; recomputed?: string; equal?: boolean };
  number: { published?: string; derived?: string };
  key: { id?: string; fingerprint?: string; pinned?: boolean; outcome?: CheckOutcome };
  signature: { outcome?: CheckOutcome; detail?: string; signedAt?: string; algorithm?: string };
  binding: { outcome?: CheckOutcome; detail?: string; id?: string; version?: number; titleHash?: string };
}

export function verificationView(result: Pick<LookupResult, 'record' | 'report'>): VerificationView {
  const { record, report } = result;
  const byName = new Map((report?.checks ?? []).map((c) => [c.name, c]));
  const hashCheck = byName.get('canonical-hash');
  const numCheck = byName.get('pith-number');
  const keyCheck = byName.get('key');
  const sigCheck = byName.get('signature');
  const bindCheck = byName.get('binding');

  const publishedHash = str(hashCheck?.expected, 128) ?? str(at(record, 'canonical_sha256'), 128);
  const recomputed = str(hashCheck?.computed, 128) ?? str(report?.canonicalSha256, 128);
  const hash: VerificationView['hash'] = {};
  if (publishedHash) hash.published = publishedHash;
  if (recomputed) hash.recomputed = recomputed;
  if (publishedHash && recomputed) hash.equal = publishedHash.toLowerCase() === recomputed.toLowerCase();

  const number: VerificationView['number'] = {};
  const pubNum = str(numCheck?.expected, 64) ?? str(at(record, 'pith_number'), 64);
  const derived = str(numCheck?.computed, 64) ?? str(report?.pithNumber, 64);
  if (pubNum) number.published = pubNum;
  if (derived) number.derived = derived;

  const key: VerificationView['key'] = {};
  const keyId = str(report?.keyId, 128) ?? str(at(record, 'receipt', 'key_id'), 128);
  const fp = str(report?.fingerprint, 128) ?? str(at(record, 'receipt', 'public_key_fingerprint'), 128);
  if (keyId) key.id = keyId;
  if (fp) key.fingerprint = fp;
  if (report?.keyPinned !== undefined) key.pinned = report.keyPinned;
  if (keyCheck) key.outcome = keyCheck.outcome;

  const signature: VerificationView['signature'] = {};
  if (sigCheck) {
    signature.outcome = sigCheck.outcome;
    signature.detail = sigCheck.detail;
  }
  const signedAt = str(at(record, 'receipt', 'signed_at'), 64);
  const algorithm = str(at(record, 'receipt', 'algorithm'), 32);
  if (signedAt) signature.signedAt = signedAt;
  if (algorithm) signature.algorithm = algorithm;

  const binding: VerificationView['binding'] = {};
  if (bindCheck) {
    binding.outcome = bindCheck.outcome;
    binding.detail = bindCheck.detail;
  }
  const src = at(record, 'canonical_record', 'source');
  const srcKind = str(at(src, 'kind'), 32);
  const srcId = str(at(src, 'id'), 128);
  if (srcId) binding.id = srcKind ? `${srcKind}:${srcId}` : srcId;
  const v = num(at(src, 'version'));
  if (v !== undefined) binding.version = v;
  const th = str(at(record, 'canonical_record', 'metadata', 'title_canon_sha256'), 128);
  if (th) binding.titleHash = th;
  return { hash, number, key, signature, binding };
}

// ---------------------------------------------------------------------------
// Screens

export type Screen = 'loading' | 'not-found' | 'error' | 'invalid' | 'mismatch' | 'unsigned' | 'unconfirmed' | 'verified';

export function screenFor(state: State): Screen {
  return state === 'pending' ? 'loading' : state;
}

/** "3 hours ago" from a timestamp (ms); an unknown or future time is said so. */
export function formatAge(then: number | undefined, now: number): string {
  if (then === undefined || !Number.isFinite(then)) return ageStrings.unknown;
  const s = Math.floor((now - then) / 1000);
  if (s < -60) return ageStrings.unknown;
  if (s < 60) return ageStrings.justNow;
  const m = Math.floor(s / 60);
  if (m < 60) return ageStrings.minutes(m);
  const h = Math.floor(m / 60);
  if (h < 48) return ageStrings.hours(h);
  return ageStrings.days(Math.floor(h / 24));
}

/** A short name for a paper result: its title from the record, else its id. */
export function resultLabel(result: Pick<PaperResult, 'id' | 'headline'> & { record?: unknown }): string {
  return str(at(result.record, 'paper', 'title'), 200) ?? describeId(result.id);
}

/** Search link for a paper pith.science does not know (the search path is a guess at the site's UI). */
export function searchUrl(id: PaperId): string {
  return `${PITH_SITE}/search?q=${encodeURIComponent(id.id)}`;
}

export function recordJson(record: unknown): string {
  return JSON.stringify(record, null, 2) ?? '';
}

// ---------------------------------------------------------------------------
// Recent lookups (browser.storage.local `recentLookups`)

export const RECENT_KEY = 'recentLookups';
export const MAX_RECENT = 10;

export const RecentLookupSchema = z.object({
  id: PaperIdSchema,
  label: z.string().check(z.maxLength(300)),
  at: z.number(),
});
export type RecentLookup = z.infer<typeof RecentLookupSchema>;
export const RecentLookupsSchema = z.array(RecentLookupSchema).check(z.maxLength(MAX_RECENT));

/** Whatever storage held: the valid entries, newest first, at most MAX_RECENT. */
export function parseRecent(raw: unknown): RecentLookup[] {
  if (!Array.isArray(raw)) return [];
  return raw
    .flatMap((x) => {
      const r = RecentLookupSchema.safeParse(x);
      return r.success ? [r.data] : [];
    })
    .slice(0, MAX_RECENT);
}

/** Adds (or moves to the front) one lookup; keeps the list unique by id and short. */
export function addRecent(list: readonly RecentLookup[], entry: RecentLookup): RecentLookup[] {
  const key = idKey(entry.id);
  const label = entry.label.length > 300 ? `${entry.label.slice(0, 299)}…` : entry.label;
  return [{ ...entry, label }, ...list.filter((r) => idKey(r.id) !== key)].slice(0, MAX_RECENT);
}

// ---------------------------------------------------------------------------
// Lookup box

export type LookupInput = { ok: true; id: PaperId; count: number } | { ok: false; error: string };

/**
 * Reads the lookup box: the first id `detect` finds, or a sentence saying why
 * none was found (`explain`, when given, words it more precisely).
 */
export function parseLookupInput(
  text: string,
  detect: (t: string) => PaperId[],
  explain?: (t: string) => string | null,
): LookupInput {
  const t = text.trim();
  if (!t) return { ok: false, error: P.lookupEmpty };
  if (t.length > 2000) return { ok: false, error: P.lookupNone };
  let ids: PaperId[] = [];
  try {
    ids = detect(t);
  } catch {
    ids = [];
  }
  const first = ids[0];
  if (first) return { ok: true, id: first, count: ids.length };
  let why: string | null = null;
  try {
    why = explain ? explain(t) : null;
  } catch {
    why = null;
  }
  return { ok: false, error: why ?? P.lookupNone };
}
