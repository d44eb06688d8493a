/** Which adapter reads a page: each on its own sites only, and the page's paper when no site adapter claims it. */
import { describe, expect, test } from 'vitest';
import { adapterFor, collect, readPage, SITES, type SiteAdapter } from '../../../lib/sites';
import { scholar } from '../../../lib/sites/scholar';
import { semanticScholar } from '../../../lib/sites/semantic-scholar';
import { huggingface } from '../../../lib/sites/huggingface';
import { alphaxiv } from '../../../lib/sites/alphaxiv';
import { ar5iv } from '../../../lib/sites/ar5iv';
import { anyPage } from '../../../lib/sites/any-page';
import { FIXTURES, ids, load, type Fixture } from '../../helpers/site-pages';

describe('any page', () => {
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
