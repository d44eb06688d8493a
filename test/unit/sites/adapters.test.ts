/**
 * Every site adapter on its fixture pages (test/fixtures/pages/<host>/…),
 * parsed with linkedom as the CLI parses saved pages: ids in page order,
 * about / mentioned, badge anchors; a wrong site's page gives nothing.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, test } from 'vitest';
import { describeId } from '../../../lib/ids/util';
import { idKey } from '../../../lib/ids/key';
import { adapterFor, collect, readPage, siteFor, SITES, originsFor, type SiteAdapter, type SitePaper } from '../../../lib/sites';
import { scholar } from '../../../lib/sites/scholar';
import { semanticScholar } from '../../../lib/sites/semantic-scholar';
import { huggingface } from '../../../lib/sites/huggingface';
import { alphaxiv } from '../../../lib/sites/alphaxiv';
import { ar5iv } from '../../../lib/sites/ar5iv';
import { anyPage } from '../../../lib/sites/any-page';

const PAGES = new URL('../../fixtures/pages/', import.meta.url).pathname;

function load(path: string): Document {
  return parseHTML(readFileSync(join(PAGES, path), 'utf8')).document as unknown as Document;
}

const FIXTURES = {
  scholar: ['scholar.google.com/scholar.html', 'https://scholar.google.com/scholar?hl=en&q=efficient+inference'],
  profile: ['scholar.google.com/citations.html', 'https://scholar.google.com/citations?user=EXAMPLE&hl=en'],
  s2paper: [
    'www.semanticscholar.org/paper/A-Survey-on-Efficient-Inference/5be7e6b04c5a240cff340034aae2b57c677e211f.html',
    'https://www.semanticscholar.org/paper/A-Survey-on-Efficient-Inference/5be7e6b04c5a240cff340034aae2b57c677e211f',
  ],
  s2search: ['www.semanticscholar.org/search.html', 'https://www.semanticscholar.org/search?q=efficient%20inference'],
  hfList: ['huggingface.co/papers.html', 'https://huggingface.co/papers'],
  hfPaper: ['huggingface.co/papers/2404.14294.html', 'https://huggingface.co/papers/2404.14294'],
  alphaxiv: ['www.alphaxiv.org/abs/2404.14294.html', 'https://www.alphaxiv.org/abs/2404.14294'],
  ar5iv: ['ar5iv.labs.arxiv.org/html/2404.14294.html', 'https://ar5iv.labs.arxiv.org/html/2404.14294'],
  thread: ['links.example/thread.html', 'https://links.example/thread'],
} as const;
type Fixture = keyof typeof FIXTURES;

function read(adapter: SiteAdapter, f: Fixture) {
  const [path, url] = FIXTURES[f];
  return collect(adapter, load(path), url);
}
const ids = (papers: readonly SitePaper[]) => papers.map((p) => `${p.role} ${describeId(p.id)}`);

describe('Google Scholar', () => {
  test('results: arXiv from the title link, the PDF link or the byline; a publisher DOI; no-id rows skipped; badge after each title', () => {
    const r = read(scholar, 'scholar');
    expect(r.shape).toBe('list');
    expect(ids(r.papers)).toEqual([
      'about arXiv:2404.14294',
      'about doi:10.1145/3442188.3445922',
      'about arXiv:2302.14782v2',
      'about arXiv:2304.01373',
      'about arXiv:1903.07835',
    ]);
    for (const p of r.papers) expect(p.anchor?.parentElement?.className).toBe('gs_rt');
  });

  test('profile: rows from the venue line, and the "Show more" batch read on its own', () => {
    const [path, url] = FIXTURES.profile;
    const doc = load(path);
    const first = collect(scholar, doc, url);
    expect(ids(first.papers)).toEqual(['about arXiv:2404.14294', 'about arXiv:2302.14782']);
    expect(first.papers.every((p) => p.anchor?.classList.contains('gsc_a_at'))).toBe(true);
    // What the page's "Show more" does: the batch's rows appended to the table body.
    const body = doc.getElementById('gsc_a_b')!;
    const tpl = doc.getElementById('gsc_more_batch') as HTMLTemplateElement;
    const holder = doc.createElement('tbody');
    holder.innerHTML = tpl.innerHTML;
    const added = [...holder.children];
    for (const tr of added) body.appendChild(tr);
    const seen = new Set(first.papers.map((p) => idKey(p.id)));
    const more = added.flatMap((tr) => collect(scholar, doc, url, { root: tr, seen }).papers);
    expect(ids(more)).toEqual(['about arXiv:1306.0013', 'about arXiv:2605.00424']);
  });

  test('country domains are Scholar; other Google hosts are not', () => {
    expect(siteFor('https://scholar.google.co.uk/scholar?q=x')?.key).toBe('scholar');
    expect(siteFor('https://scholar.google.com.au/citations?user=x')?.key).toBe('scholar');
    expect(siteFor('https://www.google.com/search?q=x')).toBeUndefined();
    expect(siteFor('https://scholar.google.evil.example/scholar')).toBeUndefined();
    // A country domain missing from the list is asked for along with the list.
    expect(originsFor(scholar, 'https://scholar.google.fi/scholar?q=x')).toContain('*://scholar.google.fi/*');
    expect(originsFor(scholar, 'https://scholar.google.de/scholar?q=x')).toEqual(scholar.origins);
  });
});

describe('Semantic Scholar', () => {
  test('paper page: about its arXiv id from the header; references and citations mentioned, once each', () => {
    const r = read(semanticScholar, 's2paper');
    expect(r.shape).toBe('paper');
    expect(ids(r.papers)).toEqual(['about arXiv:2404.14294', 'mentioned arXiv:1903.07835', 'mentioned arXiv:2302.14782', 'mentioned arXiv:2304.01373v1']);
    expect(r.papers[0]!.anchor?.getAttribute('data-test-id')).toBe('paper-detail-title');
  });

  test('search: each row with an arXiv link is its own paper, badge after the title link', () => {
    const r = read(semanticScholar, 's2search');
    expect(r.shape).toBe('list');
    expect(ids(r.papers)).toEqual(['about arXiv:2404.14294', 'about arXiv:2302.14782']);
    expect(r.papers.every((p) => p.anchor?.getAttribute('data-test-id') === 'title-link')).toBe(true);
  });
});

describe('Hugging Face', () => {
  test('daily list: one paper per card, in order, badge after the title link in h3', () => {
    const r = read(huggingface, 'hfList');
    expect(r.shape).toBe('list');
    expect(ids(r.papers)).toEqual([
      'about arXiv:2404.14294',
      'about arXiv:2304.01373',
      'about arXiv:2404.00003',
      'about arXiv:2302.14782',
      'about arXiv:2404.99999',
    ]);
    expect(r.papers.every((p) => p.anchor?.parentElement?.tagName === 'H3')).toBe(true);
  });

  test("paper page: about the address's paper; similar papers and links mentioned", () => {
    const r = read(huggingface, 'hfPaper');
    expect(r.shape).toBe('paper');
    expect(ids(r.papers)).toEqual(['about arXiv:2404.14294', 'mentioned arXiv:2302.14782', 'mentioned arXiv:1306.0013', 'mentioned arXiv:2304.01373v2']);
    expect(r.papers[0]!.anchor?.tagName).toBe('H1');
  });
});

describe('alphaXiv and ar5iv', () => {
  test("alphaXiv: the address's paper; discussion links mentioned", () => {
    const r = read(alphaxiv, 'alphaxiv');
    expect(ids(r.papers)).toEqual(['about arXiv:2404.14294', 'mentioned arXiv:2302.14782', 'mentioned arXiv:1903.07835']);
    expect(alphaxiv.handles(new URL('https://alphaxiv.org/overview/2404.14294v2'))).toBe(true);
    expect(alphaxiv.handles(new URL('https://www.alphaxiv.org/explore'))).toBe(false);
  });

  test("ar5iv: the address's paper; the bibliography's arXiv links mentioned, DOIs left out", () => {
    const r = read(ar5iv, 'ar5iv');
    expect(ids(r.papers)).toEqual([
      'about arXiv:2404.14294',
      'mentioned arXiv:1903.07835',
      'mentioned arXiv:2302.14782',
      'mentioned arXiv:1306.0013v1',
      'mentioned arXiv:2304.01373',
    ]);
    expect(r.papers[0]!.anchor?.className).toContain('ltx_title_document');
    expect(siteFor('https://ar5iv.org/abs/2404.14294')?.key).toBe('ar5iv');
  });
});

describe('any page', () => {
  test('200 arXiv links in every pasted form: 200 papers in page order, each with its link as anchor; non-paper links skipped', () => {
    const r = read(anyPage, 'thread');
    expect(r.shape).toBe('list');
    expect(r.papers).toHaveLength(200);
    expect(ids(r.papers.slice(0, 8))).toEqual([
      'about arXiv:2404.14294',
      'about arXiv:2304.01373',
      'about arXiv:1903.07835v1',
      'about arXiv:2302.14782v2',
      'about arXiv:1306.0013',
      'about arXiv:2605.00424',
      'about arXiv:2404.99998',
      'about arXiv:2404.99999',
    ]);
    expect(r.papers.every((p) => p.anchor?.tagName === 'A' && (p.anchor.textContent ?? '').trim() !== '')).toBe(true);
    // The header's image-only link to 2404.14294 is not the anchor; the thread's text link is.
    expect(r.papers[0]!.anchor?.closest('li')?.id).toBe('p0');
  });

  test('a publisher page about one paper: its DOI is the page paper, as before', () => {
    const r = readPage(load('publisher.example/doi/10.1145/3442188.3445922.html'), 'https://publisher.example/doi/10.1145/3442188.3445922')!;
    expect(r.shape).toBe('paper');
    expect(r.kind).toBe('publisher');
    expect(ids(r.papers)[0]).toBe('about doi:10.1145/3442188.3445922');
  });
});

describe('adapters stay on their own sites', () => {
  const pages: Fixture[] = ['scholar', 'profile', 's2paper', 's2search', 'hfList', 'hfPaper', 'alphaxiv', 'ar5iv', 'thread'];
  const own: Record<Fixture, SiteAdapter> = {
    scholar,
    profile: scholar,
    s2paper: semanticScholar,
    s2search: semanticScholar,
    hfList: huggingface,
    hfPaper: huggingface,
    alphaxiv,
    ar5iv,
    thread: anyPage,
  };
  test.each(pages)('%s: picked by its address, and no other site adapter claims it', (f) => {
    const url = FIXTURES[f][1];
    expect(adapterFor(url)).toBe(own[f]);
    for (const site of SITES) if (site !== own[f]) expect(site.handles(new URL(url)), site.key).toBe(false);
  });

  test.each(pages)("a wrong site's page gives nothing: %s read as Scholar and as Hugging Face lists", (f) => {
    if (own[f] === scholar) return;
    const [path] = FIXTURES[f];
    const doc = load(path);
    expect(collect(scholar, doc, 'https://scholar.google.com/scholar?q=x').papers).toEqual([]);
    if (own[f] !== huggingface) expect(collect(huggingface, doc, 'https://huggingface.co/papers').papers).toEqual([]);
    if (own[f] !== semanticScholar) expect(collect(semanticScholar, doc, 'https://www.semanticscholar.org/search?q=x').papers).toEqual([]);
  });
});
