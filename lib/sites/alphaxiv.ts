/**
 * alphaXiv (`alphaxiv.org/abs/<id>`, `/overview/<id>`): about the one paper
 * its address names; arXiv links elsewhere on the page are mentioned.
 */
import type { PaperId } from '../ids/key';
import { parseArxivId } from '../ids/arxiv';
import { arxivLinks } from './dom';
import type { SiteAdapter } from './types';

function pageId(url: URL): PaperId | null {
  const m = /^\/(?:abs|overview)\/([^?#]+?)\/?$/.exec(url.pathname);
  return m && m[1] !== undefined ? parseArxivId(decodeURIComponent(m[1])) : null;
}

export const alphaxiv: SiteAdapter = {
  key: 'alphaxiv',
  name: 'alphaXiv',
  origins: ['*://www.alphaxiv.org/*', '*://alphaxiv.org/*'],
  matches: ['*://www.alphaxiv.org/abs/*', '*://alphaxiv.org/abs/*', '*://www.alphaxiv.org/overview/*', '*://alphaxiv.org/overview/*'],
  handles: (url) => (url.hostname === 'www.alphaxiv.org' || url.hostname === 'alphaxiv.org') && pageId(url) !== null,
  about(doc, url) {
    const id = pageId(url);
    const h1 = doc.querySelector('h1');
    return id ? [h1 ? { id, role: 'about', anchor: h1 } : { id, role: 'about' }] : [];
  },
  find: (root, url) => arxivLinks(root, url.href),
};
