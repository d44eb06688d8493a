/**
 * The rows of arXiv listing and search pages. Read in one pass, and also a
 * few rows at a time while the page is still parsed (`from`, `parsing`): the
 * arXiv content script finds the first screen's rows before the parser is
 * done, so their badges are drawn with the page's first frames.
 */
import type { PaperId } from './key';
import { parseArxivId } from './arxiv';
import { nonEmpty, textWithoutDescriptor, type DetectedPaper, type PageDetection } from './page';

/** Rows found from one position on, and where the next scan starts. */
interface RowScan {
  papers: DetectedPaper[];
  /** Index of the first row element not yet read (pass it back as `from`). */
  next: number;
}

/**
 * A row reader: rows from the `from`-th row element on. While the page is
 * `parsing`, the last row element found is left for the next scan, since the
 * parser may not have reached the end of its title yet.
 */
export type RowReader = (doc: Document, from?: number, parsing?: boolean) => RowScan;

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
 * The rows among `elements` from `from` on, read by `readRow` (null: not a
 * row). While the parser may still be inside the last element, it is left
 * for the next scan.
 */
function scanRows(elements: HTMLCollectionOf<Element>, from: number, parsing: boolean, readRow: (el: Element) => DetectedPaper | null): RowScan {
  const papers: DetectedPaper[] = [];
  const end = parsing ? elements.length - 1 : elements.length;
  let i = from;
  for (; i < end; i++) {
    const el = elements[i];
    const paper = el ? readRow(el) : null;
    if (paper) papers.push(paper);
  }
  return { papers, next: i };
}

/**
 * Listing rows (`dl#articles`, "New submissions", "Cross-lists",
 * "Replacements", catch-up pages), in document order: one pass over the `dt`
 * elements; each row's title comes from the `dd` that follows its `dt`. No
 * per-row document-wide query.
 */
export const listingRows: RowReader = (doc, from = 0, parsing = false) =>
  scanRows(doc.getElementsByTagName('dt'), from, parsing, (dt) => {
    const link = abstractLinkOf(dt);
    if (!link) return null;
    const id = idFromAbsLink(link);
    if (!id) return null;
    const paper: DetectedPaper = { id, anchor: link };
    let sib = dt.nextElementSibling;
    while (sib && sib.tagName !== 'DD' && sib.tagName !== 'DT' && sib.tagName !== 'dd' && sib.tagName !== 'dt') sib = sib.nextElementSibling;
    if (sib && sib.tagName.toUpperCase() === 'DD') {
      const t = findListTitle(sib);
      const title = t ? nonEmpty(textWithoutDescriptor(t)) : undefined;
      if (title !== undefined) paper.title = title;
    }
    return paper;
  });

/** Search results (`li.arxiv-result`): the id from the row's `p.list-title`, the title from its `p.title`. */
export const searchRows: RowReader = (doc, from = 0, parsing = false) =>
  scanRows(doc.getElementsByClassName('arxiv-result'), from, parsing, (li) => {
    if (li.tagName.toUpperCase() !== 'LI') return null;
    const head = li.querySelector('p.list-title') ?? li.querySelector('.list-title');
    if (!head) return null;
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
    if (!id) return null;
    const paper: DetectedPaper = { id, anchor: head };
    const t = li.querySelector('p.title');
    const title = t ? nonEmpty(textWithoutDescriptor(t)) : undefined;
    if (title !== undefined) paper.title = title;
    return paper;
  });

export const listingPage = (doc: Document): PageDetection => ({ kind: 'listing', papers: listingRows(doc).papers, conflicts: [] });

export const searchPage = (doc: Document): PageDetection => ({ kind: 'search', papers: searchRows(doc).papers, conflicts: [] });
