// @vitest-environment happy-dom
/** arXiv's own pages (abstract, HTML, PDF, listing, search), read through detectFromDocument as every caller reads them. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectFromDocument } from '../../../lib/ids';
import { detectArxivDocument, detectArxivPaperPage } from '../../../lib/ids/arxiv-page';
import { generateListing, LISTING_IDS_25, listingIds } from '../../fixtures/pages/generate-listing';
import { load, page, PAGES } from '../../helpers/fixture-pages';

const titleHash = (t: string) => createHash('sha256').update(t.toLowerCase().replace(/\s+/g, ' ').trim()).digest('hex');

describe('arXiv abstract pages', () => {
  it('2404.14294: id, current version from the submission history, raw title, anchor h1.title', () => {
    const { det } = page('arxiv.org/abs/2404.14294.html', 'https://arxiv.org/abs/2404.14294');
    expect(det.kind).toBe('abstract');
    expect(det.conflicts).toEqual([]);
    expect(det.papers).toHaveLength(1);
    const p = det.papers[0]!;
    expect(p.id).toEqual({ kind: 'arxiv', id: '2404.14294', version: 3 });
    expect(p.title).toBe('A Survey on Efficient Inference for Large Language Models');
    // The title binds to the Pith record of 2404.14294v3.
    expect(titleHash(p.title!)).toBe('0158e010d7858a65e7781dd03ec62b813bbae982fd020a8150281fd273403c03');
    expect(p.anchor?.tagName).toBe('H1');
    expect(p.anchor?.className).toContain('title');
    expect(p.alternateIds).toBeUndefined(); // the arXiv DOI is the same id, not an alternate
  });

  it('URL version wins; a version the page does not show is a conflict', () => {
    const v3 = page('arxiv.org/abs/2404.14294.html', 'https://arxiv.org/abs/2404.14294v3').det;
    expect(v3.papers[0]!.id).toEqual({ kind: 'arxiv', id: '2404.14294', version: 3 });
    expect(v3.conflicts).toEqual([]);
    const v1 = page('arxiv.org/abs/2404.14294.html', 'https://arxiv.org/abs/2404.14294v1').det;
    expect(v1.papers[0]!.id).toEqual({ kind: 'arxiv', id: '2404.14294', version: 1 });
    expect(v1.conflicts).toHaveLength(1);
    expect(v1.conflicts[0]).toMatch(/v1.*v3/);
  });

  it('URL and citation_arxiv_id disagreeing is a conflict, not a silent pick', () => {
    const { det } = page('arxiv.org/abs/2404.14294.html', 'https://arxiv.org/abs/2404.14295');
    expect(det.papers[0]!.id.id).toBe('2404.14295');
    expect(det.conflicts.some((c) => c.includes('2404.14295') && c.includes('2404.14294'))).toBe(true);
  });

  it('hep-th/9901001: old-style id, LaTeX title kept raw, journal DOI as an alternate id (not a conflict)', () => {
    const { det } = page('arxiv.org/abs/hep-th/9901001.html', 'https://arxiv.org/abs/hep-th/9901001');
    expect(det.kind).toBe('abstract');
    expect(det.conflicts).toEqual([]);
    expect(det.papers).toHaveLength(1);
    const p = det.papers[0]!;
    expect(p.id).toEqual({ kind: 'arxiv', id: 'hep-th/9901001', version: 2 });
    expect(p.title).toBe('Boundary States and Moduli of D-Branes on $\\mathbb{C}^3/\\mathbb{Z}_3$ Orbifolds');
    expect(p.alternateIds).toEqual([{ kind: 'doi', id: '10.1088/1126-6708/1999/03/001' }]);
    expect(p.anchor?.tagName).toBe('H1');
  });

  it('falls back to og:title and then the h1 without its descriptor', () => {
    const html = readFileSync(join(PAGES, 'arxiv.org/abs/2404.14294.html'), 'utf8').replace(/<meta name="citation_title"[^>]*>/, '');
    const noOg = html.replace(/<meta property="og:title"[^>]*>/, '');
    const url = 'https://arxiv.org/abs/2404.14294';
    expect(detectFromDocument(load(html, url), url).papers[0]!.title).toBe('A Survey on Efficient Inference for Large Language Models');
    expect(detectFromDocument(load(noOg, url), url).papers[0]!.title).toBe('A Survey on Efficient Inference for Large Language Models');
  });

  it('export.arxiv.org serves the same page', () => {
    const { det } = page('arxiv.org/abs/2404.14294.html', 'https://export.arxiv.org/abs/2404.14294');
    expect(det.papers[0]!.id).toEqual({ kind: 'arxiv', id: '2404.14294', version: 3 });
  });
});

describe('arXiv HTML and PDF views', () => {
  it('html/2404.14294v3', () => {
    const { det } = page('arxiv.org/html/2404.14294v3.html', 'https://arxiv.org/html/2404.14294v3');
    expect(det.kind).toBe('html');
    expect(det.papers).toHaveLength(1);
    expect(det.papers[0]!.id).toEqual({ kind: 'arxiv', id: '2404.14294', version: 3 });
    expect(det.papers[0]!.title).toBe('A Survey on Efficient Inference for Large Language Models');
    expect(det.papers[0]!.anchor?.tagName).toBe('H1');
  });

  it('pdf: the URL is all there is', () => {
    const doc = load('<html><body><embed type="application/pdf"></body></html>', 'https://arxiv.org/pdf/2404.14294v2');
    const det = detectFromDocument(doc, 'https://arxiv.org/pdf/2404.14294v2');
    expect(det.kind).toBe('pdf');
    expect(det.papers.map((p) => p.id)).toEqual([{ kind: 'arxiv', id: '2404.14294', version: 2 }]);
  });
});

describe("the paper pages' own detector (the arXiv paper-page content script's)", () => {
  it('abstract, HTML, PDF: the same paper as the whole-site detector finds', () => {
    const cases: [string, string][] = [
      ['arxiv.org/abs/2404.14294.html', 'https://arxiv.org/abs/2404.14294v3'],
      ['arxiv.org/html/2404.14294v3.html', 'https://arxiv.org/html/2404.14294v3'],
    ];
    for (const [path, url] of cases) {
      const { doc } = page(path, url);
      expect(detectArxivPaperPage(doc, url)).toEqual(detectArxivDocument(doc, url));
    }
    const pdf = load('<html><body><embed type="application/pdf"></body></html>', 'https://arxiv.org/pdf/2404.14294v2');
    expect(detectArxivPaperPage(pdf, 'https://arxiv.org/pdf/2404.14294v2')?.papers.map((p) => p.id)).toEqual([{ kind: 'arxiv', id: '2404.14294', version: 2 }]);
  });

  it('listing, search, format and other sites: null (not its pages), where the whole-site detector reads rows', () => {
    const { doc } = page('arxiv.org/list/cs.CL/new.html', 'https://arxiv.org/list/cs.CL/new');
    expect(detectArxivPaperPage(doc, 'https://arxiv.org/list/cs.CL/new')).toBeNull();
    expect(detectArxivDocument(doc, 'https://arxiv.org/list/cs.CL/new')?.papers).toHaveLength(25);
    for (const url of ['https://arxiv.org/search/?query=x', 'https://arxiv.org/format/2404.14294', 'https://example.org/abs/2404.14294']) {
      expect(detectArxivPaperPage(doc, url)).toBeNull();
    }
  });
});

describe('arXiv listing and search pages', () => {
  it('list/cs.CL/new: all 25 rows in order, with titles and anchors', () => {
    const { det } = page('arxiv.org/list/cs.CL/new.html', 'https://arxiv.org/list/cs.CL/new');
    expect(det.kind).toBe('listing');
    expect(det.conflicts).toEqual([]);
    expect(det.papers.map((p) => p.id.id)).toEqual([...LISTING_IDS_25]);
    expect(det.papers.slice(0, 7).map((p) => p.id.id)).toEqual([
      '2404.14294',
      '1903.07835',
      '2302.14782',
      '1306.0013',
      '2605.00424',
      '2304.01373',
      '2404.99999',
    ]);
    for (const p of det.papers) {
      expect(p.id.kind).toBe('arxiv');
      expect(p.title).toMatch(/\S/);
      expect(p.title).not.toMatch(/^Title:/);
      expect(p.anchor?.getAttribute('title')).toBe('Abstract');
      expect(p.anchor?.closest('dt')).not.toBeNull();
    }
    expect(det.papers[0]!.title).toBe('A Survey on Efficient Inference for Large Language Models');
  });

  it('listing via /list/.../pastweek?show=2000 and /catchup URLs', () => {
    const html = readFileSync(join(PAGES, 'arxiv.org/list/cs.CL/new.html'), 'utf8');
    for (const url of [
      'https://arxiv.org/list/cs.CL/pastweek?skip=0&show=2000',
      'https://arxiv.org/catchup/cs.CL/2024-04-22',
      'https://arxiv.org/list/cs.CL/2404',
    ]) {
      const det = detectFromDocument(load(html, url), url);
      expect(det.kind).toBe('listing');
      expect(det.papers).toHaveLength(25);
    }
  });

  it('search results: every li.arxiv-result, title without search-hit markup, anchor p.list-title', () => {
    const { det } = page('arxiv.org/search/index.html', 'https://arxiv.org/search/?query=efficient+inference&searchtype=all');
    expect(det.kind).toBe('search');
    expect(det.papers.map((p) => p.id.id)).toEqual(['2404.14294', '2304.01373', '2404.00001', 'hep-th/9901001']);
    expect(det.papers[0]!.title).toBe('A Survey on Efficient Inference for Large Language Models');
    for (const p of det.papers) {
      expect(p.anchor?.tagName).toBe('P');
      expect(p.anchor?.className).toContain('list-title');
    }
  });

  it('generated 2,000-row listing: 2,000 ids in order, each with an anchor, document queries independent of rows', () => {
    const url = 'https://arxiv.org/list/cs.CL/pastweek?skip=0&show=2000';
    // An operation count, not a wall-clock limit (timing is the bench's): the
    // regression this guards against is an accidental per-row document query,
    // so the queries on the document must not grow with the rows.
    const documentQueries = (rows: number) => {
      const doc = load(generateListing(rows), url);
      let calls = 0;
      for (const m of ['querySelector', 'querySelectorAll', 'getElementsByTagName', 'getElementsByClassName', 'getElementById'] as const) {
        const orig = (doc[m] as (...a: unknown[]) => unknown).bind(doc);
        (doc as unknown as Record<string, unknown>)[m] = (...a: unknown[]) => {
          calls++;
          return orig(...a);
        };
      }
      const det = detectFromDocument(doc, url);
      return { det, calls };
    };
    const { det, calls } = documentQueries(2000);
    expect(det.papers.map((p) => p.id.id)).toEqual(listingIds(2000));
    expect(det.papers.slice(0, 25).map((p) => p.id.id)).toEqual([...LISTING_IDS_25]);
    expect(det.papers.every((p) => p.anchor !== undefined && p.title !== undefined)).toBe(true);
    expect(calls).toBe(documentQueries(200).calls);
  });
});
