import { describe, expect, it } from 'vitest';
import { normalizeDoi, parseDoi } from '../../../lib/ids';

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
