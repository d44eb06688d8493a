import { describe, expect, it } from 'vitest';
import { describeTextError, detectFromText } from '../../../lib/ids';

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
