import type { PaperId } from './key';
import { parseArxivId } from './arxiv';
import { parseDoi, percentDecode } from './doi';
import { parsePithNumber } from './pith-number';
import { dedupeIds } from './util';

/** What kind of arXiv page a URL is; null when the host is not arXiv. */
export type ArxivPageKind = 'abstract' | 'listing' | 'search' | 'html' | 'pdf' | 'format' | 'other';

const ARXIV_SINGLE_VIEWS = new Set(['abs', 'pdf', 'html', 'format', 'ps', 'dvi', 'src', 'e-print', 'tb']);
/** Segments a publisher puts between `/doi/` and the DOI, or before the DOI itself. */
const PUBLISHER_VIEWS = new Set([
  'doi',
  'abs',
  'full',
  'pdf',
  'epdf',
  'pdfdirect',
  'pdfplus',
  'reader',
  'book',
  'fulltext',
  'figure',
  'suppl',
  'ref',
  'citedby',
  'epub',
  'article',
  'articles',
  'chapter',
]);
const ARTICLE_SEGMENTS = new Set(['article', 'articles', 'chapter']);
/** View names some publishers append after the DOI (`/articles/10.3389/x/full`). */
const TRAILING_VIEWS = new Set(['full', 'abstract', 'pdf', 'epdf', 'html', 'fulltext', 'summary']);
const DOI_PREFIX_SEGMENT = /^10\.\d{4,9}(?:\.\d{1,9}){0,4}$/;

export function safeUrl(url: string, base?: string): URL | null {
  if (typeof url !== 'string' || url.length > 8192) return null;
  try {
    return base === undefined ? new URL(url) : new URL(url, base);
  } catch {
    return null;
  }
}

/** A URL's host name, lower-case, without a trailing dot; '' when `url` is not a URL. What site matching compares. */
export function hostOf(url: string | URL): string {
  let u: URL;
  try {
    u = typeof url === 'string' ? new URL(url) : url;
  } catch {
    return '';
  }
  return u.hostname.toLowerCase().replace(/\.$/, '');
}

/** The arXiv hosts our content scripts run on (match patterns for `paths` there). */
export function arxivMatches(paths: readonly string[]): string[] {
  return ['arxiv.org', 'www.arxiv.org', 'export.arxiv.org'].flatMap((h) => paths.map((p) => `*://${h}${p}`));
}

export function isArxivHost(host: string): boolean {
  const h = host.toLowerCase();
  return h === 'arxiv.org' || h.endsWith('.arxiv.org') || h === 'ar5iv.org' || h === 'xxx.lanl.gov';
}

export function isPithHost(host: string): boolean {
  const h = host.toLowerCase();
  return h === 'pith.science' || h === 'www.pith.science';
}

function isDoiHost(host: string): boolean {
  return host === 'doi.org' || host === 'dx.doi.org' || host === 'www.doi.org';
}

function segmentsOf(u: URL): string[] {
  return u.pathname
    .split('/')
    .filter((s) => s.length > 0)
    .map((s) => percentDecode(s, 3));
}

/** Classify an arXiv URL by page type; null when the URL is not on arXiv. */
export function arxivPageKind(url: string): ArxivPageKind | null {
  const u = safeUrl(url);
  if (!u || !isArxivHost(hostOf(u))) return null;
  const first = segmentsOf(u)[0]?.toLowerCase();
  switch (first) {
    case 'abs':
      return 'abstract';
    case 'list':
    case 'catchup':
      return 'listing';
    case 'search':
      return 'search';
    case 'html':
      return 'html';
    case 'pdf':
      return 'pdf';
    case 'format':
      return 'format';
    default:
      return 'other';
  }
}

/** The kind of a paper's own arXiv page (abstract, HTML, PDF: the address names the paper); null for any other page. */
export function arxivPaperPageKind(url: string): 'abstract' | 'html' | 'pdf' | null {
  const kind = arxivPageKind(url);
  return kind === 'abstract' || kind === 'html' || kind === 'pdf' ? kind : null;
}

