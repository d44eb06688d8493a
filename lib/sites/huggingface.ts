/**
 * Hugging Face papers.
 * - `/papers/<arXiv id>`: about that paper (the id is the address); the
 *   papers it links to (other `/papers/<id>` pages, arXiv links: "similar
 *   papers", models citing it) are mentioned.
 * - The daily, weekly and monthly lists (`/papers`, `/papers/date/…`,
 *   `/papers/week/…`, `/papers/month/…`, `/papers/trending`): one `article`
 *   per paper, with several links to `/papers/<id>` (thumbnail, title in
 *   `h3`, comments); one paper per id, its badge after the title link.
 */
import type { PaperId } from '../ids/key';
import { parseArxivId } from '../ids/arxiv';
import { arxivIdFromHref } from '../ids/links';
import { safeUrl } from '../ids/url';
import { idKey } from '../ids/key';
import { closest, hasText, paper, within } from './dom';
import type { SiteAdapter, SitePaper } from './types';

/** The arXiv id of a Hugging Face paper address (`/papers/2404.14294`, `/papers/2404.14294#community`). */
function hfPaperId(url: URL): PaperId | null {
  const m = /^\/papers\/([^/]+)\/?$/.exec(url.pathname);
  return m && m[1] !== undefined ? parseArxivId(decodeURIComponent(m[1])) : null;
}

/** A link's paper: a Hugging Face paper page; on a paper page also a link to arXiv (lists link only their own pages). */
function linkId(a: Element, base: URL, arxivToo: boolean): PaperId | null {
  const href = a.getAttribute('href');
  const u = href ? safeUrl(href, base.href) : null;
  if (u && u.hostname === base.hostname) return hfPaperId(u);
  return arxivToo ? arxivIdFromHref(href, base.href) : null;
}

const inHeading = (a: Element) => closest(a, 'h1, h2, h3, h4') !== null;

export const huggingface: SiteAdapter = {
  key: 'huggingface',
  name: 'Hugging Face papers',
  origins: ['*://huggingface.co/*'],
  matches: ['*://huggingface.co/papers', '*://huggingface.co/papers/*', '*://huggingface.co/papers?*'],
  handles: (url) => url.hostname === 'huggingface.co' && /^\/papers(?:\/|$)/.test(url.pathname),
  about(doc, url) {
    const id = hfPaperId(url);
    return id ? [paper(id, doc.querySelector('h1'))] : [];
  },
  find(root, url) {
    const links: SitePaper[] = [];
    const paperPage = hfPaperId(url) !== null;
    for (const a of within(root, 'a[href]')) {
      if (!hasText(a)) continue;
      const id = linkId(a, url, paperPage);
      if (id) links.push(paper(id, a));
    }
    // A list card links to its paper several times: the paper keeps the place
    // of its first link, and its badge goes after the title link (in a heading).
    const byKey = new Map<string, SitePaper>();
    for (const p of links) {
      const k = idKey(p.id);
      const had = byKey.get(k);
      if (!had) byKey.set(k, p);
      else if (!(had.anchor && inHeading(had.anchor)) && p.anchor && inHeading(p.anchor)) had.anchor = p.anchor;
    }
    return [...byKey.values()];
  },
};
