/**
 * Any other page (opt-in: "Detect papers on other sites"): a publisher page
 * about one paper (its `citation_*` / Dublin Core / JSON-LD metadata, as
 * before), and links to arXiv papers (abs, pdf, html, `…vN`, the arXiv DOI)
 * in threads, READMEs and blogs. On a page about a paper those links are
 * mentioned; elsewhere each linked paper is the page's, with a badge after
 * each link.
 */
import { detectFromDocument } from '../ids/document';
import { titleHeading } from '../inpage/placement';
import { arxivLinks } from './dom';
import type { SiteAdapter, SitePaper } from './types';

export const anyPage: SiteAdapter = {
  key: 'any',
  name: 'other sites',
  origins: ['*://*/*'],
  matches: ['https://*/*', 'http://*/*'],
  handles: (url) => url.protocol === 'https:' || url.protocol === 'http:',
  about(doc, url) {
    const d = detectFromDocument(doc, url.href);
    // The heading that shows the paper's title gets the badge, not a site banner's h1.
    return d.papers.map((p): SitePaper => {
      const out: SitePaper = { id: p.id, role: 'about' };
      const anchor = titleHeading(doc, p.title, p.anchor);
      if (anchor) out.anchor = anchor;
      if (p.title !== undefined) out.title = p.title;
      return out;
    });
  },
  find: (root, url) => arxivLinks(root, url.href),
};