function stripExt(s: string): string {
  return s.replace(/\.pdf$/i, '');
}

/** The arXiv id in the path of an arXiv URL (`/abs/ID`, `/pdf/ID.pdf`, `/html/IDvN/...`). */
function arxivFromSegments(segs: string[]): PaperId[] {
  const view = segs[0]?.toLowerCase();
  if (view === undefined || !ARXIV_SINGLE_VIEWS.has(view)) return [];
  const a = segs[1];
  if (a === undefined) return [];
  const single = parseArxivId(stripExt(a));
  if (single) return [single];
  const b = segs[2];
  if (b !== undefined) {
    const old = parseArxivId(`${a}/${stripExt(b)}`);
    if (old) return [old];
  }
  return [];
}

function pithFromSegments(segs: string[]): PaperId[] {
  const [s0, s1, s2, s3] = segs;
  const first = s0?.toLowerCase();
  const pith = (x: string | undefined): PaperId[] => {
    if (x === undefined) return [];
    const r = parsePithNumber(x.replace(/\.json$/i, ''));
    return r.ok ? [r.id] : [];
  };
  const arxiv = (x: string | undefined): PaperId[] => {
    if (x === undefined) return [];
    const r = parseArxivId(x);
    return r ? [r] : [];
  };
  if (first === 'pith') return pith(s1);
  if (first === 'paper' || first === 'p') {
    const p = pith(s1);
    return p.length > 0 ? p : arxiv(s1);
  }
  if (first === 'ref' && s1?.toLowerCase() === 'arxiv') return arxiv(s2);
  if (first === 'api' && s1?.toLowerCase() === 'pith-number') return pith(s2);
  if (first === '.well-known' && s1?.toLowerCase() === 'pith') return pith(s2);
  void s3;
  return [];
}

/** A DOI carried in a publisher path: `/doi/[view/]10.…`, `/article(s)/10.…`, `/chapter/10.…`. */
function doiFromPublisherPath(segs: string[]): PaperId[] {
  for (let i = 1; i < segs.length; i++) {
    const seg = segs[i];
    if (seg === undefined || !DOI_PREFIX_SEGMENT.test(seg)) continue;
    const prev = segs[i - 1]?.toLowerCase();
    if (prev === undefined || !PUBLISHER_VIEWS.has(prev)) continue;
    const sawDoi = segs.slice(0, i).some((s) => s.toLowerCase() === 'doi');
    if (!sawDoi && !ARTICLE_SEGMENTS.has(prev)) continue;
    const rest = segs.slice(i);
    while (rest.length > 2 && TRAILING_VIEWS.has((rest[rest.length - 1] ?? '').toLowerCase())) rest.pop();
    const p = parseDoi(rest.join('/'));
    return p ? [p] : [];
  }
  return [];
}

function doiFromQuery(u: URL): PaperId[] {
  const out: PaperId[] = [];
  u.searchParams.forEach((value, key) => {
    if (key.toLowerCase() === 'doi') {
      const p = parseDoi(value);
      if (p) out.push(p);
    }
  });
  return out;
}

/**
 * The paper(s) a URL alone identifies: arXiv abstract/PDF/HTML/format pages,
 * doi.org links, publisher paths carrying a DOI, `?doi=` parameters and
 * pith.science pages. [] for listings, search, home pages and anything else.
 */
export function detectFromUrl(url: string): PaperId[] {
  const u = safeUrl(typeof url === 'string' ? url.trim() : '');
  if (!u || (u.protocol !== 'http:' && u.protocol !== 'https:')) return [];
  const host = hostOf(u);
  const segs = segmentsOf(u);
  if (isArxivHost(host)) return arxivFromSegments(segs);
  if (isDoiHost(host)) {
    // Keep the raw (encoded) path: normalizeDoi decodes it, `%2F` included.
    const p = parseDoi(u.pathname.replace(/^\/+/, ''));
    return p ? [p] : [];
  }
  if (isPithHost(host)) return pithFromSegments(segs);
  return dedupeIds([...doiFromPublisherPath(segs), ...doiFromQuery(u)]);
}
