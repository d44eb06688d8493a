/**
 * The one rule for a paper's headline and one-line summary, shared by the
 * inline card (through the resolver's summary of a record) and the popup's
 * claims panel, so the two never show different sentences for one paper.
 *
 * The claims list wins: its item is the extracted claim itself, with its
 * status and id, which the popup shows beside it; the verdict's and the paper
 * block's copies are fallbacks for records without that item.
 */
import { at, str } from './record-fields';

/** One line of text the record states about the paper, as the claims list gives it. */
export interface RecordClaim {
  kind: string;
  text: string;
  status?: string;
  claimId?: string;
}

/** The claims list's well-formed items (a kind and a text), the first 50 at most: a hostile list cannot flood the view. */
export function claimItems(record: unknown): RecordClaim[] {
  const raw = at(record, 'graph_snapshot', 'claims', 'items');
  return (Array.isArray(raw) ? raw : []).slice(0, 50).flatMap((it) => {
    const kind = str(at(it, 'kind'), 64);
    const text = str(at(it, 'text'));
    if (!kind || !text) return [];
    const c: RecordClaim = { kind, text };
    const status = str(at(it, 'status'), 64);
    const claimId = str(at(it, 'claim_id'), 64);
    if (status) c.status = status;
    if (claimId) c.claimId = claimId;
    return [c];
  });
}

/** The first item of `kind`, else the first of `texts` that is a non-empty string, as a claim of `kind` with no status. */
export function claimOf(items: readonly RecordClaim[], kind: string, ...texts: unknown[]): RecordClaim | undefined {
  const item = items.find((c) => c.kind === kind);
  if (item) return item;
  const text = texts.map((x) => str(x)).find(Boolean);
  return text ? { kind, text } : undefined;
}

/** The headline: the claims list's `headline` item, else the verdict's, else the paper block's. `items`: claimItems(record), when the caller has them. */
export function headlineOf(record: unknown, items = claimItems(record)): RecordClaim | undefined {
  const verdict = at(record, 'graph_snapshot', 'verdict');
  return claimOf(
    items,
    'headline',
    at(verdict, 'pith_extraction_headline'),
    at(record, 'paper', 'headline'),
    at(record, 'graph_snapshot', 'paper', 'headline'),
  );
}

/** The one-line summary: the claims list's `one_line_summary` item, else the verdict's. */
export function summaryOf(record: unknown, items = claimItems(record)): RecordClaim | undefined {
  return claimOf(items, 'one_line_summary', at(record, 'graph_snapshot', 'verdict', 'one_line_summary'));
}
