/** The paper block of the popup: title, authors, id, version, categories, DOI. */
import { isPlainObject } from '../plain-object';
import type { Report } from './checks';
import { at, num, str, strList } from '../pith/record-fields';

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
  const source = isPlainObject(canonSource) ? canonSource : at(record, 'source');
  const kind = str(at(source, 'kind'));
  const meta = at(record, 'canonical_record', 'metadata');
  const paper = isPlainObject(at(record, 'paper')) ? at(record, 'paper') : at(record, 'graph_snapshot', 'paper');
  const primary = str(at(meta, 'primary_cat'), 64) ?? str(at(paper, 'primary_cat'), 64);
  const cross = isPlainObject(meta) ? strList(at(meta, 'cross_cats_sorted')) : strList(at(paper, 'cross_cats'));
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
