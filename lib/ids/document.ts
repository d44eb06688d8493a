import { idKey, type PaperId } from './key';
import { parseArxivId } from './arxiv';
import { detectFromUrl, isPithHost, safeUrl } from './url';
import { dedupeIds, describeId } from './util';
import { parseDoi } from './doi';
import { doiFromValue, firstMeta, nonEmpty, readMeta, type DetectedPaper, type Found, type MetaMap, type PageDetection } from './page';
import { detectArxivDocument } from './arxiv-page';

export type { PageDetection } from './page';

// ---------- JSON-LD ----------

const LD_ID_KEYS = ['identifier', 'sameAs', '@id', 'doi', 'url'];
const LD_NEST_KEYS = ['@graph', 'mainEntity', 'mainEntityOfPage'];

function idsFromLdValue(v: unknown, key: string, out: Found[], depth: number): void {
  if (depth > 4) return;
  if (typeof v === 'string') {
    const p = key === 'url' || key === '@id' ? (/^https?:\/\//i.test(v) ? detectFromUrl(v)[0] : undefined) : doiFromValue(v);
    if (p) out.push({ id: p, source: `JSON-LD ${key}` });
    return;
  }
  if (Array.isArray(v)) {
    for (const x of v.slice(0, 50)) idsFromLdValue(x, key, out, depth + 1);
    return;
  }
  if (v && typeof v === 'object') {
    // schema.org PropertyValue: {propertyID: 'doi', value: '10.…'}
    const o = v as Record<string, unknown>;
    const pid = typeof o.propertyID === 'string' ? o.propertyID.toLowerCase() : '';
    if (typeof o.value === 'string' && (pid === '' || pid === 'doi' || pid.includes('doi') || pid === 'arxiv')) {
      if (pid === 'arxiv') {
        const a = parseArxivId(o.value);
        if (a) out.push({ id: a, source: `JSON-LD ${key}` });
      } else {
        idsFromLdValue(o.value, key, out, depth + 1);
      }
    }
    if (typeof o['@id'] === 'string') idsFromLdValue(o['@id'], '@id', out, depth + 1);
  }
}

function walkLdEntity(node: unknown, out: Found[], depth: number): void {
  if (depth > 4 || node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const x of node.slice(0, 50)) walkLdEntity(x, out, depth + 1);
    return;
  }
  const o = node as Record<string, unknown>;
  for (const k of LD_ID_KEYS) {
    if (k in o) idsFromLdValue(o[k], k, out, 0);
  }
  for (const k of LD_NEST_KEYS) {
    if (k in o && typeof o[k] === 'object') walkLdEntity(o[k], out, depth + 1);
  }
}

