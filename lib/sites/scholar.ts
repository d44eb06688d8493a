/**
 * Google Scholar: result pages (`/scholar?…`: one `div.gs_r[data-cid]` per
 * result, title link in `h3.gs_rt`, the side PDF link in `.gs_ggs`, the byline
 * in `.gs_a`) and profile pages (`/citations?user=…`: `tr.gsc_a_tr` rows in
 * `tbody#gsc_a_b`; "Show more" appends rows to it). Every row is its own
 * paper. Reads the page only: nothing is ever sent to Google.
 */
import type { PaperId } from '../ids/key';
import { arxivIdFromHref, arxivIdInByline, paperIdFromHref } from '../ids/links';
import { paper, within } from './dom';
import type { SiteAdapter, SitePaper } from './types';

/** Scholar's country domains with the most readers; any `scholar.google.<tld>` is read when its permission is held. */
const DOMAINS = [
  'com',
  'co.uk',
  'de',
  'fr',
  'es',
  'it',
  'nl',
  'ch',
  'at',
  'be',
  'se',
  'pl',
  'pt',
  'ca',
  'com.au',
  'co.in',
  'co.jp',
  'co.kr',
  'com.br',
  'com.mx',
  'com.hk',
  'com.tw',
  'com.sg',
  'cn',
  'ru',
];
const HOST = /^scholar\.google\.(?:com|[a-z]{2}|co\.[a-z]{2}|com\.[a-z]{2})$/;

const ROW = 'div.gs_r[data-cid], tr.gsc_a_tr';

/** A result row's paper: arXiv (title link, PDF link, byline) before a DOI (title link), since Pith is keyed on arXiv. */
function resultId(row: Element, base: string): PaperId | null {
  const title = row.querySelector('.gs_rt a[href]');
  const pdf = row.querySelector('.gs_ggs a[href]');
  const byline = row.querySelector('.gs_a');
  return (
    arxivIdFromHref(title?.getAttribute('href'), base) ??
    arxivIdFromHref(pdf?.getAttribute('href'), base) ??
    arxivIdInByline(byline?.textContent) ??
    paperIdFromHref(title?.getAttribute('href'), base)
  );
}

/** A profile row: the title links inside Scholar; the venue line (second `.gs_gray`) says "arXiv preprint arXiv:…". */
function profileId(row: Element): PaperId | null {
  const grays = row.querySelectorAll('.gs_gray');
  for (let i = 0; i < grays.length; i++) {
    const id = arxivIdInByline(grays[i]?.textContent);
    if (id) return id;
  }
  return null;
}

export const scholar: SiteAdapter = {
  key: 'scholar',
  name: 'Google Scholar',
  origins: DOMAINS.map((d) => `*://scholar.google.${d}/*`),
  matches: DOMAINS.flatMap((d) => [`*://scholar.google.${d}/scholar*`, `*://scholar.google.${d}/citations*`]),
  handles: (url) => HOST.test(url.hostname),
  about: () => [],
  find(root, url) {
    const out: SitePaper[] = [];
    for (const row of within(root, ROW)) {
      const profile = row.tagName.toUpperCase() === 'TR';
      const id = profile ? profileId(row) : resultId(row, url.href);
      if (!id) continue;
      const anchor = profile ? row.querySelector('a.gsc_a_at') : (row.querySelector('.gs_rt a') ?? row.querySelector('.gs_rt'));
      out.push(paper(id, anchor));
    }
    return out;
  },
};
