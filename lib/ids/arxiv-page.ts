/**
 * arXiv pages alone: abstract, HTML, PDF, listing and search. Kept apart from
 * the publisher/JSON-LD code so the arXiv content script bundles only this.
 */
import type { PaperId } from './key';
import { parseArxivId } from './arxiv';
import { arxivPageKind, arxivPaperPageKind, detectFromUrl } from './url';
import { listingPage, searchPage } from './arxiv-listing';
import { dedupeIds, describeId } from './util';
import { doiFromValue, firstMeta, nonEmpty, readMeta, textWithoutDescriptor, type DetectedPaper, type Found, type MetaMap, type PageDetection } from './page';

// ---------- arXiv abstract / html / pdf ----------

/** The version shown as current in `div.submission-history`: the bold `[vN]` that is not a link. */
function currentVersionFromHistory(doc: Document): number | undefined {
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
    nonEmpty(firstMeta(meta, 'citation_title')) ?? nonEmpty(firstMeta(meta, 'og:title')) ?? headingTitle ?? (kind === 'html' ? nonEmpty(doc.title) : undefined);

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

/** What a detector that threw gives: no paper, and why. */
function detected(read: () => PageDetection): PageDetection {
  try {
    return read();
  } catch (e) {
    return { kind: 'other', papers: [], conflicts: [`Detection failed: ${e instanceof Error ? e.message : String(e)}`] };
  }
}

/**
 * The paper of a paper's own arXiv page (abstract, HTML, PDF), or null for
 * any other page. Never throws. The paper pages' content script uses this
 * one: it does not bundle the listing readers.
 */
export function detectArxivPaperPage(doc: Document, url: string): PageDetection | null {
  const kind = arxivPaperPageKind(url);
  return kind ? detected(() => arxivPage(doc, url, kind, readMeta(doc))) : null;
}

/**
 * The paper(s) of an arXiv page, or null when the URL is not an arXiv page.
 * Never throws.
 */
export function detectArxivDocument(doc: Document, url: string): PageDetection | null {
  const arxivKind = arxivPageKind(url);
  if (arxivKind === null) return null;
  return (
    detectArxivPaperPage(doc, url) ??
    detected(() => {
      if (arxivKind === 'listing') return listingPage(doc);
      if (arxivKind === 'search') return searchPage(doc);
      // /format/ID and unknown paths: a single paper when the URL names one,
      // else whatever rows the page holds.
      if (detectFromUrl(url).length > 0) return arxivPage(doc, url, 'other', readMeta(doc));
      if (doc.querySelector('li.arxiv-result')) return searchPage(doc);
      const listing = listingPage(doc);
      if (listing.papers.length > 0) return listing;
      return { kind: 'other', papers: [], conflicts: [] };
    })
  );
}