/** Ids from JSON-LD blocks; a block that is not valid JSON is scanned for doi.org links instead. */
function readJsonLd(doc: Document): Found[] {
  const out: Found[] = [];
  const scripts = doc.querySelectorAll('script[type="application/ld+json"]');
  for (let i = 0; i < scripts.length && i < 20; i++) {
    const text = scripts[i]?.textContent ?? '';
    if (text.length > 1_000_000) continue;
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      // Bad JSON: take only DOIs written as doi.org links (a bare 10.… could be a citation).
      for (const m of text.matchAll(/doi\.org\/(10\.[^\s"'<>\\,]+)/gi)) {
        const p = m[1] !== undefined ? parseDoi(m[1]) : null;
        if (p) out.push({ id: p, source: 'JSON-LD (unparsable, doi.org link)' });
      }
      continue;
    }
    walkLdEntity(data, out, 0);
  }
  return out;
}

// ---------- conflicts ----------

function withoutVersion(id: PaperId): PaperId {
  return id.kind === 'arxiv' ? { kind: 'arxiv', id: id.id } : id;
}

/** Group found ids by kind; one conflict sentence per kind with two or more distinct ids. */
function conflictsAmong(found: Found[]): string[] {
  const out: string[] = [];
  for (const kind of ['arxiv', 'doi', 'pith'] as const) {
    const byKey = new Map<string, { id: PaperId; sources: string[] }>();
    for (const f of found) {
      if (f.id.kind !== kind) continue;
      const k = idKey(f.id);
      const e = byKey.get(k);
      if (e) {
        if (!e.sources.includes(f.source)) e.sources.push(f.source);
      } else byKey.set(k, { id: f.id, sources: [f.source] });
    }
    if (byKey.size > 1) {
      const parts = [...byKey.values()].map((e) => `${describeId(withoutVersion(e.id))} (${e.sources.join(', ')})`);
      const what = kind === 'arxiv' ? 'arXiv ids' : kind === 'doi' ? 'DOIs' : 'Pith Numbers';
      out.push(`This page names ${byKey.size} different ${what}: ${parts.join(' vs ')}.`);
    }
  }
  return out;
}

// ---------- publisher / other ----------

const DOI_META = ['citation_doi', 'prism.doi', 'dc.identifier', 'dc.identifier.doi', 'dcterms.identifier', 'bepress_citation_doi', 'doi', 'rft_id'];

function publisherPage(doc: Document, url: string, meta: MetaMap): PageDetection {
  const found: Found[] = [];
  for (const id of detectFromUrl(url)) found.push({ id, source: 'the address' });
  for (const name of DOI_META) {
    for (const v of meta.get(name) ?? []) {
      // dc.identifier also carries ISSNs, URLs and other ids: doiFromValue ignores them.
      const p = doiFromValue(v);
      if (p) found.push({ id: p, source: name });
    }
  }
  for (const v of meta.get('citation_arxiv_id') ?? []) {
    const p = parseArxivId(v);
    if (p) found.push({ id: p, source: 'citation_arxiv_id' });
  }
  found.push(...readJsonLd(doc));

  const conflicts = conflictsAmong(found);
  const ids = dedupeIds(found.map((f) => f.id));
  // The papers are the ids of the strongest kind present (Pith Number, then
  // DOI, then arXiv); ids of other kinds name the same paper another way and
  // are kept as alternates. Disagreeing ids of one kind are all kept (and
  // reported in `conflicts`), never one picked silently.
  const primaryKind = ids.some((x) => x.kind === 'pith') ? 'pith' : ids.some((x) => x.kind === 'doi') ? 'doi' : 'arxiv';
  const primary = ids.filter((x) => x.kind === primaryKind);
  const others = ids.filter((x) => x.kind !== primaryKind);

  const title =
    nonEmpty(firstMeta(meta, 'citation_title', 'dc.title', 'dcterms.title', 'prism.title', 'og:title', 'twitter:title')) ??
    nonEmpty(doc.querySelector('h1')?.textContent) ??
    nonEmpty(doc.title);
  const anchor = doc.querySelector('h1') ?? undefined;

  const papers = primary.map((id): DetectedPaper => {
    const p: DetectedPaper = { id };
    if (title !== undefined) p.title = title;
    if (anchor) p.anchor = anchor;
    if (others.length > 0) p.alternateIds = others;
    return p;
  });
  const u = safeUrl(url);
  const isPdf = u !== null && /\.pdf$/i.test(u.pathname);
  const kind: PageDetection['kind'] = isPdf ? 'pdf' : u && isPithHost(u.hostname) ? 'other' : primary.some((x) => x.kind === 'doi') ? 'publisher' : 'other';
  return { kind, papers, conflicts };
}

/**
 * Which papers a page is about, from its URL and DOM.
 *
 * - arXiv abstract (`/abs/`): the arXiv id (URL, `citation_arxiv_id`), the
 *   version shown (URL `vN`, else the bold current version in
 *   `div.submission-history`), the raw `citation_title`, anchor `h1.title`.
 *   A journal `citation_doi` is not a conflict: it goes into `alternateIds`.
 * - arXiv listing (`/list/`, `/catchup`) and search (`li.arxiv-result`):
 *   every row in page order, with title and anchor.
 * - arXiv HTML (`/html/`) and PDF (`/pdf/`): the id from the URL.
 * - other pages: ids from the URL, `citation_doi`, `dc.identifier`,
 *   `prism.doi`, `bepress_citation_doi`, JSON-LD `identifier`/`sameAs`/`@id`.
 * Disagreements are reported in `conflicts`. Never throws.
 */
export function detectFromDocument(doc: Document, url: string): PageDetection {
  const arxiv = detectArxivDocument(doc, url);
  if (arxiv) return arxiv;
  try {
    return publisherPage(doc, url, readMeta(doc));
  } catch (e) {
    return { kind: 'other', papers: [], conflicts: [`Detection failed: ${e instanceof Error ? e.message : String(e)}`] };
  }
}
