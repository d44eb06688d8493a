/**
 * Every site adapter, most specific first; `any` (the opt-in "other sites"
 * reader) last. The content script, the background (registration), the
 * popup and options (consent) and the CLI all read this one list.
 */
import { idKey } from '../ids/key';
import { safeUrl } from '../ids/url';
import { detectArxivDocument } from '../ids/arxiv-page';
import { alphaxiv } from './alphaxiv';
import { anyPage } from './any-page';
import { ar5iv } from './ar5iv';
import { huggingface } from './huggingface';
import { scholar } from './scholar';
import { semanticScholar } from './semantic-scholar';
import type { PaperRole, SiteAdapter, SitePaper } from './types';

export type { SiteAdapter, SitePaper } from './types';

/** The sites with their own adapter and their own switch (the options page lists these). */
export const SITES: readonly SiteAdapter[] = [scholar, semanticScholar, huggingface, alphaxiv, ar5iv];

/** The adapter for a page: a site's own, else the any-page reader; null for what is not http(s). */
export function adapterFor(url: string): SiteAdapter | null {
  const u = safeUrl(url);
  if (!u) return null;
  return SITES.find((s) => s.handles(u)) ?? (anyPage.handles(u) ? anyPage : null);
}

/** The site with its own switch that reads `url`, if any. */
export function siteFor(url: string): SiteAdapter | undefined {
  const u = safeUrl(url);
  return u ? SITES.find((s) => s.handles(u)) : undefined;
}

/** The permission patterns to ask for a site from a page on it: its list, plus this host when it is a country domain not on the list. */
export function originsFor(site: SiteAdapter, url: string): string[] {
  const u = safeUrl(url);
  const own = u ? `*://${u.hostname}/*` : undefined;
  return own && !site.origins.includes(own) && site.handles(u!) ? [...site.origins, own] : [...site.origins];
}

export interface PageRead {
  /** 'paper': the page is about one paper (others are mentioned); 'list': every paper is the page's own. */
  shape: 'paper' | 'list';
  kind: 'listing' | 'publisher' | 'other';
  /** Page papers first, in document order; then mentions in document order; one entry per id. */
  papers: SitePaper[];
}

/**
 * What a page holds, as the content script and the CLI read it: the
 * adapter's `about` papers, then what `find` returns, each with its role.
 * `root` (a subtree added later) limits `find`, and `seen` (keys already
 * read) leaves out papers read before: the content script's follow-up scans.
 */
export function collect(
  adapter: SiteAdapter,
  doc: Document,
  url: string,
  opts: { root?: ParentNode; about?: readonly SitePaper[]; seen?: ReadonlySet<string> } = {},
): PageRead {
  const u = safeUrl(url);
  if (!u) return { shape: 'list', kind: 'other', papers: [] };
  const about = opts.about ?? adapter.about(doc, u);
  const shape = about.length > 0 ? 'paper' : 'list';
  const role: PaperRole = shape === 'paper' ? 'mentioned' : 'about';
  const seen = new Set(opts.seen ?? []);
  const papers: SitePaper[] = [];
  const add = (p: SitePaper) => {
    const k = idKey(p.id);
    if (seen.has(k)) return;
    seen.add(k);
    papers.push(p);
  };
  if (!opts.root) for (const p of about) add(p);
  for (const p of adapter.find(opts.root ?? doc, u)) add({ ...p, role });
  const kind = shape === 'list' ? 'listing' : about.some((p) => p.id.kind === 'doi') ? 'publisher' : 'other';
  return { shape, kind, papers };
}

/**
 * The CLI's and the tests' reading of a whole saved page, as the extension
 * reads it: a site's page through its adapter; arXiv's own pages as the
 * arXiv content script reads them (every paper its own, nothing mentioned);
 * any other page through the any-page adapter.
 */
export function readPage(doc: Document, url: string): PageRead | null {
  // A site first: ar5iv is on an arXiv host, but it is a site of its own.
  const site = siteFor(url);
  if (site) return collect(site, doc, url);
  const arxiv = detectArxivDocument(doc, url);
  if (arxiv) {
    const papers = arxiv.papers.map((p): SitePaper => (p.anchor ? { id: p.id, role: 'about', anchor: p.anchor } : { id: p.id, role: 'about' }));
    return { shape: arxiv.kind === 'listing' || arxiv.kind === 'search' ? 'list' : 'paper', kind: arxiv.kind === 'listing' ? 'listing' : 'other', papers };
  }
  const adapter = adapterFor(url);
  return adapter ? collect(adapter, doc, url) : null;
}
