import type { PaperId } from './key';
import { findArxivIdsInText, parseArxivId, OLD_STYLE_ARCHIVES } from './arxiv';
import { findDoisInText, parseDoi, percentDecode, trimDoiTail } from './doi';
import { findPithNumbersInText, parsePithNumber } from './pith-number';
import { detectFromUrl } from './url';
import { dedupeIds } from './util';

const MAX_TEXT = 100_000;
const SCHEME = /^[a-z][a-z0-9+.-]{0,20}:\/\//i;
const BARE_HOST = /^(?:www\.)?(?:(?:export\.)?arxiv\.org|(?:dx\.)?doi\.org|pith\.science)\//i;
const URL_IN_TEXT = /https?:\/\/[^\s<>"'\u201c\u201d]+/gi;

/** The whole input as one id (after trimming): URL, arXiv id, DOI or Pith Number. */
function wholeInput(s: string): PaperId[] {
  if (SCHEME.test(s)) return detectFromUrl(s);
  if (BARE_HOST.test(s)) return detectFromUrl(`https://${s}`);
  const a = parseArxivId(s);
  if (a) return [a];
  const d = parseDoi(s);
  if (d) return [d];
  const p = parsePithNumber(s);
  if (p.ok) return [p.id];
  return [];
}

function scan(text: string): PaperId[] {
  const found: { id: PaperId; index: number }[] = [];
  const re = new RegExp(URL_IN_TEXT.source, URL_IN_TEXT.flags);
  for (let m = re.exec(text); m; m = re.exec(text)) {
    for (const id of detectFromUrl(trimDoiTail(m[0]))) found.push({ id, index: m.index });
  }
  found.push(...findArxivIdsInText(text), ...findDoisInText(text), ...findPithNumbersInText(text));
  found.sort((x, y) => x.index - y.index);
  return dedupeIds(found.map((f) => f.id));
}

/**
 * What the popup's lookup box reads from typed or pasted text: an arXiv id
 * (with or without `arXiv:`), a DOI (with or without `doi:`), a Pith Number,
 * or a URL (through detectFromUrl), alone or inside a sentence. [] when none.
 */
export function detectFromText(text: string): PaperId[] {
  if (typeof text !== 'string') return [];
  const s = text.slice(0, MAX_TEXT).trim();
  if (s.length === 0) return [];
  const whole = wholeInput(s);
  if (whole.length > 0) return whole;
  if (s.includes('%')) {
    const decoded = percentDecode(s, 3).trim();
    if (decoded !== s) {
      const w = wholeInput(decoded);
      if (w.length > 0) return w;
    }
  }
  const scanned = scan(s);
  if (scanned.length > 0 || !s.includes('%')) return scanned;
  return scan(percentDecode(s, 3));
}

/**
 * A one-line reason why `text` is not an id, for an inline error under the
 * lookup box; null when detectFromText finds an id in it.
 */
export function describeTextError(text: string): string | null {
  if (typeof text !== 'string') return 'Type an arXiv id, a DOI, a Pith Number or a paper link.';
  const s = text.trim();
  if (s.length === 0) return 'Type an arXiv id, a DOI, a Pith Number or a paper link.';
  if (detectFromText(s).length > 0) return null;
  if (SCHEME.test(s) || BARE_HOST.test(s)) {
    return 'This link is not to a single paper (arXiv abstract or PDF, doi.org, a publisher page with a DOI in its address, or pith.science).';
  }
  const body = s.replace(/^arxiv\s*:\s*/i, '');
  let m = /^(\d{2})(\d{2})\.(\d+)(v\d*)?$/.exec(body);
  if (m) {
    const [, yy = '', mm = '', num = '', v] = m;
    const month = Number(mm);
    const yymm = Number(yy) * 100 + month;
    if (month < 1 || month > 12) return `arXiv ids start with YYMM; ${mm} is not a month (01–12).`;
    if (yymm < 704) return 'New-style arXiv ids (YYMM.NNNN) start in April 2007 (0704); older papers look like hep-th/9901001.';
    if (num.length === 5 && yymm < 1501) return `arXiv ids before 1501 have 4 digits after the dot (${yy}${mm}.NNNN).`;
    if (num.length === 4 && yymm >= 1501) return `arXiv ids from 1501 on have 5 digits after the dot (${yy}${mm}.NNNNN).`;
    if (num.length < 4 || num.length > 5) return 'arXiv ids have 4 or 5 digits after the dot (YYMM.NNNNN).';
    if (v !== undefined) return 'An arXiv version is v followed by a number from 1 (e.g. v2).';
    return 'Not a valid arXiv id.';
  }
  m = /^([a-z][a-z-]*)(?:\.[a-z-]+)?\/(\d+)(v\d*)?$/i.exec(body);
  if (m) {
    const [, archive = '', num = ''] = m;
    if (!OLD_STYLE_ARCHIVES.has(archive.toLowerCase())) return `'${archive}' is not an arXiv archive of old-style ids (such as hep-th/9901001).`;
    if (num.length !== 7) return 'Old-style arXiv ids have 7 digits after the slash (archive/YYMMNNN).';
    return 'Old-style arXiv ids run from 1991 to March 2007 (archive/YYMMNNN, month 01–12).';
  }
  const doiBody = s.replace(/^doi\s*:\s*/i, '');
  if (/^10\./.test(doiBody)) {
    if (!/^10\.\d{4,}/.test(doiBody)) return 'A DOI starts with 10. and a registrant code of at least 4 digits (10.1145/…).';
    if (!doiBody.includes('/')) return 'A DOI needs a suffix after the prefix: 10.NNNN/suffix.';
    return 'Not a valid DOI (10.NNNN/suffix).';
  }
  if (/^doi\s*:/i.test(s)) return 'A DOI starts with 10. (for example 10.1145/3442188.3445922).';
  if (/^pith\b/i.test(s) || /^[A-Za-z2-7]{6,30}$/.test(s) || /^[A-Za-z0-9]{8,30}$/.test(s)) {
    const r = parsePithNumber(s);
    if (!r.ok) return `Not a Pith Number: ${r.error}.`;
  }
  return 'Not an arXiv id, DOI, Pith Number or paper link.';
}
