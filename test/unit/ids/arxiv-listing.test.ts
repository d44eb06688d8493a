import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listingRows, searchRows, type RowReader } from '../../../lib/ids/arxiv-listing';
import { generateListing } from '../../fixtures/pages/generate-listing';
import { load, PAGES } from '../../helpers/fixture-pages';

/** The address the pages are loaded at. */
const LISTING_URL = 'https://arxiv.org/list/cs.CL/pastweek';

const summary = (papers: ReturnType<RowReader>['papers']) => papers.map((p) => ({ id: p.id.id, title: p.title }));

/** The page as the parser has it part-way: cut just after the `n`-th occurrence of `marker` (inside that row). */
function cutAfter(html: string, marker: string, n: number): string {
  let at = -1;
  for (let i = 0; i < n; i++) at = html.indexOf(marker, at + 1);
  return html.slice(0, at + marker.length + 40);
}

describe('listing rows read while the page is parsed', () => {
  const html = generateListing(40);

  it('hold back the row the parser may be inside, then continue from where they stopped: the same rows as one pass', () => {
    const whole = listingRows(load(html, LISTING_URL));
    expect(whole.papers).toHaveLength(40);

    // 12 dt elements parsed; the 12th may lack the end of its title.
    const partial = listingRows(load(cutAfter(html, '<dt', 12), LISTING_URL), 0, true);
    expect(partial.papers).toHaveLength(11);
    expect(partial.next).toBe(11);
    expect(summary(partial.papers)).toEqual(summary(whole.papers.slice(0, 11)));

    const rest = listingRows(load(html, LISTING_URL), partial.next);
    expect(summary([...partial.papers, ...rest.papers])).toEqual(summary(whole.papers));
    expect(rest.next).toBe(40);
  });

  it('read nothing, and stay where they were, while only one row is parsed', () => {
    const one = listingRows(load(cutAfter(html, '<dt', 1), LISTING_URL), 0, true);
    expect(one).toEqual({ papers: [], next: 0 });
  });
});

describe('search rows read while the page is parsed', () => {
  const html = readFileSync(join(PAGES, 'arxiv.org/search/index.html'), 'utf8');

  it('hold back the last result while parsing, and give the same rows as one pass', () => {
    const whole = searchRows(load(html, LISTING_URL));
    expect(whole.papers.length).toBeGreaterThan(2);
    const partial = searchRows(load(cutAfter(html, '<li class="arxiv-result"', 2), LISTING_URL), 0, true);
    expect(summary(partial.papers)).toEqual(summary(whole.papers.slice(0, 1)));
    const rest = searchRows(load(html, LISTING_URL), partial.next);
    expect(summary([...partial.papers, ...rest.papers])).toEqual(summary(whole.papers));
  });
});
