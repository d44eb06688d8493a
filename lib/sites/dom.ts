/** DOM helpers shared by the site adapters (plain DOM: they run in content scripts and in linkedom). */
import type { PaperId } from '../ids/key';
import { arxivIdFromHref } from '../ids/links';
import type { SitePaper } from './types';

/** `root` itself when it matches, then its descendants that do, in document order. */
export function within(root: ParentNode, selector: string): Element[] {
  const out: Element[] = [];
  const self = root as Partial<Element>;
  if (typeof self.matches === 'function' && self.matches(selector)) out.push(root as Element);
  const found = root.querySelectorAll(selector);
  for (let i = 0; i < found.length; i++) out.push(found[i] as Element);
  return out;
}

/** The closest ancestor (or self) matching `selector`, without relying on Element.closest in old DOMs. */
export function closest(el: Element, selector: string): Element | null {
  return typeof el.closest === 'function' ? el.closest(selector) : null;
}

/** Has the link any visible text (not just an image)? Badges go after text links only. */
export function hasText(a: Element): boolean {
  return (a.textContent ?? '').trim().length > 0;
}

/**
 * Every text link to an arXiv paper inside `root`, one entry per link, in
 * document order; `skip` leaves out links an adapter reads otherwise.
 */
export function arxivLinks(root: ParentNode, base: string, skip?: (a: Element) => boolean): SitePaper[] {
  const out: SitePaper[] = [];
  for (const a of within(root, 'a[href]')) {
    if (skip?.(a) || !hasText(a)) continue;
    const id = arxivIdFromHref(a.getAttribute('href'), base);
    if (id) out.push({ id, role: 'about', anchor: a });
  }
  return out;
}

export function paper(id: PaperId, anchor?: Element | null): SitePaper {
  return anchor ? { id, role: 'about', anchor } : { id, role: 'about' };
}
