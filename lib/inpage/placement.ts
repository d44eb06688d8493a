/**
 * Where an inline badge goes relative to the element detection gave us
 * (`DetectedPaper.anchor`): after a link (`a[title=Abstract]` in a listing
 * row), at the end of a block (`h1.title`, `p.list-title`, a publisher's
 * heading), so the badge reads as part of the title line.
 */
export type Placement = 'afterend' | 'beforeend';

/** After an inline element (a link, a span), inside at the end of anything else (a heading, a paragraph, a row). */
export function placementFor(anchor: Element): Placement {
  return /^(A|SPAN|B|I|EM|STRONG|CODE|SMALL|IMG|BR)$/i.test(anchor.tagName) ? 'afterend' : 'beforeend';
}

/** Insert `badge` next to `anchor`; false when the anchor is detached (nothing inserted). */
export function placeBadge(anchor: Element, badge: Element): boolean {
  if (!anchor.isConnected) return false;
  anchor.insertAdjacentElement(placementFor(anchor), badge);
  return true;
}

/**
 * For a publisher page: the heading that shows the paper's title, when one
 * does (so the badge sits by the title, not a site banner's h1); else the
 * fallback (detection's first h1).
 */
export function titleHeading(doc: Document, title: string | undefined, fallback: Element | undefined): Element | undefined {
  if (title) {
    const want = norm(title);
    if (want.length > 0) {
      const heads = doc.querySelectorAll('h1, h2, .citation__title, .article-title, [itemprop="headline"]');
      for (let i = 0; i < heads.length && i < 50; i++) {
        const h = heads[i];
        if (!h) continue;
        const text = norm(h.textContent ?? '');
        if (text.length > 0 && (text === want || (text.length > 20 && (text.includes(want) || want.includes(text))))) return h;
      }
    }
  }
  return fallback;
}

function norm(s: string): string {
  return s.toLowerCase().replace(/\s+/g, ' ').trim();
}
