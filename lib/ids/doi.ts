import type { PaperId } from './key';
import { parseArxivId, type ArxivPaperId } from './arxiv';
import { matchesInText } from './util';

type DoiPaperId = Extract<PaperId, { kind: 'doi' }>;

/**
 * Crossref-style DOI: `10.` + registrant code of 4–9 digits, optional `.NNNN`
 * subdivisions, `/`, a non-empty suffix. Prefix is bounded, suffix is a single
 * character class: no backtracking beyond a constant per start position.
 */
const DOI_WHOLE = /^10\.\d{4,9}(?:\.\d{1,9}){0,4}\/\S+$/;
/** In free text: stops at whitespace and quotes. Global (matchesInText scans with a copy). */
const DOI_IN_TEXT = /(?<![\w.])10\.\d{4,9}(?:\.\d{1,9}){0,4}\/[^\s"'\u201c\u201d\u2018\u2019]+/g;
const DOI_PREFIXES = /^(?:doi\s*:\s*|(?:https?:\/\/)?(?:dx\.|www\.)?doi\.org\/|info:doi\/)/i;
const ARXIV_DOI = /^10\.48550\/arxiv\.(.+)$/i;

const MAX_DOI_LENGTH = 512;

const PCT_RUN = /(?:%[0-9a-fA-F]{2})+/g;

/**
 * Decode runs of percent-escapes; a run that is not valid UTF-8 is left as it
 * is. Repeated until nothing changes (each pass shortens the string), so the
 * result is a fixed point and normalization stays idempotent. `maxPasses`
 * bounds the work on long adversarial text (`%252525…`).
 */
export function percentDecode(s: string, maxPasses = Number.POSITIVE_INFINITY): string {
  let cur = s;
  for (let pass = 0; pass < maxPasses && cur.includes('%'); pass++) {
    const next = cur.replace(PCT_RUN, (run) => {
      try {
        return decodeURIComponent(run);
      } catch {
        return run;
      }
    });
    if (next === cur) break;
    cur = next;
  }
  return cur;
}

const OPENER_OF: Record<string, string> = { ')': '(', ']': '[', '}': '{', '>': '<' };
const SENTENCE_PUNCT = new Set(['.', ',', ';', ':', '!', '?', '"', "'", '\u201d', '\u2019']);

/**
 * Drop trailing sentence punctuation and unbalanced closing brackets; keep
 * balanced ones. Linear: bracket counts are taken once and updated as the
 * tail shrinks.
 */
export function trimDoiTail(s: string): string {
  const counts = new Map<string, number>();
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === '(' || c === ')' || c === '[' || c === ']' || c === '{' || c === '}' || c === '<' || c === '>') {
      counts.set(c, (counts.get(c) ?? 0) + 1);
    }
  }
  let end = s.length;
  while (end > 0) {
    const last = s[end - 1]!;
    if (SENTENCE_PUNCT.has(last)) {
      end--;
      continue;
    }
    const opener = OPENER_OF[last];
    if (opener !== undefined && (counts.get(last) ?? 0) > (counts.get(opener) ?? 0)) {
      counts.set(last, (counts.get(last) ?? 0) - 1);
      end--;
      continue;
    }
    break;
  }
  return s.slice(0, end);
}

export type ParsedDoi = DoiPaperId | ArxivPaperId;

/**
 * Parse a DOI (whole string): accepts `doi:` / `https://doi.org/` prefixes,
 * percent-encoding, any case, trailing sentence punctuation and unbalanced
 * closing brackets. The arXiv DOI `10.48550/arXiv.ID` is returned as the
 * arXiv id. Returns null when not a DOI.
 */
export function parseDoi(input: string): ParsedDoi | null {
  const doi = normalizeDoi(input);
  if (doi === null) return null;
  const ax = ARXIV_DOI.exec(doi);
  if (ax && ax[1] !== undefined) {
    const a = parseArxivId(ax[1]);
    if (a) return a;
  }
  return { kind: 'doi', id: doi };
}

/**
 * Normalize a DOI string: strip prefixes, percent-decode, trim trailing
 * punctuation, lower-case. Returns null when not a DOI. Idempotent.
 * (An arXiv DOI stays a DOI here: `10.48550/arxiv.2404.14294`.)
 */
export function normalizeDoi(input: string): string | null {
  if (typeof input !== 'string') return null;
  let s = input.trim();
  if (s.length === 0 || s.length > MAX_DOI_LENGTH * 4) return null;
  s = s.replace(DOI_PREFIXES, '');
  s = percentDecode(s).trim();
  s = s.replace(DOI_PREFIXES, '');
  s = trimDoiTail(s).toLowerCase();
  if (s.length > MAX_DOI_LENGTH) return null;
  if (!DOI_WHOLE.test(s)) return null;
  return s;
}

/** All DOIs appearing in free text, normalized, in order of appearance (not deduplicated). */
export function findDoisInText(text: string): { id: ParsedDoi; index: number }[] {
  return matchesInText(text, DOI_IN_TEXT, (m) => parseDoi(m[0]));
}
