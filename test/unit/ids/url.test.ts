import { describe, expect, it } from 'vitest';
import { detectFromUrl } from '../../../lib/ids';

describe('detectFromUrl, beyond the shared vectors', () => {
  it.each([
    ['https://arxiv.org/pdf/2404.14294v2.pdf', { kind: 'arxiv', id: '2404.14294', version: 2 }],
    ['https://arxiv.org/pdf/hep-th/9901001v1.pdf', { kind: 'arxiv', id: 'hep-th/9901001', version: 1 }],
    ['https://arxiv.org/format/2404.14294', { kind: 'arxiv', id: '2404.14294' }],
    ['https://arxiv.org/html/2404.14294v3/S2.html#S2.SS1', { kind: 'arxiv', id: '2404.14294', version: 3 }],
    ['https://arxiv.org/abs/2404.14294v3/', { kind: 'arxiv', id: '2404.14294', version: 3 }],
    ['https://arxiv.org/abs/hep-th%2F9901001', { kind: 'arxiv', id: 'hep-th/9901001' }],
    ['https://export.arxiv.org/pdf/math.GT/0309136', { kind: 'arxiv', id: 'math/0309136' }],
    ['https://onlinelibrary.wiley.com/doi/epdf/10.1002/anie.201915678', { kind: 'doi', id: '10.1002/anie.201915678' }],
    ['https://dl.acm.org/doi/pdf/10.1145/3442188.3445922?download=true', { kind: 'doi', id: '10.1145/3442188.3445922' }],
    ['https://dl.acm.org/doi/full/10.1145/3442188.3445922#sec-1', { kind: 'doi', id: '10.1145/3442188.3445922' }],
    ['https://www.tandfonline.com/doi/10.1080/14786435.2011.559176', { kind: 'doi', id: '10.1080/14786435.2011.559176' }],
    ['https://www.frontiersin.org/articles/10.3389/fpsyg.2020.01234/full', { kind: 'doi', id: '10.3389/fpsyg.2020.01234' }],
    ['https://example.org/search?doi=10.1038%2Fnature14539', { kind: 'doi', id: '10.1038/nature14539' }],
    ['https://doi.org/doi:10.1038/nature14539', { kind: 'doi', id: '10.1038/nature14539' }],
    ['https://www.pith.science/pith/7YXM6JRYOH4O5NBMCHKEPDPSW2.json', { kind: 'pith', id: '7YXM6JRYOH4O5NBMCHKEPDPSW2' }],
    ['https://pith.science/pith/7YXM6JRYOH4O5NBMCHKEPDPSW2/bundle.json', { kind: 'pith', id: '7YXM6JRYOH4O5NBMCHKEPDPSW2' }],
    ['https://pith.science/paper/2605.14370', { kind: 'arxiv', id: '2605.14370' }],
  ])('%s', (url, expected) => {
    expect(detectFromUrl(url)).toEqual([expected]);
  });

  it.each([
    'https://arxiv.org/',
    'https://arxiv.org/list/cs.CL/recent',
    'https://arxiv.org/catchup/cs.CL/2024-04-22',
    'https://arxiv.org/search/?query=llm&searchtype=all',
    'https://arxiv.org/abs/2404.1429',
    'https://doi.org/',
    'https://doi.org/10.1234',
    'https://example.com/pdf/10.1234/abc', // no /doi/ segment and not an article path
    'https://pith.science/',
    'ftp://arxiv.org/abs/2404.14294',
    'not a url',
    '',
  ])('%s → []', (url) => {
    expect(detectFromUrl(url)).toEqual([]);
  });
});
