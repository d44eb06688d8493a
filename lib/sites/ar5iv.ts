/**
 * ar5iv (`ar5iv.labs.arxiv.org/html/<id>`, `ar5iv.org/abs|html/<id>`): the
 * LaTeXML rendering of one arXiv paper, its title in `h1.ltx_title_document`.
 * The bibliography's arXiv links (`.ltx_bibitem a`) are mentioned.
 */
import type { PaperId } from '../ids/key';
import { parseArxivId } from '../ids/arxiv';
import { arxivLinks } from './dom';
import type { SiteAdapter } from './types';

const HOSTS = new Set(['ar5iv.labs.arxiv.org', 'ar5iv.org', 'www.ar5iv.org']);

function pageId(url: URL): PaperId | null {
  const m = /^\/(?:html|abs)\/(.+?)\/?$/.exec(url.pathname);
  return m && m[1] !== undefined ? parseArxivId(decodeURIComponent(m[1])) : null;
}

export const ar5iv: SiteAdapter = {
  key: 'ar5iv',
  name: 'ar5iv',
  origins: ['*://ar5iv.labs.arxiv.org/*', '*://ar5iv.org/*', '*://www.ar5iv.org/*'],
  matches: ['*://ar5iv.labs.arxiv.org/html/*', '*://ar5iv.org/html/*', '*://ar5iv.org/abs/*', '*://www.ar5iv.org/html/*', '*://www.ar5iv.org/abs/*'],
  handles: (url) => HOSTS.has(url.hostname) && pageId(url) !== null,
  about(doc, url) {
    const id = pageId(url);
    const h1 = doc.querySelector('h1.ltx_title_document') ?? doc.querySelector('h1');
    return id ? [h1 ? { id, role: 'about', anchor: h1 } : { id, role: 'about' }] : [];
  },
  find: (root, url) => arxivLinks(root, url.href),
};
