// @vitest-environment happy-dom
/** Publisher and other pages: DOIs from the URL, metadata and JSON-LD. (arXiv's pages: arxiv-page.test.ts.) */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectFromDocument, type PageDetection } from '../../../lib/ids';
import { load, page, PAGES } from '../../helpers/fixture-pages';

describe('publisher pages', () => {
  const cases: [string, string, string[], PageDetection['kind']][] = [
    ['publisher.example/doi/10.1145/3442188.3445922.html', 'https://publisher.example/doi/10.1145/3442188.3445922', ['10.1145/3442188.3445922'], 'publisher'],
    ['publisher.example/article/dc-identifier.html', 'https://publisher.example/article/dc-identifier', ['10.1038/nature14539'], 'publisher'],
    ['publisher.example/article/prism.html', 'https://publisher.example/article/prism', ['10.1007/s11263-015-0816-y'], 'publisher'],
    ['publisher.example/article/bepress.html', 'https://publisher.example/article/bepress', ['10.1002/anie.201915678'], 'publisher'],
    ['publisher.example/article/jsonld.html', 'https://publisher.example/article/jsonld', ['10.1016/s0140-6736(20)30183-5'], 'publisher'],
  ];
  it.each(cases)('%s', (path, url, dois, kind) => {
    const { det } = page(path, url);
    expect(det.kind).toBe(kind);
    expect(det.conflicts).toEqual([]);
    expect(det.papers.map((p) => p.id)).toEqual(dois.map((id) => ({ kind: 'doi', id })));
    expect(det.papers[0]!.title).toMatch(/\S/);
    expect(det.papers[0]!.anchor?.tagName).toBe('H1');
  });

  it('citation_title wins over the visible heading', () => {
    const { det } = page('publisher.example/doi/10.1145/3442188.3445922.html', 'https://publisher.example/doi/10.1145/3442188.3445922');
    expect(det.papers[0]!.title).toBe('On the Dangers of Stochastic Parrots: Can Language Models Be Too Big?');
  });

  it('two conflicting DOIs: both kept, the disagreement reported', () => {
    const { det } = page('publisher.example/article/conflict.html', 'https://publisher.example/article/conflict');
    expect(det.papers.map((p) => p.id.id)).toEqual(['10.1145/3442188.3445922', '10.1038/nature14539']);
    expect(det.conflicts).toHaveLength(1);
    expect(det.conflicts[0]).toContain('10.1145/3442188.3445922');
    expect(det.conflicts[0]).toContain('10.1038/nature14539');
    expect(det.conflicts[0]).toContain('citation_doi');
  });

  it('URL DOI and metadata DOI disagreeing is a conflict', () => {
    const html = readFileSync(join(PAGES, 'publisher.example/article/prism.html'), 'utf8');
    const url = 'https://publisher.example/doi/full/10.1002/anie.201915678';
    const det = detectFromDocument(load(html, url), url);
    expect(det.conflicts).toHaveLength(1);
    expect(det.conflicts[0]).toMatch(/the address/);
  });

  it('no DOI: nothing detected, kind other', () => {
    const { det } = page('publisher.example/article/none.html', 'https://publisher.example/article/none');
    expect(det).toMatchObject({ kind: 'other', papers: [], conflicts: [] });
  });

  it('pith.science page', () => {
    const doc = load('<html><head><title>pith</title></head><body><h1>Pith Number</h1></body></html>', 'https://pith.science/pith/7YXM6JRYOH4O5NBMCHKEPDPSW2');
    const det = detectFromDocument(doc, 'https://pith.science/pith/7YXM6JRYOH4O5NBMCHKEPDPSW2');
    expect(det.papers.map((p) => p.id)).toEqual([{ kind: 'pith', id: '7YXM6JRYOH4O5NBMCHKEPDPSW2' }]);
    expect(det.kind).toBe('other');
  });
});
