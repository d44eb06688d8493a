// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { placeBadge, placementFor, titleHeading } from '../../../lib/inpage/placement';

describe('placement', () => {
  test('after a link in a listing row; inside at the end of a title block', () => {
    document.body.innerHTML = `
      <dl><dt><a name="item1">[1]</a> <a href="/abs/2404.14294" title="Abstract" id="2404.14294">arXiv:2404.14294</a> [<a href="/pdf/2404.14294">pdf</a>]</dt></dl>
      <h1 class="title mathjax"><span class="descriptor">Title:</span>A paper</h1>`;
    const link = document.querySelector('a[title=Abstract]')!;
    const h1 = document.querySelector('h1')!;
    expect(placementFor(link)).toBe('afterend');
    expect(placementFor(h1)).toBe('beforeend');
    const b1 = document.createElement('span');
    const b2 = document.createElement('span');
    expect(placeBadge(link, b1)).toBe(true);
    expect(placeBadge(h1, b2)).toBe(true);
    expect(link.nextSibling).toBe(b1);
    expect(h1.lastChild).toBe(b2);
    // The heading's text is unchanged (the badge has no light-DOM text).
    expect(h1.textContent).toBe('Title:A paper');
  });

  test('a detached anchor gets nothing', () => {
    const a = document.createElement('a');
    expect(placeBadge(a, document.createElement('span'))).toBe(false);
    const h = document.createElement('h1');
    expect(placeBadge(h, document.createElement('span'))).toBe(false);
  });

  test('titleHeading prefers the heading that shows the paper title over a site banner', () => {
    document.body.innerHTML = `<h1>Journal of Things</h1><div><h1 class="citation__title">Deep   Results on Things</h1></div>`;
    const banner = document.querySelector('h1')!;
    expect(titleHeading(document, 'Deep Results on Things', banner)?.className).toBe('citation__title');
    expect(titleHeading(document, 'Something else entirely', banner)).toBe(banner);
    expect(titleHeading(document, undefined, undefined)).toBeUndefined();
  });
});
