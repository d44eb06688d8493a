import { describe, expect, it } from 'vitest';
import {
  describeTextError,
  detectFromText,
  detectFromUrl,
  normalizeArxivId,
  normalizeDoi,
  normalizePithNumber,
  parseArxivId,
  parseDoi,
  parsePithNumber,
  PaperIdSchema,
} from '../../../lib/ids';

describe('parseArxivId', () => {
  it.each([
    ['2404.14294', { kind: 'arxiv', id: '2404.14294' }],
    ['2404.14294v3', { kind: 'arxiv', id: '2404.14294', version: 3 }],
    ['arXiv:2404.14294v12', { kind: 'arxiv', id: '2404.14294', version: 12 }],
    ['ARXIV: 2404.14294', { kind: 'arxiv', id: '2404.14294' }],
    ['0704.0001', { kind: 'arxiv', id: '0704.0001' }],
    ['1412.9999', { kind: 'arxiv', id: '1412.9999' }],
    ['1501.00001', { kind: 'arxiv', id: '1501.00001' }],
    ['hep-th/9901001', { kind: 'arxiv', id: 'hep-th/9901001' }],
    ['math.GT/0309136', { kind: 'arxiv', id: 'math/0309136' }],
    ['HEP-TH/9901001v2', { kind: 'arxiv', id: 'hep-th/9901001', version: 2 }],
    ['cond-mat/0011267v1', { kind: 'arxiv', id: 'cond-mat/0011267', version: 1 }],
    ['physics.acc-ph/0703001', { kind: 'arxiv', id: 'physics/0703001' }],
    ['  1306.0013  ', { kind: 'arxiv', id: '1306.0013' }],
  ])('%s', (input, expected) => {
    expect(parseArxivId(input)).toEqual(expected);
  });

  it.each([
    '0703.0001', // before the first new-style month
    '0612.12345', // 5 digits before 1501
    '1412.12345',
    '1501.0001', // 4 digits from 1501
    '2413.00001', // month 13
    '2400.00001', // month 00
    '2404.00000',
    '2404.14294v0',
    '2404.14294v',
    '2404.142944',
    'foo/9901001', // unknown archive
    'hep-th/0704001', // old style ended March 2007
    'hep-th/9913001', // month 13
    'hep-th/990100',
    '',
    '2404-14294',
  ])('rejects %j', (input) => {
    expect(parseArxivId(input)).toBeNull();
  });

  it('normalizes to text and is idempotent', () => {
    expect(normalizeArxivId('arXiv:math.GT/0309136v2')).toBe('math/0309136v2');
    expect(normalizeArxivId('math/0309136v2')).toBe('math/0309136v2');
    expect(normalizeArxivId('nope')).toBeNull();
  });
});

describe('parseDoi / normalizeDoi', () => {
  it.each([
    ['10.1145/3442188.3445922', '10.1145/3442188.3445922'],
    ['doi:10.1145/3442188.3445922.', '10.1145/3442188.3445922'],
    ['DOI: 10.1038/NATURE14539', '10.1038/nature14539'],
    ['https://doi.org/10.1038/nature14539', '10.1038/nature14539'],
    ['http://dx.doi.org/10.1038/nature14539', '10.1038/nature14539'],
    ['info:doi/10.1038/nature14539', '10.1038/nature14539'],
    ['10.1016/S0140-6736(20)30183-5', '10.1016/s0140-6736(20)30183-5'],
    ['10.1016/S0140-6736(20)30183-5)', '10.1016/s0140-6736(20)30183-5'],
    ['10.1016/S0140-6736(20)30183-5).', '10.1016/s0140-6736(20)30183-5'],
    ['10.1000/abc[1]', '10.1000/abc[1]'],
    ['10.1000/abc]', '10.1000/abc'],
    ['10.1000.10/xyz', '10.1000.10/xyz'],
    ['10.1002%2F%28SICI%291097-4571%28199806%2949%3A8%3C693%3A%3AAID-ASI4%3E3.0.CO%3B2-0', '10.1002/(sici)1097-4571(199806)49:8<693::aid-asi4>3.0.co;2-0'],
    ['10.1002/(SICI)1097-4571(199806)49:8<693::AID-ASI4>3.0.CO;2-0', '10.1002/(sici)1097-4571(199806)49:8<693::aid-asi4>3.0.co;2-0'],
    ['10.1234/a%ZZb', '10.1234/a%zzb'], // stray % kept
    ['10.1234/caf%C3%A9', '10.1234/café'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeDoi(input)).toBe(expected);
    expect(parseDoi(input)).toEqual({ kind: 'doi', id: expected });
  });

  it.each(['10.1234', '10.123/abc', '10.1234/', '11.1234/abc', 'doi:', 'hello', '10.1234 /abc', ''])('rejects %j', (input) => {
    expect(parseDoi(input)).toBeNull();
  });

  it('arXiv DOIs become arXiv ids', () => {
    expect(parseDoi('10.48550/arXiv.2404.14294')).toEqual({ kind: 'arxiv', id: '2404.14294' });
    expect(parseDoi('https://doi.org/10.48550/ARXIV.hep-th/9901001')).toEqual({ kind: 'arxiv', id: 'hep-th/9901001' });
    // An arXiv-prefix DOI that is not a valid arXiv id stays a DOI.
    expect(parseDoi('10.48550/arXiv.9999.x')).toEqual({ kind: 'doi', id: '10.48550/arxiv.9999.x' });
  });
});

