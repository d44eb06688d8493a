/**
 * Paper ids from links and short bylines, as third-party sites show them
 * (Google Scholar, Semantic Scholar, Hugging Face, blogs, READMEs). Shared by
 * every site adapter in lib/sites/ so each one only says *where* to look.
 */
import type { PaperId } from './key';
import { parseArxivId } from './arxiv';
import { detectFromUrl, isArxivHost, safeUrl } from './url';

/**
 * The arXiv paper a link points at: arxiv.org `abs`/`pdf`/`html` (with or
 * without `vN`), ar5iv, and the arXiv DOI (`doi.org/10.48550/arXiv.ID`).
 * Null for anything else, listings and arXiv's own non-paper pages included.
 */
export function arxivIdFromHref(href: string | null | undefined, base?: string): PaperId | null {
  if (!href) return null;
  const u = safeUrl(href, base);
  if (!u || (u.protocol !== 'http:' && u.protocol !== 'https:')) return null;
  const host = u.hostname.toLowerCase();
  if (!isArxivHost(host) && !/^(?:dx\.|www\.)?doi\.org$/.test(host)) return null;
  const id = detectFromUrl(u.href)[0];
  return id && id.kind === 'arxiv' ? id : null;
}

/**
 * The paper a link points at: an arXiv paper first (see arxivIdFromHref),
 * else a DOI carried in the address (doi.org, a publisher's `/doi/10.…` path,
 * `?doi=`). Null when the link names no paper.
 */
export function paperIdFromHref(href: string | null | undefined, base?: string): PaperId | null {
  const arxiv = arxivIdFromHref(href, base);
  if (arxiv) return arxiv;
  if (!href) return null;
  const u = safeUrl(href, base);
  if (!u || (u.protocol !== 'http:' && u.protocol !== 'https:')) return null;
  const id = detectFromUrl(u.href)[0];
  return id && id.kind === 'doi' ? id : null;
}

const ARXIV_IN_BYLINE = /\barXiv\s*(?:preprint\s*)?(?:arXiv)?\s*:\s*([a-z-]+(?:\.[A-Z]{2})?\/\d{7}|\d{4}\.\d{4,5})(v\d+)?/i;

/**
 * An arXiv id written in a byline, as Google Scholar prints preprints:
 * "arXiv preprint arXiv:2404.14294, 2024", "arXiv:hep-th/9901001".
 */
export function arxivIdInByline(text: string | null | undefined): PaperId | null {
  if (!text) return null;
  const m = ARXIV_IN_BYLINE.exec(text.slice(0, 2000));
  if (!m || m[1] === undefined) return null;
  return parseArxivId(m[1] + (m[2] ?? ''));
}
