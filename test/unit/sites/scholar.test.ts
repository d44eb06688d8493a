import { describe, expect, test } from 'vitest';
import { idKey } from '../../../lib/ids/key';
import { collect, originsFor, siteFor } from '../../../lib/sites';
import { scholar } from '../../../lib/sites/scholar';
import { FIXTURES, ids, load, read } from '../../helpers/site-pages';

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
