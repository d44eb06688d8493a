import { describe, expect, test } from 'vitest';
import { alphaxiv } from '../../../lib/sites/alphaxiv';
import { ids, read } from '../../helpers/site-pages';

describe('alphaXiv and ar5iv', () => {
  test("alphaXiv: the address's paper; discussion links mentioned", () => {
    const r = read(alphaxiv, 'alphaxiv');
    expect(ids(r.papers)).toEqual(['about arXiv:2404.14294', 'mentioned arXiv:2302.14782', 'mentioned arXiv:1903.07835']);
    expect(alphaxiv.handles(new URL('https://alphaxiv.org/overview/2404.14294v2'))).toBe(true);
    expect(alphaxiv.handles(new URL('https://www.alphaxiv.org/explore'))).toBe(false);
  });
});
