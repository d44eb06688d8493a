import { describe, expect, test } from 'vitest';
import { anyPage } from '../../../lib/sites/any-page';
import { ids, read } from '../../helpers/site-pages';

describe('any page', () => {
  test('200 arXiv links in every pasted form: 200 papers in page order, each with its link as anchor; non-paper links skipped', () => {
    const r = read(anyPage, 'thread');
    expect(r.shape).toBe('list');
    expect(r.papers).toHaveLength(200);
    expect(ids(r.papers.slice(0, 8))).toEqual([
      'about arXiv:2404.14294',
      'about arXiv:2304.01373',
      'about arXiv:1903.07835v1',
      'about arXiv:2302.14782v2',
      'about arXiv:1306.0013',
      'about arXiv:2605.00424',
      'about arXiv:2404.99998',
      'about arXiv:2404.99999',
    ]);
    expect(r.papers.every((p) => p.anchor?.tagName === 'A' && (p.anchor.textContent ?? '').trim() !== '')).toBe(true);
    // The header's image-only link to 2404.14294 is not the anchor; the thread's text link is.
    expect(r.papers[0]!.anchor?.closest('li')?.id).toBe('p0');
  });
});
