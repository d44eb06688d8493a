import { idKey, type PaperId } from './types';
import { parseArxivId } from './arxiv';
import { parseDoi } from './doi';
import { arxivPageKind, detectFromUrl, isPithHost, safeUrl } from './url';
import { collapseWhitespace, dedupeIds, describeId } from './util';

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

interface Found {
  id: PaperId;
  source: string;
}

type MetaMap = Map<string, string[]>;

/** All `<meta>` tags, read once: lower-cased name/property → contents in order. */
function readMeta(doc: Document): MetaMap {
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

function firstMeta(meta: MetaMap, ...names: string[]): string | undefined {
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

function nonEmpty(s: string | undefined | null): string | undefined {
  if (s === undefined || s === null) return undefined;
  const t = collapseWhitespace(s);
  return t.length > 0 ? t : undefined;
}

/** A DOI from a metadata value: bare `10.…`, `doi:10.…`, `https://doi.org/10.…`, `info:doi/10.…`. */
function doiFromValue(v: string): PaperId | null {
  const t = v.trim();
  if (t.length === 0 || t.length > 2048) return null;
  const direct = parseDoi(t);
  if (direct) return direct;
  const viaUrl = /^https?:\/\//i.test(t) ? detectFromUrl(t)[0] : undefined;
  return viaUrl ?? null;
}

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

// ---------- arXiv abstract / html / pdf ----------

/** The version shown as current in `div.submission-history`: the bold `[vN]` that is not a link. */
export function currentVersionFromHistory(doc: Document): number | undefined {
  const hist = doc.querySelector('div.submission-history, .submission-history');
  if (!hist) return undefined;
  const strongs = hist.querySelectorAll('strong, b');
  let current: number | undefined;
  let highest: number | undefined;
  for (let i = 0; i < strongs.length; i++) {
    const s = strongs[i];
    if (!s) continue;
    const m = /\[v(\d{1,4})\]/.exec(s.textContent ?? '');
    if (!m || m[1] === undefined) continue;
    const n = Number(m[1]);
    if (n <= 0) continue;
    highest = highest === undefined ? n : Math.max(highest, n);
    if (s.querySelector('a') === null && current === undefined) current = n;
  }
  return current ?? highest;
}

function arxivPage(doc: Document, url: string, kind: 'abstract' | 'html' | 'pdf' | 'other', meta: MetaMap): PageDetection {
  const conflicts: string[] = [];
  const fromUrl = detectFromUrl(url).find((x) => x.kind === 'arxiv');
  const metaIdText = firstMeta(meta, 'citation_arxiv_id');
  const fromMeta = metaIdText !== undefined ? parseArxivId(metaIdText) : null;

  let id: PaperId | undefined = fromUrl ?? fromMeta ?? undefined;
  if (fromUrl && fromMeta && fromUrl.id !== fromMeta.id) {
    conflicts.push(`The address names arXiv:${fromUrl.id} but the page metadata (citation_arxiv_id) names arXiv:${fromMeta.id}.`);
  }
  if (id === undefined) return { kind, papers: [], conflicts };

  let anchor: Element | undefined;
  let headingTitle: string | undefined;
  if (kind === 'abstract') {
    const h1 = doc.querySelector('h1.title') ?? doc.querySelector('h1');
    if (h1) {
      anchor = h1;
      headingTitle = nonEmpty(textWithoutDescriptor(h1));
    }
    if (id.kind === 'arxiv') {
      const shown = currentVersionFromHistory(doc);
      if (shown !== undefined) {
        if (id.version === undefined) id = { ...id, version: shown };
        else if (id.version !== shown) {
          conflicts.push(`The address asks for v${id.version} of arXiv:${id.id} but the page shows v${shown} as the current version.`);
        }
      }
    }
  } else if (kind === 'html') {
    const h1 = doc.querySelector('h1.ltx_title_document') ?? doc.querySelector('h1.ltx_title') ?? doc.querySelector('h1');
    if (h1) {
      anchor = h1;
      headingTitle = nonEmpty(h1.textContent);
    }
  }
  const title =
    nonEmpty(firstMeta(meta, 'citation_title')) ??
    nonEmpty(firstMeta(meta, 'og:title')) ??
    headingTitle ??
    (kind === 'html' ? nonEmpty(doc.title) : undefined);

  // Journal DOIs: the same paper published elsewhere. Kept as alternates, not
  // as extra papers: the arXiv id is what Pith records are keyed on, and a
  // second lookup would draw a second badge for the same paper.
  const alternates: PaperId[] = [];
  const found: Found[] = [{ id, source: 'the address' }];
  const addDoiish = (p: PaperId | null, source: string) => {
    if (!p || id === undefined) return;
    if (p.kind === 'arxiv') {
      // An arXiv DOI must be this paper's own.
      if (id.kind === 'arxiv' && p.id !== id.id) found.push({ id: p, source });
      return;
    }
    alternates.push(p);
  };
  for (const v of meta.get('citation_doi') ?? []) addDoiish(doiFromValue(v), 'citation_doi');
  const doiCells = doc.querySelectorAll('td.tablecell.doi a[href], td.doi a[href]');
  for (let i = 0; i < doiCells.length; i++) {
    const a = doiCells[i];
    const href = a?.getAttribute('href');
    if (href) addDoiish(doiFromValue(href), 'the DOI field');
  }
  const arxivDoiLinks = doc.querySelectorAll('a[href*="10.48550/arXiv."], a[href*="10.48550/arxiv."]');
  for (let i = 0; i < arxivDoiLinks.length && i < 5; i++) {
    const href = arxivDoiLinks[i]?.getAttribute('href');
    if (href) addDoiish(doiFromValue(href), 'the arXiv DOI link');
  }
  if (found.length > 1 && id.kind === 'arxiv') {
    for (const f of found.slice(1)) {
      conflicts.push(`The page is arXiv:${id.id} but ${f.source} names ${describeId(f.id)}.`);
    }
  }

  const paper: DetectedPaper = { id };
  if (title !== undefined) paper.title = title;
  if (anchor !== undefined) paper.anchor = anchor;
  const alt = dedupeIds(alternates);
  if (alt.length > 0) paper.alternateIds = alt;
  return { kind, papers: [paper], conflicts };
}

// ---------- arXiv listing ----------

function idFromAbsLink(a: Element): PaperId | null {
  const idAttr = a.getAttribute('id');
  if (idAttr) {
    const p = parseArxivId(idAttr);
    if (p) return p;
  }
  const href = a.getAttribute('href') ?? '';
  const at = href.indexOf('/abs/');
  if (at !== -1) {
    let rest = href.slice(at + 5);
    const cut = rest.search(/[?#]/);
    if (cut !== -1) rest = rest.slice(0, cut);
    let decoded = rest;
    try {
      decoded = decodeURIComponent(rest);
    } catch {
      /* keep raw */
    }
    const p = parseArxivId(decoded.replace(/\/$/, ''));
    if (p) return p;
  }
  return parseArxivId((a.textContent ?? '').trim());
}

function isAbstractLink(a: Element): boolean {
  const title = a.getAttribute('title');
  if (title !== null && title.toLowerCase() === 'abstract') return true;
  return (a.getAttribute('href') ?? '').includes('/abs/');
}

const LIST_TITLE_CLASS = /(?:^|\s)list-title(?:\s|$)/;

/** The abstract link of a listing `dt`: usually a direct child, else any descendant. */
function abstractLinkOf(dt: Element): Element | undefined {
  const kids = dt.children;
  for (let j = 0; j < kids.length; j++) {
    const a = kids[j];
    if (a && a.tagName.toUpperCase() === 'A' && isAbstractLink(a)) return a;
  }
  const links = dt.getElementsByTagName('a');
  for (let j = 0; j < links.length; j++) {
    const a = links[j];
    if (a && isAbstractLink(a)) return a;
  }
  return undefined;
}

/** The `.list-title` inside a listing `dd` (dd > div.meta > div.list-title), found by walking a few levels of children. */
function findListTitle(dd: Element): Element | null {
  let level: Element[] = [dd];
  for (let depth = 0; depth < 4 && level.length > 0; depth++) {
    const next: Element[] = [];
    for (const el of level) {
      const kids = el.children;
      for (let i = 0; i < kids.length; i++) {
        const k = kids[i];
        if (!k) continue;
        const cls = k.getAttribute('class');
        if (cls !== null && LIST_TITLE_CLASS.test(cls)) return k;
        next.push(k);
      }
    }
    level = next;
  }
  return null;
}

/**
 * Every row of every `dl` (`dl#articles`, "New submissions", "Cross-lists",
 * "Replacements", catch-up pages), in document order: one pass over all
 * `dt` elements; each row's title comes from the `dd` that follows its `dt`.
 * No per-row document-wide query.
 */
function listingPage(doc: Document): PageDetection {
  const papers: DetectedPaper[] = [];
  const dts = doc.getElementsByTagName('dt');
  for (let i = 0; i < dts.length; i++) {
    const dt = dts[i];
    if (!dt) continue;
    const link = abstractLinkOf(dt);
    if (!link) continue;
    const id = idFromAbsLink(link);
    if (!id) continue;
    const paper: DetectedPaper = { id, anchor: link };
    let sib = dt.nextElementSibling;
    while (sib && sib.tagName !== 'DD' && sib.tagName !== 'DT' && sib.tagName !== 'dd' && sib.tagName !== 'dt') sib = sib.nextElementSibling;
    if (sib && sib.tagName.toUpperCase() === 'DD') {
      const t = findListTitle(sib);
      const title = t ? nonEmpty(textWithoutDescriptor(t)) : undefined;
      if (title !== undefined) paper.title = title;
    }
    papers.push(paper);
  }
  return { kind: 'listing', papers, conflicts: [] };
}

// ---------- arXiv search ----------

function searchPage(doc: Document): PageDetection {
  const papers: DetectedPaper[] = [];
  const items = doc.querySelectorAll('li.arxiv-result');
  for (let i = 0; i < items.length; i++) {
    const li = items[i];
    if (!li) continue;
    const head = li.querySelector('p.list-title') ?? li.querySelector('.list-title');
    if (!head) continue;
    let id: PaperId | null = null;
    const links = head.getElementsByTagName('a');
    for (let j = 0; j < links.length && !id; j++) {
      const a = links[j];
      if (a && isAbstractLink(a)) id = idFromAbsLink(a);
    }
    if (!id) {
      const m = /arXiv:\s*(\S+)/i.exec(head.textContent ?? '');
      id = m && m[1] !== undefined ? parseArxivId(m[1]) : null;
    }
    if (!id) continue;
    const p: DetectedPaper = { id, anchor: head };
    const t = li.querySelector('p.title');
    const title = t ? nonEmpty(textWithoutDescriptor(t)) : undefined;
    if (title !== undefined) p.title = title;
    papers.push(p);
  }
  return { kind: 'search', papers, conflicts: [] };
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
  const kind: PageDetection['kind'] = isPdf
    ? 'pdf'
    : u && isPithHost(u.hostname)
      ? 'other'
      : primary.some((x) => x.kind === 'doi')
        ? 'publisher'
        : 'other';
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
  try {
    const meta = readMeta(doc);
    const arxivKind = arxivPageKind(url);
    if (arxivKind !== null) {
      switch (arxivKind) {
        case 'abstract':
          return arxivPage(doc, url, 'abstract', meta);
        case 'html':
          return arxivPage(doc, url, 'html', meta);
        case 'pdf':
          return arxivPage(doc, url, 'pdf', meta);
        case 'listing':
          return listingPage(doc);
        case 'search':
          return searchPage(doc);
        default: {
          // /format/ID and unknown paths: a single paper when the URL names one,
          // else whatever rows the page holds.
          if (detectFromUrl(url).length > 0) return arxivPage(doc, url, 'other', meta);
          if (doc.querySelector('li.arxiv-result')) return searchPage(doc);
          const listing = listingPage(doc);
          if (listing.papers.length > 0) return listing;
          return { kind: 'other', papers: [], conflicts: [] };
        }
      }
    }
    return publisherPage(doc, url, meta);
  } catch (e) {
    return { kind: 'other', papers: [], conflicts: [`Detection failed: ${e instanceof Error ? e.message : String(e)}`] };
  }
}
