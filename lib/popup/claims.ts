/** The claims panel of the popup: headline, summary, strongest claim, weakest assumption, counts. */
import { popup as P } from '../strings';
import { at, num, str } from './read';

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
