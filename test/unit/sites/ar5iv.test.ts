import { describe, expect, test } from 'vitest';
import { siteFor } from '../../../lib/sites';
import { ar5iv } from '../../../lib/sites/ar5iv';
import { ids, read } from '../../helpers/site-pages';

describe('alphaXiv and ar5iv', () => {
  test("ar5iv: the address's paper; the bibliography's arXiv links mentioned, DOIs left out", () => {
    const r = read(ar5iv, 'ar5iv');
    expect(ids(r.papers)).toEqual([
      'about arXiv:2404.14294',
      'mentioned arXiv:1903.07835',
      'mentioned arXiv:2302.14782',
      'mentioned arXiv:1306.0013v1',
      'mentioned arXiv:2304.01373',
    ]);
    expect(r.papers[0]!.anchor?.className).toContain('ltx_title_document');
    expect(siteFor('https://ar5iv.org/abs/2404.14294')?.key).toBe('ar5iv');
  });
});