describe('parsePithNumber', () => {
  it.each([
    ['pith:2024:7YXM6JRYOH4O5NBMCHKEPDPSW2', '7YXM6JRYOH4O5NBMCHKEPDPSW2', 2024],
    ['PITH:2024:7yxm6jryoh4o5nbmchkepdpsw2', '7YXM6JRYOH4O5NBMCHKEPDPSW2', 2024],
    ['pith:7YXM6JRY', '7YXM6JRY', undefined],
    ['pith:7yxm6jryoh4o', '7YXM6JRYOH4O', undefined],
    ['7YXM6JRYOH4O5NBM', '7YXM6JRYOH4O5NBM', undefined],
    ['7YXM6JRYOH4O5NBMCHKEPDPSW2', '7YXM6JRYOH4O5NBMCHKEPDPSW2', undefined],
    [' 7yxm6jry ', '7YXM6JRY', undefined],
  ])('%s', (input, id, year) => {
    const r = parsePithNumber(input);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.id).toEqual({ kind: 'pith', id });
      expect(r.year).toBe(year);
      expect(PaperIdSchema.safeParse(r.id).success).toBe(true);
    }
  });

  it.each([
    ['pith:2024:7YXM6JRYOH4O5NBMCHKEPDPSW1', /'1' is not in the Pith base32 alphabet/],
    ['pith:2024:7YXM6JRY', /26-character suffix, not 8/],
    ['pith:7YXM6JRYO', /8, 12, 16 or 26 characters, not 9/],
    ['7YXM6JR0', /'0' is not/],
    ['pith:24:7YXM6JRYOH4O5NBMCHKEPDPSW2', /four digits/],
    ['', /empty/],
    ['pith', /expected pith:SUFFIX/],
  ])('%s → error', (input, error) => {
    const r = parsePithNumber(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(error);
  });

  it('normalize is idempotent', () => {
    const n = normalizePithNumber('pith:2024:7yxm6jryoh4o5nbmchkepdpsw2');
    expect(n).toBe('7YXM6JRYOH4O5NBMCHKEPDPSW2');
    expect(normalizePithNumber(n!)).toBe(n);
  });
});

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

describe('detectFromText, beyond the shared vectors', () => {
  it.each([
    ['see arXiv:2404.14294v3, section 2', [{ kind: 'arxiv', id: '2404.14294', version: 3 }]],
    ['(hep-th/9901001)', [{ kind: 'arxiv', id: 'hep-th/9901001' }]],
    ['arxiv.org/abs/2404.14294', [{ kind: 'arxiv', id: '2404.14294' }]],
    ['doi.org/10.1038/nature14539', [{ kind: 'doi', id: '10.1038/nature14539' }]],
    ['Published as doi:10.1038/nature14539.', [{ kind: 'doi', id: '10.1038/nature14539' }]],
    ['Read https://arxiv.org/abs/2404.14294v3.', [{ kind: 'arxiv', id: '2404.14294', version: 3 }]],
    ['"pith:7YXM6JRY"', [{ kind: 'pith', id: '7YXM6JRY' }]],
    [
      '2404.14294 and 10.1038/nature14539',
      [
        { kind: 'arxiv', id: '2404.14294' },
        { kind: 'doi', id: '10.1038/nature14539' },
      ],
    ],
    ['10.1145%2F3442188.3445922', [{ kind: 'doi', id: '10.1145/3442188.3445922' }]],
    ['hello world', []],
    ['version 12.34', []],
  ])('%j', (text, expected) => {
    expect(detectFromText(text)).toEqual(expected);
  });

  it('describeTextError gives one line per kind of mistake', () => {
    expect(describeTextError('2404.14294')).toBeNull();
    const cases: [string, RegExp][] = [
      ['', /Type an arXiv id/],
      ['2413.00001', /not a month/],
      ['1201.12345', /4 digits/],
      ['0612.12345', /0704/],
      ['1501.0001', /5 digits/],
      ['0601.0001', /0704/],
      ['foo/9901001', /'foo' is not an arXiv archive/],
      ['10.1234', /suffix/],
      ['10.12/abc', /at least 4 digits/],
      ['pith:2024:7YXM6JRYOH4O5NBMCHKEPDPSW1', /'1' is not in the Pith base32 alphabet/],
      ['7YXM6JRYO', /Pith Number.*not 9/],
      ['https://arxiv.org/list/cs.CL/new', /not to a single paper/],
      ['hello world', /Not an arXiv id/],
    ];
    for (const [text, re] of cases) {
      const e = describeTextError(text);
      expect(e, text).toMatch(re);
      expect(e).not.toContain('\n');
    }
  });
});
