import { describe, expect, test } from 'vitest';
import { semanticScholar } from '../../../lib/sites/semantic-scholar';
import { ids, read } from '../../helpers/site-pages';

describe('Semantic Scholar', () => {
  test('paper page: about its arXiv id from the header; references and citations mentioned, once each', () => {
    const r = read(semanticScholar, 's2paper');
    expect(r.shape).toBe('paper');
    expect(ids(r.papers)).toEqual(['about arXiv:2404.14294', 'mentioned arXiv:1903.07835', 'mentioned arXiv:2302.14782', 'mentioned arXiv:2304.01373v1']);
    expect(r.papers[0]!.anchor?.getAttribute('data-test-id')).toBe('paper-detail-title');
  });

  test('search: each row with an arXiv link is its own paper, badge after the title link', () => {
    const r = read(semanticScholar, 's2search');
    expect(r.shape).toBe('list');
    expect(ids(r.papers)).toEqual(['about arXiv:2404.14294', 'about arXiv:2302.14782']);
    expect(r.papers.every((p) => p.anchor?.getAttribute('data-test-id') === 'title-link')).toBe(true);
  });
});
