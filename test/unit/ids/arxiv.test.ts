import { describe, expect, it } from 'vitest';
import { normalizeArxivId, parseArxivId } from '../../../lib/ids';

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
