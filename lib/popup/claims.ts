/** The claims panel of the popup: headline, summary, strongest claim, weakest assumption, counts. */
import { popup as P } from '../strings';
import { claimItems, claimOf, headlineOf, summaryOf, type RecordClaim } from '../pith/headline';
import { at, num, str } from '../pith/record-fields';

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

function statusWords(status: string | undefined): string | undefined {
  if (!status) return undefined;
  if (status === 'machine_extracted') return P.machineExtracted;
  return status.replace(/_/g, ' ');
}

function claim(c: RecordClaim): ClaimView {
  const v: ClaimView = { kind: c.kind, kindLabel: kindLabel(c.kind), text: c.text, machineExtracted: c.status === 'machine_extracted' };
  const words = statusWords(c.status);
  if (words) v.status = words;
  if (c.claimId) v.claimId = c.claimId;
  return v;
}

export function claimsView(record: unknown): ClaimsView {
  const snap = at(record, 'graph_snapshot');
  const itemsRaw = at(snap, 'claims', 'items');
  const items = claimItems(record);
  const verdict = at(snap, 'verdict');
  // Headline and summary by the rule the inline card shares (lib/pith/headline.ts); the verdict fills the other kinds a list lacks.
  const picked = [
    headlineOf(record, items),
    summaryOf(record, items),
    claimOf(items, 'strongest_claim', at(verdict, 'strongest_claim')),
    claimOf(items, 'weakest_assumption', at(verdict, 'weakest_assumption')),
  ];
  const [headline, summary, strongest, weakest] = picked.map((c) => (c ? claim(c) : undefined));
  const view: ClaimsView = { others: [], counts: {} };
  if (headline) view.headline = headline;
  if (summary) view.summary = summary;
  if (strongest) view.strongest = strongest;
  if (weakest) view.weakest = weakest;
  view.others = items.filter((c) => !picked.includes(c)).map(claim);

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
