/** What detection finds on a page, and the metadata readers every page kind shares. */
import type { PaperId } from './key';
import { parseDoi } from './doi';
import { detectFromUrl } from './url';
import { collapseWhitespace } from './util';

export interface DetectedPaper {
  id: PaperId;
  /** The page's own title for this paper (raw `citation_title` when present: LaTeX kept). */
  title?: string;
  /**
   * The element an inline badge goes after: abstract page `h1.title`; listing
   * `a[title=Abstract]` in the row's `dt` (or the `dt`); search `p.list-title`.
   */
  anchor?: Element;
  /**
   * Other ids the page gives for the same paper, not looked up separately: on
   * an arXiv abstract page the journal DOI (`citation_doi`, `td.tablecell.doi`);
   * on a publisher page an arXiv id it names. See `detectFromDocument`.
   */
  alternateIds?: PaperId[];
}

export interface PageDetection {
  kind: 'abstract' | 'listing' | 'search' | 'html' | 'pdf' | 'publisher' | 'other';
  papers: DetectedPaper[];
  /** Human sentences, one per disagreement (URL vs metadata, two DOIs, ...). */
  conflicts: string[];
}

export interface Found {
  id: PaperId;
  source: string;
}

export type MetaMap = Map<string, string[]>;

/** All `<meta>` tags, read once: lower-cased name/property → contents in order. */
export function readMeta(doc: Document): MetaMap {
  const map: MetaMap = new Map();
  const metas = doc.querySelectorAll('meta');
  for (let i = 0; i < metas.length; i++) {
    const m = metas[i];
    if (!m) continue;
    const name = (m.getAttribute('name') ?? m.getAttribute('property') ?? m.getAttribute('itemprop') ?? '').trim().toLowerCase();
    const content = m.getAttribute('content');
    if (!name || content === null) continue;
    const list = map.get(name);
    if (list) list.push(content);
    else map.set(name, [content]);
  }
  return map;
}

export function firstMeta(meta: MetaMap, ...names: string[]): string | undefined {
  for (const n of names) {
    const v = meta.get(n)?.find((x) => x.trim().length > 0);
    if (v !== undefined) return v;
  }
  return undefined;
}

/** Text of an element without its leading `span.descriptor` ("Title:") and with whitespace collapsed. */
export function textWithoutDescriptor(el: Element): string {
  let text = collapseWhitespace(el.textContent ?? '');
  const first = el.firstElementChild;
  if (first && /(?:^|\s)descriptor(?:\s|$)/.test(first.getAttribute('class') ?? '')) {
    const d = collapseWhitespace(first.textContent ?? '');
    if (d.length > 0 && text.startsWith(d)) text = text.slice(d.length).trimStart();
  }
  return text.replace(/^Title:\s*/i, '');
}

export function nonEmpty(s: string | undefined | null): string | undefined {
  if (s === undefined || s === null) return undefined;
  const t = collapseWhitespace(s);
  return t.length > 0 ? t : undefined;
}

/** A DOI from a metadata value: bare `10.…`, `doi:10.…`, `https://doi.org/10.…`, `info:doi/10.…`. */
export function doiFromValue(v: string): PaperId | null {
  const t = v.trim();
  if (t.length === 0 || t.length > 2048) return null;
  const direct = parseDoi(t);
  if (direct) return direct;
  const viaUrl = /^https?:\/\//i.test(t) ? detectFromUrl(t)[0] : undefined;
  return viaUrl ?? null;
}
