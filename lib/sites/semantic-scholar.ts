/**
 * Semantic Scholar (a single-page app: the content script follows its in-app
 * navigation and the rows it renders later).
 * - Paper pages (`/paper/<slug>/<sha>`, `/paper/<sha>`): about one paper,
 *   whose arXiv id comes from the page's metadata (`citation_arxiv_id`, an
 *   arXiv `citation_pdf_url`) or the arXiv link in the paper's header
 *   (`[data-test-id="paper-detail-page-header"]`, the "arXiv" source link, the
 *   arXiv DOI); the references and citations below (`.cl-paper-row`) are
 *   mentioned.
 * - Search (`/search?q=…`) and other lists: each `.cl-paper-row` is its own
 *   paper, its id from an arXiv link in the row (the PDF / source link).
 */
import type { PaperId } from '../ids/key';
import { arxivIdFromHref } from '../ids/links';
import { parseArxivId } from '../ids/arxiv';
import { arxivLinks, closest, paper, within } from './dom';
import type { SiteAdapter, SitePaper } from './types';

const ROW = '.cl-paper-row';
const HEADER = '[data-test-id="paper-detail-page-header"], .paper-detail-page__header, .fresh-paper-detail-page__header';
const TITLE = '[data-test-id="paper-detail-title"]';

const isPaperPage = (url: URL) => /^\/paper\//.test(url.pathname);

function metaContent(doc: Document, name: string): string | null {
  return doc.querySelector(`meta[name="${name}"]`)?.getAttribute('content') ?? null;
}

function aboutId(doc: Document, url: URL): PaperId | null {
  const meta = metaContent(doc, 'citation_arxiv_id');
  const fromMeta = meta ? parseArxivId(meta) : null;
  if (fromMeta) return fromMeta;
  const pdf = arxivIdFromHref(metaContent(doc, 'citation_pdf_url'), url.href);
  if (pdf) return pdf;
  const header = doc.querySelector(HEADER);
  return header ? (arxivLinks(header, url.href)[0]?.id ?? null) : null;
}

export const semanticScholar: SiteAdapter = {
  key: 'semantic-scholar',
  name: 'Semantic Scholar',
  origins: ['*://www.semanticscholar.org/*', '*://semanticscholar.org/*'],
  matches: ['*://www.semanticscholar.org/*', '*://semanticscholar.org/*'],
  handles: (url) => url.hostname === 'www.semanticscholar.org' || url.hostname === 'semanticscholar.org',
  about(doc, url) {
    if (!isPaperPage(url)) return [];
    const id = aboutId(doc, url);
    return id ? [paper(id, doc.querySelector(TITLE) ?? doc.querySelector('h1'))] : [];
  },
  find(root, url) {
    if (isPaperPage(url)) {
      // What the paper page links to, its own header aside (that is the paper itself).
      return arxivLinks(root, url.href, (a) => closest(a, HEADER) !== null);
    }
    const out: SitePaper[] = [];
    for (const row of within(root, ROW)) {
      const id = arxivLinks(row, url.href)[0]?.id;
      if (!id) continue;
      out.push(paper(id, row.querySelector('a[data-test-id="title-link"]') ?? row.querySelector('h2, h3')));
    }
    return out;
  },
};
