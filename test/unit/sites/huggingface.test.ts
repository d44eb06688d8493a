import { describe, expect, test } from 'vitest';
import { huggingface } from '../../../lib/sites/huggingface';
import { ids, read } from '../../helpers/site-pages';

describe('Hugging Face', () => {
  test('daily list: one paper per card, in order, badge after the title link in h3', () => {
    const r = read(huggingface, 'hfList');
    expect(r.shape).toBe('list');
    expect(ids(r.papers)).toEqual([
      'about arXiv:2404.14294',
      'about arXiv:2304.01373',
      'about arXiv:2404.00003',
      'about arXiv:2302.14782',
      'about arXiv:2404.99999',
    ]);
    expect(r.papers.every((p) => p.anchor?.parentElement?.tagName === 'H3')).toBe(true);
  });

  test("paper page: about the address's paper; similar papers and links mentioned", () => {
    const r = read(huggingface, 'hfPaper');
    expect(r.shape).toBe('paper');
    expect(ids(r.papers)).toEqual(['about arXiv:2404.14294', 'mentioned arXiv:2302.14782', 'mentioned arXiv:1306.0013', 'mentioned arXiv:2304.01373v2']);
    expect(r.papers[0]!.anchor?.tagName).toBe('H1');
  });
});
